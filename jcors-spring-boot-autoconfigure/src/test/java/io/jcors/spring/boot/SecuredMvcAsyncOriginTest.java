package io.jcors.spring.boot;

import static io.jcors.spring.boot.SecuredApiContract.APP;
import static io.jcors.spring.boot.SecuredApiContract.assertAllowsApp;
import static io.jcors.spring.boot.SecuredApiContract.assertAsyncAnswerAllowsApp;
import static io.jcors.spring.boot.SecuredApiContract.getAsUser;
import static io.jcors.spring.boot.SecuredApiContract.preflightPut;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.spring.boot.secured.SecuredApi;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    HttpResponse<String> response = getAsUser(port, "/api/products");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\"");
    assertAllowsApp(response);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void unauthenticatedGet_laterOrigin_401WithCorsHeaders() throws Exception {
    HttpResponse<String> response = Http.send(port, "GET", "/api/products", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  /** A {@code Callable} and a {@code DeferredResult}, each after the origin function's answer. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"callable", "deferred"})
  void asyncController_laterOrigin_200WithCorsHeaders(String kind) throws Exception {
    assertAsyncAnswerAllowsApp(port, kind);
  }

  @Test
  void controllerException_laterOrigin_500WithCorsHeaders() throws Exception {
    HttpResponse<String> response = getAsUser(port, "/api/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertAllowsApp(response);
  }

  @Test
  void preflight_laterOrigin_204BeforeSecurity() throws Exception {
    HttpResponse<String> response = preflightPut(port, APP);
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }
}
