package io.jcors.helidon;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Helidon 4 SE {@link Filter} applying a jcors policy; {@link JcorsFeature} adds it to the
 * routing ahead of the security feature, and {@code routing.addFilter(new CorsFilter(policy))} puts
 * it where the application adds it.
 *
 * <p>A preflight is answered here, with {@code optionsSuccessStatus} and {@code Content-Length: 0},
 * and goes no further, unless {@code preflightContinue} passes it on. Every other request goes on
 * with its CORS headers set: the filters after this one (a 401 from an authentication filter), the
 * routes, and the error handlers ({@code ErrorHandler}) keep them, because Helidon resets only the
 * entity of a response it hands to an error handler. Just before the response is sent, the CORS
 * names are put back in a {@code Vary} the application set, and any CORS header it removed. The
 * status of a refused origin's request is never changed.
 *
 * <p>Helidon 4 runs each request on a virtual thread of its own. When an origin or options function
 * completes later, the filter waits for it on that virtual thread, which holds no platform thread
 * while it waits: many requests can wait at once. The wait is bounded ({@link #DEFAULT_WAIT}); a
 * function that fails, or does not complete in time, gives a 500 without CORS headers.
 */
public final class CorsFilter implements Filter {
  /** How long a request waits for an origin or options function by default: 30 seconds. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger("io.jcors.helidon");

  private final CorsPolicy policy;
  private final long waitNanos;

  /** A filter applying {@code policy}, waiting at most {@link #DEFAULT_WAIT} for its functions. */
  public CorsFilter(CorsPolicy policy) {
    this(policy, DEFAULT_WAIT);
  }

  /** A filter applying {@code options} on every path. */
  public CorsFilter(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  /**
   * A filter applying {@code policy}, waiting at most {@code wait} for an origin or options
   * function.
   *
   * @throws IllegalArgumentException if {@code wait} is not positive
   */
  public CorsFilter(CorsPolicy policy, Duration wait) {
    this.policy = Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(wait, "wait");
    if (wait.isZero() || wait.isNegative()) {
      throw new IllegalArgumentException(
          "the wait for an origin or options function must be positive, not " + wait);
    }
    this.waitNanos = wait.toNanos();
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    Exchange exchange = new Exchange(req, res);
    CorsDecision decision = await(exchange);
    if (decision == null) {
      res.status(Status.INTERNAL_SERVER_ERROR_500).send("Internal Server Error");
      return;
    }
    if (decision.isEmpty() && decision.action() == CorsDecision.Action.NEXT) {
      chain.proceed(); // no CORS for this request
      return;
    }
    exchange.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      res.status(decision.status());
      res.header(HeaderValues.CONTENT_LENGTH_ZERO);
      res.send();
      return;
    }
    res.beforeSend(exchange::restore);
    chain.proceed();
  }

  /**
   * The decision: at once when no function has to wait (the stage of a policy without functions is
   * complete, and shared), else after waiting on the request's virtual thread for the function;
   * null (logged) when it fails or does not complete within the wait.
   */
  private CorsDecision await(Exchange exchange) {
    try {
      return policy.decide(exchange).toCompletableFuture().get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.log(System.Logger.Level.ERROR, "CORS: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "CORS: an origin or options function did not complete within "
              + Duration.ofNanos(waitNanos)
              + "; the request is answered 500");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
      LOG.log(System.Logger.Level.DEBUG, "CORS: interrupted while waiting for a function");
    }
    return null;
  }
}
