package io.jcors.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The filter's routes are chosen on the path WebFlux dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the route a handler matched with WebFlux's own {@link
 * PathPattern}s (as {@code @RequestMapping} and router functions match) served, or none. WebFlux
 * matches segments decoded and without parameters, but does not resolve dot and empty segments, so
 * the kit's {@link RoutingPaths.Kind#RESOLVED} paths get no CORS headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathTest {
  private static final PathPattern ADMIN =
      PathPatternParser.defaultInstance.parse(RoutingPaths.ADMIN_ROUTE);
  private static final PathPattern API =
      PathPatternParser.defaultInstance.parse(RoutingPaths.API_ROUTE);

  private Netty server;

  @BeforeAll
  void start() {
    server = Netty.start(RoutingPaths.policy(), RoutingPathTest::answer);
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  /** A handler that matches the patterns of the two routes, as WebFlux's handler mappings do. */
  private static Mono<Void> answer(ServerWebExchange exchange) {
    String route;
    try {
      PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
      route =
          ADMIN.matches(path)
              ? RoutingPaths.ADMIN_ROUTE
              : API.matches(path) ? RoutingPaths.API_ROUTE : null;
    } catch (IllegalArgumentException e) {
      exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST); // undecodable: no handler
      return exchange.getResponse().setComplete();
    }
    if (route == null) {
      exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
      return exchange.getResponse().setComplete();
    }
    exchange.getResponse().getHeaders().set(RoutingPaths.SERVED, route);
    return ContractApp.text(exchange.getResponse(), route);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheHandlerServed(RoutingPaths.Entry entry)
      throws IOException {
    RoutingPaths.check(server.base(), entry, false);
  }

  @Test
  void encodedLetter_reachesTheAdminHandler_withTheAdminRoutesHeaders() throws IOException {
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "encoded a", "/api/%61dmin/users", RoutingPaths.Kind.DECODED, RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(server.base(), entry, false)).isEqualTo(RoutingPaths.ADMIN_ROUTE);
  }
}
