package io.jcors.webflux;

import io.jcors.testsupport.RoutingPaths;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The two applications of {@link RoutingPaths}, chosen with WebFlux's own {@link PathPattern}s (as
 * {@code @RequestMapping} and router functions match): each names the route it served.
 */
final class RoutedApp implements WebHandler {
  private static final PathPattern ADMIN =
      PathPatternParser.defaultInstance.parse(RoutingPaths.ADMIN_ROUTE);
  private static final PathPattern API =
      PathPatternParser.defaultInstance.parse(RoutingPaths.API_ROUTE);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange) {
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
}
