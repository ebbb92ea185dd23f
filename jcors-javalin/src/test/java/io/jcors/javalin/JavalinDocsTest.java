package io.jcors.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.jcors.testsupport.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The examples of docs/adapters.md's Javalin section and of {@link JcorsPlugin}'s Javadoc, run. */
class JavalinDocsTest {
  private static RawHttp.Response send(Javalin app, String head) throws IOException {
    return RawHttp.send(
        "http://127.0.0.1:" + app.port(), head + "Host: x\r\nOrigin: https://app.example.com\r\n");
  }

  @Test
  void adaptersMd_pluginBeforeTheAccessCheck() throws IOException {
    Javalin app =
        Javalin.create(
            config -> {
              config.registerPlugin(
                  new JcorsPlugin(
                      CorsOptions.builder()
                          .origin(Origins.of("https://app.example.com"))
                          .credentials(true)
                          .build()));
              config.routes.beforeMatched(
                  ctx -> {
                    if (ctx.header("Authorization") == null) {
                      throw new UnauthorizedResponse();
                    }
                  });
              config.routes.get("/products", ctx -> ctx.result("lamp, desk"));
            });
    app.start("127.0.0.1", 0); // the page starts it on 8080
    try {
      RawHttp.Response preflight =
          send(app, "OPTIONS /products HTTP/1.1\r\nAccess-Control-Request-Method: GET\r\n");
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin"))
          .isEqualTo("https://app.example.com");
      assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      RawHttp.Response get = send(app, "GET /products HTTP/1.1\r\n");
      assertThat(get.status()).isEqualTo(401);
      assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
      assertThat(get.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(get.header("Vary")).isEqualTo("Origin");
      assertThat(send(app, "GET /products HTTP/1.1\r\nAuthorization: Bearer t\r\n").status())
          .isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void javadoc_oneOrigin() throws IOException {
    Javalin app =
        Javalin.create(
            config -> {
              config.registerPlugin(
                  new JcorsPlugin(
                      CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()));
              config.routes.get("/products", ctx -> ctx.result("lamp, desk"));
            });
    app.start("127.0.0.1", 0);
    try {
      RawHttp.Response get = send(app, "GET /products HTTP/1.1\r\n");
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    } finally {
      app.stop();
    }
  }
}
