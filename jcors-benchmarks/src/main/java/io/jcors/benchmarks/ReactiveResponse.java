package io.jcors.benchmarks;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * A WebFlux response held in memory: Spring's {@link AbstractServerHttpResponse}, the base of every
 * server's response (Reactor Netty's, the servlet containers'), with nothing to send the status,
 * headers and body to. Its headers, status, commit and {@code beforeCommit} actions are Spring's
 * own. spring-test's {@code MockServerHttpResponse} is the same class plus a write handler, but it
 * makes an {@code IllegalStateException} (its stack trace filled) for every response it creates,
 * which would be most of what a request costs here.
 */
final class ReactiveResponse extends AbstractServerHttpResponse {
  ReactiveResponse() {
    super(DefaultDataBufferFactory.sharedInstance);
  }

  @Override
  public <T> T getNativeResponse() {
    throw ServletRequestView.unsupported("getNativeResponse");
  }

  @Override
  protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
    return Mono.empty();
  }

  @Override
  protected Mono<Void> writeAndFlushWithInternal(
      Publisher<? extends Publisher<? extends DataBuffer>> body) {
    return Mono.empty();
  }

  @Override
  protected void applyStatusCode() {}

  @Override
  protected void applyHeaders() {}

  @Override
  protected void applyCookies() {}
}
