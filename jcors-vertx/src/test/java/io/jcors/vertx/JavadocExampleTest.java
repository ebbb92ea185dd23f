package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Javadoc example of {@link CorsHandler}, verbatim, on a real server. */
class JavadocExampleTest {
  @Test
  void corsHandlerExample() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      CorsHandler.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
          .mountOn(router);
      router.get("/products").handler(ctx -> ctx.end("[{\"id\":1}]"));
      HttpServer server =
          vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();

      String base = "http://127.0.0.1:" + server.actualPort();
      HttpResponse<String> response =
          Http.send("GET", base + "/products", "Origin", "https://app.example.com");
      assertThat(response.body()).isEqualTo("[{\"id\":1}]");
      assertThat(Http.header(response, "Access-Control-Allow-Origin"))
          .isEqualTo("https://app.example.com");
      assertThat(Http.header(response, "Vary")).isEqualTo("Origin");
      HttpResponse<String> preflight =
          Http.preflight(base + "/products", "https://app.example.com");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(Http.header(preflight, "Access-Control-Allow-Methods"))
          .isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
