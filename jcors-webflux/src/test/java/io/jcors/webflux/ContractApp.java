package io.jcors.webflux;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The application routes of {@link io.jcors.testsupport.AdapterContract}, as a WebFlux handler:
 * {@code /vary}, {@code /four-oh-four} (a {@code ResponseStatusException}, WebFlux's way of
 * answering an error), {@code /five-hundred} (an exception) and {@code METHOD path} elsewhere.
 */
final class ContractApp implements WebHandler {
  @Override
  public Mono<Void> handle(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    ServerHttpResponse response = exchange.getResponse();
    switch (path) {
      case "/four-oh-four":
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
      case "/five-hundred":
        return Mono.error(new IllegalStateException("the application failed"));
      case "/vary":
        response.getHeaders().set("Vary", "Accept-Encoding");
        break;
      default:
        break;
    }
    return text(response, exchange.getRequest().getMethod().name() + " " + path);
  }

  static Mono<Void> text(ServerHttpResponse response, String body) {
    response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
