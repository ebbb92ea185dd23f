package io.jcors.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin's routes are chosen on the path Javalin's router dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the route Javalin's own routes ({@code /api/admin}, {@code
 * /api/admin/<rest>}, {@code /api}, {@code /api/<rest>}) served, or none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private Javalin app;
  private String base;

  @BeforeAll
  void start() {
    app =
        Apps.start(
            RoutingPaths.policy(),
            config -> {
              config.routes.get("/api/admin", ctx -> served(ctx, RoutingPaths.ADMIN_ROUTE));
              config.routes.get("/api/admin/<rest>", ctx -> served(ctx, RoutingPaths.ADMIN_ROUTE));
              config.routes.get("/api", ctx -> served(ctx, RoutingPaths.API_ROUTE));
              config.routes.get("/api/<rest>", ctx -> served(ctx, RoutingPaths.API_ROUTE));
            });
    base = Apps.base(app);
  }

  private static void served(Context ctx, String route) {
    ctx.header(RoutingPaths.SERVED, route).result(route);
  }

  @AfterAll
  void stop() {
    app.stop();
  }

  /**
   * Every path of the corpus; those that encode an unreserved character get no CORS headers at all:
   * {@link #encodedUnreservedCharacter_noCorsHeaders}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheHandlerServed(RoutingPaths.Entry entry)
      throws IOException {
    Assumptions.assumeFalse(
        entry.kind() == RoutingPaths.Kind.DECODED && ContextView.encodesUnreserved(entry.rawPath()),
        "Javalin routes this path as received");
    RoutingPaths.check(base, entry, false);
  }

  static Stream<RoutingPaths.Entry> encodedUnreserved() {
    return RoutingPaths.entries().stream()
        .filter(entry -> entry.kind() == RoutingPaths.Kind.DECODED)
        .filter(entry -> ContextView.encodesUnreserved(entry.rawPath()));
  }

  /**
   * Decoded, {@code /api/%61dmin/users} is an admin path and would get the admin route's CORS
   * headers, wherever the router sends it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("encodedUnreserved")
  void encodedUnreservedCharacter_noCorsHeaders(RoutingPaths.Entry entry) throws IOException {
    RawHttp.Response response =
        RawHttp.send(
            base,
            "GET "
                + entry.rawPath()
                + " HTTP/1.1\r\nHost: x\r\nOrigin: "
                + RoutingPaths.PARTNER
                + "\r\n");
    assertThat(response.status()).isLessThan(500);
    assertThat(response.headers())
        .noneSatisfy(h -> assertThat(h[0]).startsWithIgnoringCase("Access-Control-"));
    assertThat(response.header("Vary")).isNull();
  }

  @Test
  void encodedUnreserved_corpusHasCases() {
    assertThat(encodedUnreserved()).hasSizeGreaterThanOrEqualTo(5);
  }
}
