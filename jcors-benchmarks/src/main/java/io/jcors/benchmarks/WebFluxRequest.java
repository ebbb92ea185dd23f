package io.jcors.benchmarks;

import io.jcors.CorsPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * {@link AdapterBenchmark}'s {@code adapter=webflux}: {@code io.jcors.webflux.CorsFilter} (or a
 * {@link WebFilter} that only calls the chain) on Spring's in-memory request ({@link
 * MockServerHttpRequest} from spring-test) and Spring's own response base ({@link
 * ReactiveResponse}), in the exchange the server makes of them ({@link DefaultServerWebExchange}),
 * in front of a {@link WebFilterChain} that commits the response at once, as an application's
 * handler ends the exchange.
 *
 * <p>The request is built once and replayed; the response and the exchange are made anew for every
 * request, in both layers alike, because a committed response cannot be reset: its headers turn
 * read-only and the {@code beforeCommit} actions the filter registers would pile up. The exchange's
 * session manager, codecs and locale resolver are made once, as the server's {@code
 * HttpWebHandlerAdapter} holds them ({@link MockServerWebExchange#from} makes them for each
 * exchange: 42 KB more per request here, which would bury the filter's cost). The returned {@code
 * Mono} is subscribed to and waited for, as the server does; here it completes on the calling
 * thread.
 */
final class WebFluxRequest implements AdapterBenchmark.Request {
  private final MockServerHttpRequest request;
  private final WebFilter filter;
  private final WebSessionManager sessions = new DefaultWebSessionManager();
  private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();
  private final LocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

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
    ReactiveResponse response = new ReactiveResponse();
    ServerWebExchange exchange =
        new DefaultServerWebExchange(request, response, sessions, codecs, locales);
    filter.filter(exchange, application).block();
    return response;
  }

  @Override
  public void check(Fixture fixture, boolean jcors) {
    ReactiveResponse response = (ReactiveResponse) handle();
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
