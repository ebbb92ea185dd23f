package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.Test;

/**
 * The adapter test kit's contract on a Vert.x Web router, two event loops: the handler mounted
 * before the application's routes, which answer errors the Vert.x way ({@code ctx.fail(404)}, an
 * exception that the router turns into a 500), and the router's error handlers for 404 and 500.
 *
 * <p>The path corpus runs on Vert.x routes {@code /api/admin/*} and {@code /api/*}. Vert.x routes
 * on {@code normalizedPath()}: unreserved escapes decoded ({@code %61} is {@code a}, {@code %2e} is
 * {@code .}), dot segments resolved and {@code //} collapsed, so those paths are resolved as a
 * servlet container resolves them; {@code ;} parameters are left in the segment, so a path holding
 * one gets no CORS headers, whichever route served it.
 */
class VertxAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return VertxServer.start(
        router -> {
          CorsHandler.of(policy).mountOn(router);
          for (int status : new int[] {404, 500}) {
            router.errorHandler(
                status, ctx -> ctx.response().setStatusCode(status).end("error page " + status));
          }
          router.route("/four-oh-four").handler(ctx -> ctx.fail(404));
          router
              .route("/five-hundred")
              .handler(
                  ctx -> {
                    throw new IllegalStateException("the application failed");
                  });
          router
              .route()
              .handler(
                  ctx -> {
                    String path = ctx.request().path();
                    if (path.equals("/vary")) {
                      ctx.response().putHeader("Vary", "Accept-Encoding");
                    }
                    ctx.response()
                        .putHeader("Content-Type", "text/plain")
                        .end(ctx.request().method().name() + " " + path);
                  });
        });
  }

  @Override
  protected boolean errorPages() {
    return true;
  }

  @Override
  protected Server startRouted(CorsPolicy policy) throws Exception {
    return VertxServer.start(
        router -> {
          CorsHandler.of(policy).mountOn(router);
          serve(router, "/api/admin/*", RoutingPaths.ADMIN_ROUTE);
          serve(router, "/api/*", RoutingPaths.API_ROUTE);
        });
  }

  private static void serve(Router router, String path, String route) {
    router
        .route(path)
        .handler(ctx -> ctx.response().putHeader(RoutingPaths.SERVED, route).end(route));
  }

  /** Vert.x resolves the path as the core does, but for {@code ;} parameters. */
  @Override
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return entry.rawPath().contains(";")
        ? RoutingPaths.Reading.OTHERWISE
        : RoutingPaths.Reading.AS_THE_CORE;
  }

  @Test
  void pathParameter_vertxServesTheApiRoute_noCorsHeaders() throws Exception {
    // The core would read /api/admin/users (the admin route); Vert.x reads the segment admin;x and
    // serves the API route. Neither route's headers are sent.
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "path parameter", "/api/admin;x/users", RoutingPaths.Kind.RESOLVED, null);
    assertThat(checkRouted(entry, RoutingPaths.Reading.OTHERWISE))
        .isEqualTo(RoutingPaths.API_ROUTE);
  }
}
