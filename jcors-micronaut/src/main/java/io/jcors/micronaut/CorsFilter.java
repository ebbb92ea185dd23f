package io.jcors.micronaut;

import io.jcors.CorsDecision;
import io.jcors.CorsPolicy;
import io.jcors.config.OriginSources;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.env.Environment;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a jcors policy to every request of a Micronaut 4 server: {@code app.use(cors())} for
 * Micronaut. Adding {@code jcors-micronaut} to the application is all it takes; the policy comes
 * from the {@code jcors.*} properties ({@code application.yml}):
 *
 * <pre>
 * jcors:
 *   origin: [https://app.example.com, "https://*.example.org"]
 *   credentials: true
 *   max-age: 600
 * </pre>
 *
 * <p>or from a {@link CorsPolicy} bean, which replaces the properties:
 *
 * <pre>{@code
 * &#64;Factory
 * class Cors {
 *   &#64;Singleton
 *   CorsPolicy corsPolicy() {
 *     return CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
 *   }
 * }
 * }</pre>
 *
 * <p>The filter runs in {@link ServerFilterPhase#METRICS}'s slot after it (where Micronaut's own
 * CORS filter runs), before {@link ServerFilterPhase#SECURITY}: preflights are answered here, with
 * {@code optionsSuccessStatus} and {@code Content-Length: 0}, before Micronaut Security asks for
 * credentials, unless {@code preflightContinue} passes them on. Every other response gets its CORS
 * headers on the way out, whoever made it: the application, an exception handler, Micronaut's
 * validation (a 400), Micronaut Security (a 401 or 403), the router (a 404). When an origin or
 * options function completes later, the request continues on the thread that completes it, and no
 * event-loop thread waits; when it fails, the client gets a 500 without CORS headers.
 *
 * <p>The bean is created when the application context starts, so an invalid {@code jcors.*}
 * configuration stops the start with a {@link JcorsConfigurationException} listing every problem.
 * With no {@code jcors.*} property and no {@code CorsPolicy} bean it does nothing, and says so in
 * one log line. It replaces Micronaut's own CORS filter, which would answer CORS requests its own
 * way ({@code micronaut.server.cors.*}, {@code @CrossOrigin}) and, even with CORS disabled, refuses
 * with 403 every request from a remote origin to a server reached as {@code localhost} or {@code
 * 127.x} (micronaut-core#8749, #9484): a warning says so when {@code micronaut.server.cors.enabled}
 * is on.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the decoded path. A path
 * holding {@code ;} parameters, dot segments or empty segments (which Micronaut's router matches as
 * they are), or one that cannot be decoded without ambiguity ({@link io.jcors.RequestPath}), gets
 * no CORS headers from them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Context
@Replaces(io.micronaut.http.server.cors.CorsFilter.class)
public final class CorsFilter implements Ordered {
  /** The filter's order: right after metrics, before tracing, sessions and security. */
  public static final int ORDER = ServerFilterPhase.METRICS.after();

  private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);

  /** The request attribute that carries a request's {@link Exchange} to the response filter. */
  private static final String EXCHANGE = CorsFilter.class.getName() + ".exchange";

  /** The answer of a request filter that lets the request go on; read only, never completed. */
  private static final CompletableFuture<Optional<MutableHttpResponse<?>>> GO_ON =
      CompletableFuture.completedFuture(Optional.empty());

  private final CorsPolicy policy;
  private final OriginSources sources;

  /**
   * The filter of {@code environment}'s {@code jcors.*} properties, or of {@code bean} when the
   * application has a {@link CorsPolicy} bean.
   *
   * @throws JcorsConfigurationException when the properties cannot be used
   */
  @Inject
  CorsFilter(Environment environment, Optional<CorsPolicy> bean) {
    if (environment.getProperty("micronaut.server.cors.enabled", Boolean.class).orElse(false)) {
      LOG.warn(
          "jcors: micronaut.server.cors.enabled is true, but jcors-micronaut replaces Micronaut's"
              + " CORS filter, so micronaut.server.cors.* and @CrossOrigin are not applied; set it"
              + " to false and write the CORS configuration as jcors.* properties");
    }
    if (bean.isPresent()) {
      policy = bean.get();
      sources = null;
      LOG.info("jcors: CORS from the CorsPolicy bean; jcors.* properties are not read");
      return;
    }
    OriginSources opened = OriginSources.open(CorsFilter.class.getClassLoader());
    CorsPolicy read;
    try {
      read = PropertiesPolicy.read(environment, opened);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    if (read == null) {
      opened.close();
      policy = null;
      sources = null;
      LOG.info(
          "jcors: no jcors.* properties and no CorsPolicy bean (or jcors.enabled=false), so no"
              + " CORS: set jcors.origin (or other jcors.* properties) to turn it on");
      return;
    }
    policy = read;
    sources = opened;
  }

  /** Closes the origin sources the configuration named (an origin list from a database). */
  @PreDestroy
  void close() {
    if (sources != null) {
      sources.close();
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  /**
   * Decides: answers a preflight (a completed stage holding the answer), or lets the request go on
   * (a completed stage holding nothing); a stage that completes later while an origin or options
   * function runs, without holding a thread.
   */
  @RequestFilter
  public CompletionStage<Optional<MutableHttpResponse<?>>> decide(HttpRequest<?> request) {
    if (policy == null) {
      return GO_ON;
    }
    Exchange exchange = new Exchange(request);
    CorsDecision now = policy.decideNow(exchange);
    if (now != null) {
      return apply(now, exchange, request);
    }
    return policy
        .decide(exchange)
        .handle(
            (decision, error) -> {
              if (error != null) {
                // A CorsResolutionException: the function failed, so nothing is allowed.
                LOG.error("CORS: " + error.getMessage(), error);
                return Optional.of(HttpResponse.serverError());
              }
              return apply(decision, exchange, request).toCompletableFuture().join(); // done
            });
  }

  private static CompletableFuture<Optional<MutableHttpResponse<?>>> apply(
      CorsDecision decision, Exchange exchange, HttpRequest<?> request) {
    if (decision.isEmpty() && decision.action() == CorsDecision.Action.NEXT) {
      return GO_ON; // no CORS for this request: nothing to put on its response
    }
    if (decision.action() == CorsDecision.Action.RESPOND) {
      MutableHttpResponse<?> answer = HttpResponse.ok().status(decision.status());
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      answer.getHeaders().set("Content-Length", "0");
      exchange.answer(decision, answer);
      return CompletableFuture.completedFuture(Optional.of(answer));
    }
    exchange.keep(decision); // for the response filter, which writes it on the response
    request.setAttribute(EXCHANGE, exchange);
    return GO_ON;
  }

  /**
   * Puts the request's CORS headers on its response, whoever made it, and the CORS names in its
   * {@code Vary}.
   */
  @ResponseFilter
  public void restore(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (policy == null) {
      return;
    }
    Optional<Object> exchange = request.getAttribute(EXCHANGE);
    if (exchange.isPresent() && exchange.get() instanceof Exchange decided) {
      decided.restoreOn(response);
    }
  }
}
