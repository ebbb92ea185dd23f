package io.jcors.webflux;

import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies a jcors policy in a Spring WebFlux application: {@code app.use(cors())} as a {@link
 * WebFilter}. It uses WebFlux's own request and response types only, so it runs on any server
 * WebFlux supports; it is tested on Reactor Netty.
 *
 * <pre>{@code
 * HttpHandler app =
 *     WebHttpHandlerBuilder.webHandler(handler)
 *         .filter(new CorsFilter(CorsPolicy.of(
 *             CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())))
 *         .build();
 * }</pre>
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus}, {@code Content-Length: 0} and
 * an empty body, unless {@code preflightContinue} passes them on; every other request goes down the
 * chain with its CORS headers set. They are put back just before the response is committed ({@link
 * ServerHttpResponse#beforeCommit}), so a response the application or a filter after this one
 * writes keeps them: Spring Security's 401 and 403, an {@code @ExceptionHandler} or {@code
 * WebExceptionHandler} error response, Spring Boot's error handling, a {@code Vary} the application
 * sets (which keeps the names CORS needs), and headers cleared on an error. Order the filter before
 * Spring Security's {@code WebFilterChainProxy} (order {@code -100}) so that preflights never reach
 * it; {@code jcors-spring-boot-starter} does.
 *
 * <p>When an origin or options function has not completed yet, the exchange waits for it as a
 * {@link Mono}: no thread is held, and the rest of the chain continues on the thread that completes
 * the function. A function that fails ends the exchange with its {@link
 * io.jcors.CorsResolutionException}, which WebFlux's error handling answers with a 500.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the path WebFlux's handler
 * mappings match on, {@code request.getPath().pathWithinApplication()} decoded, in the normal form
 * of {@link io.jcors.RequestPath}. A path that WebFlux and that form read differently (path
 * parameters, dot segments, empty segments, which WebFlux's patterns match as they are), or one
 * that cannot be normalised without ambiguity, gets no CORS headers from them.
 */
public final class CorsFilter implements WebFilter {
  private final CorsPolicy policy;

  /** A filter applying {@code policy}. */
  public CorsFilter(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A filter applying {@code options} on every path. */
  public CorsFilter(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ExchangeView view = new ExchangeView(exchange);
    CorsDecision now = policy.decideNow(view);
    if (now != null) {
      return apply(now, view, exchange, chain);
    }
    // A function has to run: wait as a Mono, holding no thread (an event-loop thread must never
    // block). A client that goes away does not cancel the function's own future, which it may
    // share.
    return Mono.fromFuture(policy.decide(view).toCompletableFuture(), true)
        .onErrorMap(CompletionException.class, e -> e.getCause() != null ? e.getCause() : e)
        .flatMap(decision -> apply(decision, view, exchange, chain));
  }

  /** Applies a decision: answer the preflight, or pass the exchange on with CORS. */
  private static Mono<Void> apply(
      CorsDecision decision, ExchangeView view, ServerWebExchange exchange, WebFilterChain chain) {
    view.decided(decision);
    ServerHttpResponse response = exchange.getResponse();
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      response.setStatusCode(HttpStatusCode.valueOf(decision.status()));
      response.getHeaders().setContentLength(0);
      return response.setComplete();
    }
    if (!decision.isEmpty()) {
      response.beforeCommit(view::beforeCommit);
    }
    return chain.filter(exchange);
  }
}
