package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.testsupport.AdapterContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression (S12, docs/security.md "An origin function's answer always varies on Origin"): over
 * real HTTP, the documented origin-function pattern {@code allowed ? reflect() : none()} and an
 * {@code any()} branch sent no {@code Vary: Origin} on refused requests and requests without {@code
 * Origin}. Every response of such a policy now carries it.
 */
class OriginFunctionVaryHttpTest {
  private static final String APP = "https://app.example.com";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private AdapterContract.Server server;

  OriginFunctionVaryHttpTest() {}

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private static void app(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  @ParameterizedTest(name = "later={0}")
  @ValueSource(booleans = {false, true})
  void originFunction_everyResponseCarriesVaryOrigin(boolean later) throws Exception {
    OriginResolver function =
        origin -> {
          Origins answer =
              APP.equals(origin)
                  ? Origins.reflect()
                  : origin == null ? Origins.any() : Origins.none();
          return later
              ? CompletableFuture.supplyAsync(() -> answer)
              : CompletableFuture.completedFuture(answer);
        };
    server =
        JdkAdapterTest.serve(
            CorsPolicy.of(CorsOptions.builder().origin(function).build()),
            OriginFunctionVaryHttpTest::app);
    String base = server.base();
    HttpRequest.Builder plain = HttpRequest.newBuilder(URI.create(base + "/data"));
    List<HttpRequest.Builder> requests =
        List.of(
            plain.copy(),
            plain.copy().header("Origin", APP),
            plain.copy().header("Origin", "https://attacker.example"),
            plain.copy().header("Origin", "null"),
            plain
                .copy()
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "PUT"),
            plain
                .copy()
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT"));
    for (HttpRequest.Builder builder : requests) {
      HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      assertThat(String.join(",", response.headers().allValues("Vary")).split(",\\s*"))
          .as("%s Origin %s", request.method(), request.headers().firstValue("Origin"))
          .contains("Origin");
    }
  }
}
