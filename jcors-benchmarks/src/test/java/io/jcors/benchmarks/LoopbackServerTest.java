package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The servers of {@code scripts/wrk-loopback.sh} answer the script's three requests as it expects:
 * the route's body every time, and CORS headers only from the {@code cors} layer and the servers'
 * own CORS ({@code builtin} for Vert.x, {@code native} for Netty).
 */
class LoopbackServerTest {
  private static final String ORIGIN = "https://app50.example.com";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ParameterizedTest
  @CsvSource({
    "jdk, plain",
    "jdk, filter",
    "jdk, cors",
    "jetty, plain",
    "jetty, filter",
    "jetty, cors",
    "vertx, plain",
    "vertx, filter",
    "vertx, builtin",
    "vertx, cors",
    "netty, plain",
    "netty, filter",
    "netty, native",
    "netty, cors"
  })
  void answersTheScriptsRequests(String server, String layer) throws Exception {
    boolean cors = layer.equals("cors") || layer.equals("builtin") || layer.equals("native");
    try (LoopbackServer.Running running = LoopbackServer.start(server, layer, 0)) {
      URI uri = URI.create("http://127.0.0.1:" + running.port() + Fixture.PATH);

      HttpResponse<String> actual = send(HttpRequest.newBuilder(uri).header("Origin", ORIGIN));
      assertThat(actual.statusCode()).isEqualTo(200);
      assertThat(actual.body()).isEqualTo("{\"ok\":true}");
      assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
          .isEqualTo(cors ? java.util.Optional.of(ORIGIN) : java.util.Optional.empty());

      HttpResponse<String> preflight =
          send(
              HttpRequest.newBuilder(uri)
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", ORIGIN)
                  .header("Access-Control-Request-Method", "PUT")
                  .header("Access-Control-Request-Headers", "content-type"));
      // Netty's own CorsHandler answers preflights with 200, Vert.x's and jcors with 204.
      assertThat(preflight.statusCode()).isEqualTo(cors && !layer.equals("native") ? 204 : 200);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").isPresent())
          .isEqualTo(cors);

      HttpResponse<String> noOrigin = send(HttpRequest.newBuilder(uri));
      assertThat(noOrigin.statusCode()).isEqualTo(200);
      if (!layer.equals("native")) {
        assertThat(noOrigin.headers().firstValue("Vary").isPresent()).isEqualTo(cors);
      }
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
