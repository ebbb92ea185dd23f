package io.jcors.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler's routes are chosen on the normal form of the path, given only when an application
 * reading the path with {@code QueryStringDecoder} (as {@link TestApplication} does) reads the
 * same: every path of {@link RoutingPaths} gets the CORS headers of the route the application
 * served, or none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private NettyServer server;

  @BeforeAll
  void start() throws InterruptedException {
    server = NettyServer.start(RoutingPaths.policy(), NettyServer.Pipeline.AGGREGATOR_FIRST);
  }

  @AfterAll
  void stop() throws InterruptedException {
    server.stop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheApplicationServed(RoutingPaths.Entry entry)
      throws IOException {
    RoutingPaths.check(server.base(), entry, false);
  }

  @Test
  void encodedLetter_reachesTheAdminRoute_withTheAdminRoutesHeaders() throws IOException {
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "encoded a", "/api/%61dmin/users", RoutingPaths.Kind.DECODED, RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, false)).isEqualTo(RoutingPaths.ADMIN_ROUTE);
  }

  /**
   * Found by this test: the absolute form was routed on its path, /api/admin/**, while the
   * application, reading it with QueryStringDecoder, served no route of its own.
   */
  @Test
  void absoluteFormTarget_noApplicationRoute_noCorsHeadersFromRoutes() throws IOException {
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "absolute form",
            "http://x/api/admin/users?q=1",
            RoutingPaths.Kind.DECODED,
            RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, false)).isNull();
  }
}
