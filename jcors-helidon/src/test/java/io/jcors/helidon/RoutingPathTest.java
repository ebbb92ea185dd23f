package io.jcors.helidon;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter's routes are chosen on the path Helidon's router dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the route Helidon's own routes ({@code /api/admin}, {@code
 * /api/admin/*}, {@code /api}, {@code /api/*}) served, or none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private WebServer server;
  private String base;

  @BeforeAll
  void start() {
    server =
        Servers.start(
            RoutingPaths.policy(),
            routing ->
                routing
                    .get("/api/admin", (req, res) -> served(res, RoutingPaths.ADMIN_ROUTE))
                    .get("/api/admin/*", (req, res) -> served(res, RoutingPaths.ADMIN_ROUTE))
                    .get("/api", (req, res) -> served(res, RoutingPaths.API_ROUTE))
                    .get("/api/*", (req, res) -> served(res, RoutingPaths.API_ROUTE)));
    base = Servers.base(server);
  }

  private static void served(ServerResponse res, String route) {
    res.header(RoutingPaths.SERVED, route).send(route);
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheHandlerServed(RoutingPaths.Entry entry)
      throws IOException {
    RoutingPaths.check(base, entry, false);
  }
}
