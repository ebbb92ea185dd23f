package io.jcors.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.RoutingPaths;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter's routes are chosen on the path Micronaut dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the route a handler reading {@code request.getPath()}
 * served, or none. Micronaut's router matches the raw path, percent-encoded, with {@code ;}
 * parameters, dot segments and empty segments left in: those paths, and those that encode an
 * unreserved character, get none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private EmbeddedServer server;
  private String base;

  @BeforeAll
  void start() {
    server = Servers.start("routing", RoutingPaths.policy(), Map.of());
    base = Servers.base(server);
  }

  @AfterAll
  void stop() {
    Servers.stop(server);
  }

  /**
   * Every path of the corpus; those that encode an unreserved character, which Micronaut's router
   * reads as written (so {@code /api/%61dmin/users} reaches the API, not the admin application),
   * get no CORS headers at all: {@link #encodedUnreservedCharacter_noCorsHeaders}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheHandlerServed(RoutingPaths.Entry entry)
      throws IOException {
    Assumptions.assumeFalse(
        entry.kind() == RoutingPaths.Kind.DECODED && Exchange.encodesUnreserved(entry.rawPath()),
        "Micronaut routes this path as written");
    RoutingPaths.check(base, entry, false);
  }

  static Stream<RoutingPaths.Entry> encodedUnreserved() {
    return RoutingPaths.entries().stream()
        .filter(entry -> entry.kind() == RoutingPaths.Kind.DECODED)
        .filter(entry -> Exchange.encodesUnreserved(entry.rawPath()));
  }

  /**
   * The finding this guards against: decoded, {@code /api/%61dmin/users} is an admin path, and
   * would get the admin route's CORS headers, while Micronaut serves it from the API application.
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
