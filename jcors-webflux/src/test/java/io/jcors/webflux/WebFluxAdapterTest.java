package io.jcors.webflux;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

/**
 * The adapter test kit's contract on Reactor Netty, with an event loop of two threads and the
 * application's own {@code WebExceptionHandler} answering every error. WebFlux matches segments
 * decoded and without parameters, but does not resolve dot and empty segments, so the corpus's
 * {@link io.jcors.testsupport.RoutingPaths.Kind#RESOLVED} paths get no CORS headers (the kit's
 * default reading).
 */
class WebFluxAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    return Netty.start(
        WebHttpHandlerBuilder.webHandler(new ContractApp())
            .filter(new CorsFilter(policy))
            .exceptionHandler(WebFluxAdapterTest::errorPage)
            .build());
  }

  /** The application's error handler: {@code error page STATUS} for every error. */
  private static Mono<Void> errorPage(ServerWebExchange exchange, Throwable error) {
    HttpStatusCode status =
        error instanceof ResponseStatusException e
            ? e.getStatusCode()
            : HttpStatus.INTERNAL_SERVER_ERROR;
    exchange.getResponse().setStatusCode(status);
    return ContractApp.text(exchange.getResponse(), "error page " + status.value());
  }

  @Override
  protected boolean errorPages() {
    return true;
  }

  @Override
  protected Server startRouted(CorsPolicy policy) {
    return Netty.start(policy, new RoutedApp());
  }
}
