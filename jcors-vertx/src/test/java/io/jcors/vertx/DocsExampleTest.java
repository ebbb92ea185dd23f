package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BasicAuthHandler;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docs/adapters.md, "Vert.x Web 5": the example, verbatim, on a real server. */
class DocsExampleTest {
  private static final String APP = "https://app.example.com";

  @Test
  void adaptersMdExample() throws Exception {
    AuthenticationProvider users = OrderingTest.USERS; // alice:secret
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // Added first, still run after CORS: mountOn orders the CORS route first.
    router.route("/api/*").handler(BasicAuthHandler.create(users));
    CorsHandler.of(
            CorsOptions.builder()
                .origin(Origins.of("https://app.example.com"))
                .credentials(true)
                .build())
        .mountOn(router);
    router
        .get("/api/orders")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end("[]"));
    HttpServer server =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    System.out.println("listening on http://127.0.0.1:" + server.actualPort());
    try {
      HttpResponse<String> served =
          OrderingTest.servesOrdersBehindBasicAuth(
              "http://127.0.0.1:" + server.actualPort() + "/api/orders");
      assertThat(Http.header(served, "Content-Type")).isEqualTo("application/json");
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
