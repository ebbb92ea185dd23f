package io.jcors.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.jcors.CorsPolicy;
import java.util.function.Consumer;

/** Real Helidon 4 SE servers on 127.0.0.1, an ephemeral port, with jcors in front. */
final class Servers {
  private Servers() {}

  /** A server with {@link JcorsFeature} for {@code policy} and the routes {@code routes} adds. */
  static WebServer start(CorsPolicy policy, Consumer<HttpRouting.Builder> routes) {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .routing(
            routing -> {
              routing.addFeature(JcorsFeature.create(policy));
              routes.accept(routing);
            })
        .build()
        .start();
  }

  /**
   * The routes of the adapter test kit's contract, every method, with the application's error
   * handlers answering its 404 and 500 ({@code AdapterContract.errorPages()}).
   */
  static void contractRoutes(HttpRouting.Builder routing) {
    routing
        .any(Servers::answer)
        .error(NotFoundException.class, (req, res, e) -> res.status(404).send("error page 404"))
        .error(
            IllegalStateException.class, (req, res, e) -> res.status(500).send("error page 500"));
  }

  private static void answer(ServerRequest req, ServerResponse res) {
    String path = req.prologue().uriPath().path();
    switch (path) {
      case "/four-oh-four" -> throw new NotFoundException("no such page");
      case "/five-hundred" -> throw new IllegalStateException("the application failed");
      default -> {
        if (path.equals("/vary")) {
          res.header(HeaderNames.VARY, "Accept-Encoding");
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/plain");
        res.send(req.prologue().method().text() + " " + path);
      }
    }
  }

  static String base(WebServer server) {
    return "http://127.0.0.1:" + server.port();
  }
}
