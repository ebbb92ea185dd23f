package io.jcors.spring.boot;

import io.jcors.CorsListener;
import io.jcors.CorsRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counter {@code jcors.requests}, tagged {@code route} (the route's path as written, {@code
 * none} when no route was chosen), {@code outcome} ({@code allowed}, {@code refused}, {@code
 * preflight}) and {@code reason} (why a request was refused, {@code none} otherwise): one counter
 * per route and outcome, a bounded set, and never the request's origin, which a client chooses. The
 * counters of a route are made on its first request; a request then only increments one.
 */
final class JcorsMetrics implements CorsListener, MeterBinder {
  static final String NAME = "jcors.requests";

  /** The route tag of a request no route was chosen for; every route path starts with /. */
  static final String NO_ROUTE = "none";

  /** The reason tag of each refusal, made once: reporting a refusal allocates nothing. */
  private static final String[] REASONS = new String[Refusal.values().length];

  static {
    for (Refusal reason : Refusal.values()) {
      REASONS[reason.ordinal()] = reason.name().toLowerCase(Locale.ROOT);
    }
  }

  private final ConcurrentHashMap<String, RouteCounters> routes = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    routes.clear();
  }

  @Override
  public void allowed(String route, CorsRequest request) {
    RouteCounters counters = counters(route);
    if (counters != null) {
      counters.allowed.increment();
    }
  }

  @Override
  public void preflight(String route, CorsRequest request) {
    RouteCounters counters = counters(route);
    if (counters != null) {
      counters.preflight.increment();
    }
  }

  @Override
  public void refused(String route, Refusal reason, CorsRequest request) {
    RouteCounters counters = counters(route);
    if (counters != null) {
      counters.refused[reason.ordinal()].increment();
    }
  }

  /** The counters of {@code route}; null before a registry is bound (the first requests). */
  private RouteCounters counters(String route) {
    String tag = route == null ? NO_ROUTE : route;
    RouteCounters counters = routes.get(tag);
    if (counters == null) {
      MeterRegistry bound = registry;
      if (bound == null) {
        return null;
      }
      counters = routes.computeIfAbsent(tag, path -> new RouteCounters(bound, path));
    }
    return counters;
  }

  /** The counters of one route: one per outcome, one per reason of a refusal. */
  private static final class RouteCounters {
    final Counter allowed;
    final Counter preflight;
    final Counter[] refused = new Counter[REASONS.length];

    RouteCounters(MeterRegistry registry, String route) {
      allowed = counter(registry, route, "allowed", "none");
      preflight = counter(registry, route, "preflight", "none");
      for (int i = 0; i < REASONS.length; i++) {
        refused[i] = counter(registry, route, "refused", REASONS[i]);
      }
    }

    private static Counter counter(
        MeterRegistry registry, String route, String outcome, String reason) {
      return Counter.builder(NAME)
          .description("CORS requests (with an Origin header) decided by jcors")
          .tag("route", route)
          .tag("outcome", outcome)
          .tag("reason", reason)
          .register(registry);
    }
  }
}
