package io.jcors.benchmarks;

import io.jcors.CorsPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@link AdapterBenchmark}'s {@code adapter=webflux}: {@code io.jcors.webflux.CorsFilter} (or a
 * {@link WebFilter} that only calls the chain) on Spring's own in-memory exchange, {@link
 * MockServerWebExchange} from spring-test, in front of a {@link WebFilterChain} that commits the
 * response at once, as an application's handler ends the exchange.
 *
 * <p>The request is built once and replayed; the exchange is made anew for every request, in both
 * layers alike, because a committed response cannot be reset: its headers turn read-only and the
 * {@code beforeCommit} actions the filter registers would pile up. The returned {@code Mono} is
 * subscribed to and waited for, as the server does; here it completes on the calling thread.
 */
final class WebFluxRequest implements AdapterBenchmark.Request {
  private final MockServerHttpRequest request;
  private final WebFilter filter;

  /** The application: ends the exchange, as a handler that writes nothing does. */
  private final WebFilterChain application = exchange -> exchange.getResponse().setComplete();

  WebFluxRequest(Fixture fixture, CorsPolicy policy, boolean jcors) {
    MockServerHttpRequest.BaseBuilder<?> builder =
        MockServerHttpRequest.method(HttpMethod.valueOf(fixture.method), Fixture.PATH);
    for (String[] header : fixture.headers) {
      builder.header(header[0], header[1]);
    }
    this.request = builder.build();
    this.filter =
        jcors
            ? new io.jcors.webflux.CorsFilter(policy)
            : (exchange, chain) -> chain.filter(exchange);
  }

  @Override
  public Object handle() {
    MockServerWebExchange exchange = MockServerWebExchange.from(request);
    filter.filter(exchange, application).block();
    return exchange.getResponse();
  }

  @Override
  public void check(Fixture fixture, boolean jcors) {
    MockServerHttpResponse response = (MockServerHttpResponse) handle();
    HttpStatusCode status = response.getStatusCode();
    AdapterBenchmark.check(
        "webflux",
        fixture,
        jcors,
        status == null ? 200 : status.value(),
        response.getHeaders().headerSet().stream().map(e -> e.getKey()).toList(),
        response.getHeaders()::getFirst);
  }
}
