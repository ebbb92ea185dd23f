package io.jcors.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@link LoopbackServer}'s Vert.x Web 5 server: one HTTP server per event loop on the same port (as
 * Vert.x scales a server over its event loops), each with a router holding the route {@code
 * /api/data}, behind jcors-vertx's handler ({@code cors}), behind Vert.x Web's own {@link
 * CorsHandler} with the same options ({@code builtin}), behind a handler that only calls {@code
 * ctx.next()} on a route of its own as jcors has ({@code filter}), or none ({@code plain}).
 */
final class VertxLoopback {
  private static final String BODY = "{\"ok\":true}";

  private VertxLoopback() {}

  /** Starts the server with {@code layer} ({@code cors|builtin|plain}) on {@code port}. */
  static LoopbackServer.Running start(String layer, int port) throws Exception {
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    // Called from a thread outside Vert.x, each server gets an event loop of its own, and servers
    // on one port share its socket. For "any port" Vert.x shares a negative port number (0 is
    // never shared): every server listening on -1 gets the same ephemeral port.
    int listen = port == 0 ? -1 : port;
    int bound = 0;
    try {
      for (int i = 0; i < loops; i++) {
        HttpServer server =
            vertx
                .createHttpServer()
                .requestHandler(router(vertx, layer))
                .listen(listen, "127.0.0.1")
                .await(20, TimeUnit.SECONDS);
        if (bound != 0 && server.actualPort() != bound) {
          throw new IllegalStateException(
              "the servers did not share one port: " + bound + " and " + server.actualPort());
        }
        bound = server.actualPort();
      }
    } catch (Exception | Error e) {
      vertx.close().await(20, TimeUnit.SECONDS);
      throw e;
    }
    int actual = bound;
    return new LoopbackServer.Running() {
      @Override
      public int port() {
        return actual;
      }

      @Override
      public void close() throws IOException {
        try {
          vertx.close().await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IOException("cannot stop Vert.x", e);
        }
      }
    };
  }

  private static Router router(Vertx vertx, String layer) {
    Router router = Router.router(vertx);
    switch (layer) {
      case "cors" -> io.jcors.vertx.CorsHandler.of(LoopbackServer.policy()).mountOn(router);
      case "builtin" -> router.route().handler(builtin());
        // What any handler before the route costs: a route of its own, tried first, passing on.
      case "filter" ->
          router.route().order(io.jcors.vertx.CorsHandler.ORDER).handler(RoutingContext::next);
      case "plain" -> {}
      default -> throw new IllegalArgumentException("unknown layer " + layer);
    }
    router
        .route(Fixture.PATH)
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(BODY));
    return router;
  }

  /** Vert.x Web's handler with the options of {@link LoopbackServer#policy()}. */
  static CorsHandler builtin() {
    Fixture fixture = new Fixture(Fixture.ACTUAL_ALLOWED, 100);
    Set<HttpMethod> methods = new LinkedHashSet<>();
    for (String method : Fixture.METHODS) {
      methods.add(HttpMethod.valueOf(method));
    }
    return CorsHandler.create()
        .addOrigins(fixture.origins)
        .allowedMethods(methods)
        .allowedHeaders(new LinkedHashSet<>(Fixture.ALLOWED_HEADERS))
        .exposedHeaders(new LinkedHashSet<>(Fixture.EXPOSED_HEADERS))
        .allowCredentials(true)
        .maxAgeSeconds((int) Fixture.MAX_AGE);
  }
}
