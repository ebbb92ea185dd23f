package io.jcors.jaxrs;

import io.jcors.CorsDecision;
import io.jcors.CorsPolicy;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Both filters of {@link JcorsFeature}: the request filter decides and answers preflights, the
 * response filter writes the decision on whatever response the request ends with. Stateless: the
 * decision travels in the request's properties.
 */
@PreMatching
final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("io.jcors.jaxrs");

  /** The request property holding the {@link RequestView} of a decided request. */
  static final String PROPERTY = "io.jcors.jaxrs.decision";

  private final CorsPolicy policy;
  private final Duration wait;

  CorsFilter(CorsPolicy policy, Duration wait) {
    this.policy = policy;
    this.wait = wait;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    RequestView view = new RequestView(request);
    CorsDecision decision = await(policy.decide(view).toCompletableFuture(), view, request);
    if (decision == null) {
      return; // answered with a 500 and no CORS headers
    }
    view.keep(decision);
    request.setProperty(PROPERTY, view);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise); the
      // response filter below writes the CORS headers on this response too.
      request.abortWith(Response.status(decision.status()).header("Content-Length", "0").build());
    }
  }

  /**
   * The decision: at once when no function has to wait (the stage of a policy without functions is
   * complete, and shared), else after waiting for the function on this thread, at most {@link
   * #wait}: a Jakarta REST filter cannot suspend the request. Null, with the request aborted with a
   * 500, when the function fails or is late.
   */
  private CorsDecision await(
      CompletableFuture<CorsDecision> decided, RequestView view, ContainerRequestContext request) {
    try {
      return decided.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause(); // a CorsResolutionException
      LOG.log(System.Logger.Level.ERROR, "CORS: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "CORS: the origin or options function did not complete in "
              + wait
              + " for "
              + view.method()
              + " "
              + view.rawPath()
              + "; give JcorsFeature a longer wait, or make the function answer sooner");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.log(System.Logger.Level.ERROR, "CORS: interrupted while waiting for the origin function");
    }
    request.abortWith(
        Response.serverError()
            .type("text/plain; charset=utf-8")
            .entity("Internal Server Error\n")
            .build());
    return null;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof RequestView view) {
      view.restoreOn(response.getHeaders());
    }
  }
}
