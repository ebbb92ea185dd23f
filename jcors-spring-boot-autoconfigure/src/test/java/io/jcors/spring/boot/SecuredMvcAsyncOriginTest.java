package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.spring.boot.secured.SecuredApi;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An origin function that completes later, on another thread, behind Spring Security with HTTP
 * Basic: the request jcors resumes is authenticated as any other, and the application's own async
 * ({@code Callable}, {@code DeferredResult}) and error handling still work on it.
 */
@SpringBootTest(
    classes = {SecuredApi.class, SecuredMvcAsyncOriginTest.LaterOrigins.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.security.user.name=user",
      "spring.security.user.password=secret",
      "logging.level.org.apache.catalina.core=off",
      "jcors.origin=https://placeholder.example",
      "jcors.credentials=true"
    })
class SecuredMvcAsyncOriginTest {
  private static final String APP = "https://app.example.com";
  private static final String AUTH = Http.basic("user", "secret");

  @Value("${local.server.port}")
  int port;

  /** The customizer replaces the origin with a function answering 50 ms later. */
  @TestConfiguration
  static class LaterOrigins {
    @Bean
    JcorsCustomizer laterOrigin() {
      OriginResolver later =
          origin ->
              CompletableFuture.supplyAsync(
                  () -> APP.equals(origin) ? Origins.reflect() : Origins.none(),
                  CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
      return (path, options) -> options.origin(later);
    }
  }

  @Test
  void authenticatedGet_laterOrigin_200WithCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/products", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\"");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void unauthenticatedGet_laterOrigin_401WithCorsHeaders() throws Exception {
    HttpResponse<String> response = Http.send(port, "GET", "/api/products", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void callableAndDeferred_laterOrigin_200WithCorsHeaders() throws Exception {
    for (String path : new String[] {"/api/callable", "/api/deferred"}) {
      HttpResponse<String> response =
          Http.send(port, "GET", path, "Origin", APP, "Authorization", AUTH);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains(path.substring("/api/".length()));
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .as(path)
          .hasValue(APP);
      assertThat(Collections.frequency(Http.vary(response), "Origin")).as(path).isEqualTo(1);
    }
  }

  @Test
  void controllerException_laterOrigin_500WithCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/boom", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void preflight_laterOrigin_204BeforeSecurity() throws Exception {
    HttpResponse<String> response =
        Http.send(
            port,
            "OPTIONS",
            "/api/products/7",
            "Origin",
            APP,
            "Access-Control-Request-Method",
            "PUT");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }
}
