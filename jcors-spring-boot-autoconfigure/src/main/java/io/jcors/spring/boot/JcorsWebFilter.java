package io.jcors.spring.boot;

import io.jcors.CorsPolicy;
import io.jcors.webflux.CorsFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The jcors {@link CorsFilter} of a reactive application, with the order that puts it before Spring
 * Security's {@code WebFilterChainProxy}. Boot's own {@code OrderedWebFilter} moved package between
 * Boot 3 and 4, so the order is given here.
 */
final class JcorsWebFilter implements WebFilter, Ordered {
  private final CorsFilter filter;
  private final int order;

  JcorsWebFilter(CorsPolicy policy, int order) {
    this.filter = new CorsFilter(policy);
    this.order = order;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return filter.filter(exchange, chain);
  }

  @Override
  public int getOrder() {
    return order;
  }
}
