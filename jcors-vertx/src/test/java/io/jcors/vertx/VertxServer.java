package io.jcors.vertx;

import io.jcors.testsupport.AdapterContract;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A Vert.x instance and one HTTP server on 127.0.0.1, an ephemeral port, for the tests. */
final class VertxServer implements AdapterContract.Server {
  /** The event loops of the instance: the threads requests run on. */
  static final int EVENT_LOOPS = 2;

  final Vertx vertx;
  private final HttpServer http;

  private VertxServer(Vertx vertx, HttpServer http) {
    this.vertx = vertx;
    this.http = http;
  }

  /** Starts a server whose router {@code routes} fills. */
  static VertxServer start(Consumer<Router> routes) throws Exception {
    return start(new VertxOptions(), routes);
  }

  /** Starts a server on a Vert.x instance made with {@code options}. */
  static VertxServer start(VertxOptions options, Consumer<Router> routes) throws Exception {
    Vertx vertx = Vertx.vertx(options.setEventLoopPoolSize(EVENT_LOOPS));
    try {
      Router router = Router.router(vertx);
      routes.accept(router);
      HttpServer http =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(0, "127.0.0.1")
              .await(20, TimeUnit.SECONDS);
      return new VertxServer(vertx, http);
    } catch (Exception | Error e) {
      vertx.close().await(20, TimeUnit.SECONDS);
      throw e;
    }
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + http.actualPort();
  }

  @Override
  public int requestThreads() {
    return EVENT_LOOPS;
  }

  @Override
  public void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }
}
