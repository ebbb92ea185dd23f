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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
      String url = "http://127.0.0.1:" + server.actualPort() + "/api/orders";
      HttpResponse<String> preflight = Http.preflight(url, APP);
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
      assertThat(Http.header(preflight, "Access-Control-Allow-Credentials")).isEqualTo("true");

      HttpResponse<String> refused = Http.send("GET", url, "Origin", APP);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(Http.header(refused, "Access-Control-Allow-Origin")).isEqualTo(APP);
      assertThat(Http.header(refused, "Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(Http.lines(refused, "Vary")).containsExactly("Origin");

      String alice =
          "Basic "
              + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> served = Http.send("GET", url, "Origin", APP, "Authorization", alice);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo("[]");
      assertThat(Http.header(served, "Content-Type")).isEqualTo("application/json");
      assertThat(Http.header(served, "Access-Control-Allow-Origin")).isEqualTo(APP);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
