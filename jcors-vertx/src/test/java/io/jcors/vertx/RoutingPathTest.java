package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RoutingPaths;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler's routes are chosen on the path Vert.x Web routes on: every path of {@link
 * RoutingPaths} gets the CORS headers of the Vert.x route ({@code /api/admin/*}, {@code /api/*})
 * that served it, or none.
 *
 * <p>Vert.x routes on {@code normalizedPath()}: unreserved escapes decoded ({@code %61} is {@code
 * a}, {@code %2e} is {@code .}), dot segments resolved and {@code //} collapsed, so those paths are
 * resolved as a servlet container resolves them; {@code ;} parameters are left in the segment, so a
 * path holding one gets no CORS headers, whichever route served it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private VertxServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        VertxServer.start(
            router -> {
              CorsHandler.of(RoutingPaths.policy()).mountOn(router);
              serve(router, "/api/admin/*", RoutingPaths.ADMIN_ROUTE);
              serve(router, "/api/*", RoutingPaths.API_ROUTE);
            });
  }

  private static void serve(Router router, String path, String route) {
    router
        .route(path)
        .handler(ctx -> ctx.response().putHeader(RoutingPaths.SERVED, route).end(route));
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  /** Whether Vert.x resolves the path as the core does: everything but {@code ;} parameters. */
  private static boolean vertxResolves(RoutingPaths.Entry entry) {
    return !entry.rawPath().contains(";");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteVertxServed(RoutingPaths.Entry entry) throws Exception {
    RoutingPaths.check(server.base(), entry, vertxResolves(entry));
  }

  @Test
  void encodedLetter_reachesTheAdminRoute_withTheAdminRoutesHeaders() throws Exception {
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "encoded a", "/api/%61dmin/users", RoutingPaths.Kind.DECODED, RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, true)).isEqualTo(RoutingPaths.ADMIN_ROUTE);
  }

  @Test
  void pathParameter_vertxServesTheApiRoute_noCorsHeaders() throws Exception {
    // The core would read /api/admin/users (the admin route); Vert.x reads the segment admin;x and
    // serves the API route. Neither route's headers are sent.
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "path parameter",
            "/api/admin;x/users",
            RoutingPaths.Kind.RESOLVED,
            RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, false)).isEqualTo(RoutingPaths.API_ROUTE);
  }

  @Test
  void dotDotOutOfTheAdminRoute_vertxServesTheApiRoute_withItsHeaders() throws Exception {
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "dot-dot out of the admin route",
            "/api/admin/%2e%2e/public",
            RoutingPaths.Kind.RESOLVED,
            RoutingPaths.API_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, true)).isEqualTo(RoutingPaths.API_ROUTE);
  }
}
