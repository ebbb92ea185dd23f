package io.jcors.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.testsupport.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/** What only WebFlux has: filters and error handlers after jcors, and where a wait continues. */
class CorsFilterTest {
  private static final String APP = "https://app.example.com";

  private final HttpClient client = Requests.client();
  private final ExecutorService completer =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "origin-completer"));
  private Netty server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    completer.shutdownNow();
  }

  private static CorsPolicy appOnly() {
    return CorsPolicy.of(CorsOptions.builder().origin(Origins.of(APP)).credentials(true).build());
  }

  private HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /**
   * A filter after jcors that answers 401 the way Spring Security's HTTP Basic entry point does.
   */
  private static final WebFilter SECURITY =
      (exchange, chain) -> {
        if (exchange.getRequest().getHeaders().getFirst("Authorization") != null) {
          return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set("WWW-Authenticate", "Basic realm=\"Realm\"");
        return response.setComplete();
      };

  @Test
  void preflight_answered204_contentLengthZero_emptyBody_beforeLaterFilters() throws Exception {
    server = Netty.start(appOnly(), new ContractApp(), SECURITY);
    HttpResponse<String> response =
        send("OPTIONS", "/data", "Origin", APP, "Access-Control-Request-Method", "PUT");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "WWW-Authenticate")).isNull();
  }

  @Test
  void securityAnswers401_keepsCorsHeadersAndOneVary() throws Exception {
    server = Netty.start(appOnly(), new ContractApp(), SECURITY);
    HttpResponse<String> response = send("GET", "/data", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void errorHandlerClearsHeaders_errorResponseKeepsCorsHeaders() throws Exception {
    // An error handler that starts its response afresh, as some WebExceptionHandlers do.
    WebHandler failing = exchange -> Mono.error(new IllegalStateException("failed"));
    WebFilter clearingErrors =
        (exchange, chain) ->
            chain
                .filter(exchange)
                .onErrorResume(
                    error -> {
                      ServerHttpResponse response = exchange.getResponse();
                      response.getHeaders().clear();
                      response.setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
                      response.getHeaders().set("Vary", "Accept");
                      return ContractApp.text(response, "{\"status\":500}");
                    });
    server = Netty.start(appOnly(), failing, clearingErrors);
    HttpResponse<String> response = send("GET", "/data", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"status\":500}");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Vary")).isEqualTo("Accept, Origin");
  }

  @Test
  void varyAddedByTheApplication_keepsBothNames() throws Exception {
    WebHandler adding =
        exchange -> {
          exchange.getResponse().getHeaders().add("Vary", "Accept-Encoding");
          return ContractApp.text(exchange.getResponse(), "ok");
        };
    server = Netty.start(appOnly(), adding);
    HttpResponse<String> response = send("GET", "/data", "Origin", APP);
    assertThat(header(response, "Vary")).isEqualTo("Origin, Accept-Encoding");
    WebHandler replacing =
        exchange -> {
          exchange.getResponse().getHeaders().set("Vary", "Accept-Language");
          return ContractApp.text(exchange.getResponse(), "ok");
        };
    server.stop();
    server = Netty.start(appOnly(), replacing);
    assertThat(header(send("GET", "/data", "Origin", APP), "Vary"))
        .isEqualTo("Accept-Language, Origin");
  }

  @Test
  void laterOrigin_continuesOnTheCompletingThread_neverOnAWaitingEventLoop() throws Exception {
    // If the filter waited for the function on the event loop (join, block), the handler would run
    // on a jcors-test event-loop thread; it runs on the thread that completed the function.
    OriginResolver later =
        origin ->
            CompletableFuture.supplyAsync(
                () -> APP.equals(origin) ? Origins.reflect() : Origins.none(),
                CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS, completer));
    WebHandler thread =
        exchange -> ContractApp.text(exchange.getResponse(), Thread.currentThread().getName());
    server = Netty.start(CorsPolicy.of(CorsOptions.builder().origin(later).build()), thread);
    HttpResponse<String> response = send("GET", "/data", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("origin-completer");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    HttpResponse<String> preflight =
        send("OPTIONS", "/data", "Origin", APP, "Access-Control-Request-Method", "PUT");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  @Test
  void originCompletedAtOnce_staysOnTheEventLoop() throws Exception {
    OriginResolver known = origin -> CompletableFuture.completedFuture(Origins.reflect());
    WebHandler thread =
        exchange -> ContractApp.text(exchange.getResponse(), Thread.currentThread().getName());
    server = Netty.start(CorsPolicy.of(CorsOptions.builder().origin(known).build()), thread);
    HttpResponse<String> response = send("GET", "/data", "Origin", APP);
    assertThat(response.body()).startsWith("jcors-test");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  @Test
  void noOrigin_passesThrough_withVaryOnly() throws Exception {
    server = Netty.start(appOnly(), new ContractApp());
    HttpResponse<String> response = send("GET", "/data");
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }
}
