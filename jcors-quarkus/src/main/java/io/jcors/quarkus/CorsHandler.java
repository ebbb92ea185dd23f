package io.jcors.quarkus;

import io.jcors.CorsDecision;
import io.jcors.CorsPolicy;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Applies a jcors policy to the requests of a Quarkus application, as a Vert.x route filter: {@code
 * app.use(cors())}. The {@code jcors.*} properties register one for the application ({@link
 * #PRIORITY}); an application that builds its policy in code may register its own instead:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Cors {
 *   void register(@Observes Filters filters) {
 *     CorsPolicy policy =
 *         CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
 *     filters.register(new CorsHandler(policy), CorsHandler.PRIORITY);
 *   }
 * }
 * }</pre>
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus} and {@code Content-Length: 0},
 * before Quarkus's authentication runs, unless {@code preflightContinue} passes them on; every
 * other request goes on with its CORS headers set, and keeps them (and the {@code Vary} names CORS
 * needs) on whatever response it gets: a 401 or 403 of Quarkus security, a 500 of an exception
 * mapper, a handler that sets {@code Vary} itself. When an origin or options function completes
 * later, the request is paused meanwhile and continues on its own Vert.x context, so no event-loop
 * thread waits; when it fails, the client gets a 500. When the client has closed the connection by
 * then (or the response was already ended), the handler does nothing more.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the percent-decoded path. A
 * path holding {@code ;} parameters, dot segments or empty segments (which Vert.x and Quarkus REST
 * resolve differently), or one that cannot be decoded without ambiguity ({@link
 * io.jcors.RequestPath}), gets no CORS headers from them.
 */
public final class CorsHandler implements Handler<RoutingContext> {
  /**
   * The route-filter priority of the handler: above Quarkus's own CORS filter (300) and therefore
   * above its authentication (200) and authorization (100) filters; higher runs first.
   */
  public static final int PRIORITY = 301;

  private static final Logger LOG = Logger.getLogger(CorsHandler.class);

  private final CorsPolicy policy;

  /** A handler applying {@code policy}. */
  public CorsHandler(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void handle(RoutingContext context) {
    ContextView view = new ContextView(context);
    CorsDecision now = policy.decideNowOrLater(view, CorsHandler::later);
    if (now != null) {
      apply(now, view, context);
    }
  }

  /**
   * An origin or options function is still running: hold the body back (a handler further on reads
   * it) and go on, on the request's own context, when it completes.
   */
  private static void later(ContextView view, CompletionStage<CorsDecision> decided) {
    RoutingContext context = view.context;
    boolean paused = !context.request().isEnded();
    if (paused) {
      context.request().pause();
    }
    Context vertx = Vertx.currentContext();
    decided.whenComplete(
        (decision, error) -> {
          Handler<Void> rest =
              ignored -> {
                // Read again: a request whose response was ended meanwhile (a timeout handler's
                // 503) may have been read to its end, and resume() of an ended HTTP/2 request
                // throws "Request has already been read" (Vert.x 4.5's Http2ServerRequest.fetch),
                // which Quarkus logs as an uncaught exception.
                if (paused && !context.request().isEnded()) {
                  context.request().resume();
                }
                if (context.response().closed() || context.response().ended()) {
                  // The client went away while the function ran, or a handler before this one
                  // has answered: nothing is written, logged or passed on (the application's
                  // routes would run for nobody), as in jcors-vertx.
                  return;
                }
                if (error != null) {
                  fail(context, error); // a CorsResolutionException
                } else {
                  apply(decision, view, context);
                }
              };
          if (vertx != null) {
            vertx.runOnContext(rest);
          } else {
            rest.handle(null);
          }
        });
  }

  /** Applies a decision: answer the preflight, or pass the request on with CORS. */
  private static void apply(CorsDecision decision, ContextView view, RoutingContext context) {
    view.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      HttpServerResponse response = context.response();
      response.setStatusCode(decision.status()).putHeader("Content-Length", "0").end();
      return;
    }
    context.next();
  }

  private static void fail(RoutingContext context, Throwable error) {
    LOG.error("CORS: " + error.getMessage(), error);
    context
        .response()
        .setStatusCode(500)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end("Internal Server Error\n");
  }
}
