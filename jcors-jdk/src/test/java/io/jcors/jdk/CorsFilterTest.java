package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorsFilterTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private ExecutorService executor;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private String start(CorsPolicy policy, String varyFromApplication) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    HttpContext context =
        server.createContext(
            "/",
            exchange -> {
              if (varyFromApplication != null) {
                exchange.getResponseHeaders().set("Vary", varyFromApplication);
              }
              byte[] body =
                  ("{\"method\":\"" + exchange.getRequestMethod() + "\"}")
                      .getBytes(StandardCharsets.UTF_8);
              int status = exchange.getRequestURI().getPath().equals("/error") ? 500 : 200;
              exchange.sendResponseHeaders(status, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
    context.getFilters().add(new CorsFilter(policy));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void preflight_isAnsweredWith204AndContentLengthZero() throws Exception {
    String base = start(CorsPolicy.defaults(), null);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/products/1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "x-token"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("x-token");
  }

  @Test
  void actualRequest_reachesApplication_withCorsAndApplicationVary() throws Exception {
    String base =
        start(
            CorsPolicy.of(
                CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()),
            "Accept-Encoding");
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/data"))
                .header("Origin", "https://app.example.com"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"method\":\"GET\"}");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(response.headers().allValues("Vary")).containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void errorResponse_keepsCorsHeaders() throws Exception {
    String base = start(CorsPolicy.defaults(), null);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/error"))
                .header("Origin", "https://a.example"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void asyncOrigin_completesLater_andFailureGives500() throws Exception {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(
                    origin ->
                        CompletableFuture.supplyAsync(
                            () -> {
                              if (origin.contains("fail")) {
                                throw new IllegalStateException("database unavailable");
                              }
                              return origin.endsWith(".example.com")
                                  ? Origins.reflect()
                                  : Origins.none();
                            },
                            CompletableFuture.delayedExecutor(
                                50, java.util.concurrent.TimeUnit.MILLISECONDS)))
                .build());
    String base = start(policy, null);
    HttpResponse<String> allowed =
        send(
            HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Origin", "https://app.example.com"));
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    HttpResponse<String> refused =
        send(HttpRequest.newBuilder(URI.create(base + "/")).header("Origin", "https://evil.test"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> failed =
        send(
            HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Origin", "https://fail.example.com"));
    assertThat(failed.statusCode()).isEqualTo(500);
  }
}
