package io.jcors.vertx;

import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Applies a jcors policy in Vert.x Web 5: {@code app.use(cors())} for a {@link Router}.
 *
 * <pre>{@code
 * Router router = Router.router(vertx);
 * CorsHandler.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
 *     .mountOn(router);
 * router.get("/products").handler(ctx -> ctx.end("[{\"id\":1}]"));
 * HttpServer server =
 *     vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
 * }</pre>
 *
 * <p>{@link #mountOn(Router)} puts the handler on a route of its own, tried before every route the
 * application adds (order {@link #ORDER}), so an authentication handler the application added
 * earlier still sees no preflight, and its 401 carries the CORS headers. The handler is a {@link
 * SecurityPolicyHandler}: on one route, Vert.x Web refuses to add it after a body, authentication
 * or authorization handler ({@code Cannot add [SECURITY_POLICY] handler to route with
 * [AUTHENTICATION] handler}), so it cannot run after them there either.
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus} and {@code Content-Length: 0},
 * unless {@code preflightContinue} passes them on; every other request goes on ({@code ctx.next()})
 * with its CORS headers set. Just before the headers leave, whoever writes them (the application, a
 * failure handler after {@code ctx.fail(...)}, the router's own 404 or 500), the CORS headers the
 * response lost are put back and the CORS names merged into its {@code Vary}. When an origin or
 * options function completes later, the request continues on its own context (the event loop it
 * arrived on), which never waits; when the function fails, the request fails with 500 ({@code
 * ctx.fail(500, cause)}) and no CORS headers. When the client has closed the connection by then (or
 * the response was already ended), the handler does nothing more: no answer, no {@code ctx.next()},
 * no {@code ctx.fail(...)}.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the decoded form of the path
 * Vert.x Web routes on ({@link RoutingContext#normalizedPath()}). A path whose route Vert.x and the
 * policy could read differently gets no CORS headers from them: one with {@code ;} parameters
 * (Vert.x routes on them as part of the segment, the policy removes them), or one that cannot be
 * decoded without ambiguity ({@link io.jcors.RequestPath}).
 *
 * <p>Stateless and thread-safe: one handler serves every verticle and event loop.
 */
public final class CorsHandler implements SecurityPolicyHandler {
  /**
   * The order of the route {@link #mountOn(Router)} adds: below the orders Vert.x gives the routes
   * an application adds (0, 1, 2, …), so it is tried first; a platform handler that must run even
   * earlier (a response-time or logger handler) can take a lower one.
   */
  public static final int ORDER = -1_000;

  /** {@code Content-Length: 0} of a preflight answer, in Vert.x's optimized form. */
  private static final CharSequence CONTENT_LENGTH = ContextView.vertxName("Content-Length");

  private static final CharSequence ZERO = HttpHeaders.createOptimized("0");

  private final CorsPolicy policy;

  private CorsHandler(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A handler applying {@code policy}. */
  public static CorsHandler of(CorsPolicy policy) {
    return new CorsHandler(policy);
  }

  /** A handler applying {@code options} on every path. */
  public static CorsHandler of(CorsOptions options) {
    return new CorsHandler(CorsPolicy.of(options));
  }

  /**
   * Adds this handler to {@code router} on a route of its own for every method and path, ordered
   * {@link #ORDER}: before every route the application adds, whenever it adds them.
   *
   * @return the route, for a path or a method of its own ({@code route.path("/api/*")})
   */
  public Route mountOn(Router router) {
    return router.route().order(ORDER).handler(this);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ContextView view = new ContextView(ctx);
    CorsDecision now = policy.decideNowOrLater(view, CorsHandler::later);
    if (now != null) {
      apply(now, view, ctx);
    }
  }

  /**
   * An origin or options function is still running: the event loop goes on with other requests, and
   * this one continues on its own context when the function completes. The request is paused
   * meanwhile, so that a body handler after this one still reads its body (as Vert.x's
   * authentication handlers do).
   */
  private static void later(ContextView view, CompletionStage<CorsDecision> decided) {
    RoutingContext ctx = view.ctx;
    HttpServerRequest request = ctx.request();
    if (!request.isEnded()) {
      request.pause();
    }
    Context context = ctx.vertx().getOrCreateContext();
    decided.whenComplete(
        (decision, error) ->
            context.runOnContext(
                ignored -> {
                  if (!request.isEnded()) {
                    request.resume();
                  }
                  if (ctx.response().closed() || ctx.response().ended()) {
                    // The client went away while the function ran (or a handler before this one,
                    // a timeout handler, has answered): Vert.x would drop the bytes of end()
                    // without an error, but ctx.next() and ctx.fail() would run the application's
                    // handlers and failure handlers for nobody, and the router logs a failure no
                    // failure handler answers ("Unhandled exception in router") even when the
                    // response is closed. Vert.x Web's StaticHandler returns the same way when
                    // its file lookup completes after the close.
                    return;
                  }
                  if (error != null) {
                    // A CorsResolutionException: the application's failure handlers answer (and
                    // log) it, or the router's 500 does; the response has no CORS header yet,
                    // and gets none.
                    ctx.fail(500, error);
                  } else {
                    apply(decision, view, ctx);
                  }
                }));
  }

  /** Applies a decision: answer the preflight, or pass the request on with CORS. */
  private static void apply(CorsDecision decision, ContextView view, RoutingContext ctx) {
    if (decision.isEmpty()) {
      ctx.next(); // nothing to write and nothing to keep
      return;
    }
    view.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      ctx.response().putHeader(CONTENT_LENGTH, ZERO).setStatusCode(decision.status()).end();
      return;
    }
    ctx.addHeadersEndHandler(view);
    ctx.next();
  }
}
