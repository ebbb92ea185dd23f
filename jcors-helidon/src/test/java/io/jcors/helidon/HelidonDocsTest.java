package io.jcors.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.jcors.testsupport.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/adapters.md's Helidon section and of {@link JcorsFeature}'s Javadoc, run.
 */
class HelidonDocsTest {
  private static final String APP = "https://app.example.com";

  private static RawHttp.Response send(WebServer server, String head) throws IOException {
    return RawHttp.send(Servers.base(server), head + "Host: x\r\nOrigin: " + APP + "\r\n");
  }

  @Test
  void adaptersMd_featureBeforeTheAuthenticationFilter() throws IOException {
    HttpRouting.Builder routing =
        HttpRouting.builder()
            .addFeature(
                JcorsFeature.create(
                    CorsOptions.builder()
                        .origin(Origins.of("https://app.example.com"))
                        .credentials(true)
                        .build()))
            .addFilter(
                (chain, req, res) -> {
                  if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
                    chain.proceed();
                  } else {
                    res.status(Status.UNAUTHORIZED_401).send();
                  }
                })
            .get("/products", (req, res) -> res.send("lamp, desk"));
    // the page starts it on 8080
    WebServer server =
        WebServer.builder().host("127.0.0.1").port(0).routing(routing).build().start();
    try {
      RawHttp.Response preflight =
          send(server, "OPTIONS /products HTTP/1.1\r\nAccess-Control-Request-Method: GET\r\n");
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
      assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      RawHttp.Response get = send(server, "GET /products HTTP/1.1\r\n");
      assertThat(get.status()).isEqualTo(401);
      assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(APP);
      assertThat(get.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(get.header("Vary")).isEqualTo("Origin");
      RawHttp.Response authorized =
          send(server, "GET /products HTTP/1.1\r\nAuthorization: Bearer t\r\n");
      assertThat(authorized.status()).isEqualTo(200);
      assertThat(authorized.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    } finally {
      server.stop();
    }
  }

  @Test
  void javadoc_oneOrigin() throws IOException {
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                routing ->
                    routing
                        .addFeature(
                            JcorsFeature.create(
                                CorsOptions.builder()
                                    .origin(Origins.of("https://app.example.com"))
                                    .build()))
                        .get("/products", (req, res) -> res.send("lamp, desk")))
            .build()
            .start();
    try {
      RawHttp.Response get = send(server, "GET /products HTTP/1.1\r\n");
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(APP);
      assertThat(get.header("Vary")).isEqualTo("Origin");
      RawHttp.Response other =
          RawHttp.send(
              Servers.base(server),
              "GET /products HTTP/1.1\r\nHost: x\r\nOrigin: https://attacker.example\r\n");
      assertThat(other.status()).isEqualTo(200);
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    } finally {
      server.stop();
    }
  }
}
