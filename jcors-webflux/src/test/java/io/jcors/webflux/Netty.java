package io.jcors.webflux;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import java.time.Duration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.handler.ResponseStatusExceptionHandler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A WebFlux application on Reactor Netty, 127.0.0.1, an ephemeral port, with its own event loop of
 * {@link #THREADS} threads: {@code handler} behind the jcors filter of {@code policy} and the other
 * {@code filters}, in that order.
 */
final class Netty implements AdapterContract.Server {
  /** The event-loop threads: every request runs on one of them. */
  static final int THREADS = 2;

  private final LoopResources loop;
  private final DisposableServer server;

  private Netty(LoopResources loop, DisposableServer server) {
    this.loop = loop;
    this.server = server;
  }

  static Netty start(CorsPolicy policy, WebHandler handler, WebFilter... filters) {
    WebHttpHandlerBuilder builder =
        WebHttpHandlerBuilder.webHandler(handler)
            .filter(new CorsFilter(policy))
            .exceptionHandler(new ResponseStatusExceptionHandler());
    for (WebFilter filter : filters) {
      builder.filter(filter);
    }
    return start(builder.build());
  }

  /** {@code app}, built by the caller, on Reactor Netty. */
  static Netty start(HttpHandler app) {
    LoopResources loop = LoopResources.create("jcors-test", THREADS, true);
    DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .runOn(loop)
            .handle(new ReactorHttpHandlerAdapter(app))
            .bindNow(Duration.ofSeconds(20));
    return new Netty(loop, server);
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public int requestThreads() {
    return THREADS;
  }

  @Override
  public void stop() {
    server.disposeNow(Duration.ofSeconds(10));
    // No quiet period: the default waits 2 s per server for tasks that a test never submits.
    loop.disposeLater(Duration.ZERO, Duration.ofSeconds(10)).block(Duration.ofSeconds(15));
  }
}
