package io.jcors.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

/**
 * The {@code HttpHandler} of CorsFilter's Javadoc and docs/adapters.md, built as written there over
 * a small handler, on Reactor Netty.
 */
class DocSnippetTest {
  private final HttpClient client = Requests.client();
  private Netty server;

  @BeforeEach
  void start() {
    WebHandler handler =
        exchange ->
            exchange
                .getResponse()
                .writeWith(
                    Mono.fromSupplier(
                        () ->
                            exchange
                                .getResponse()
                                .bufferFactory()
                                .wrap("hello".getBytes(StandardCharsets.UTF_8))));
    HttpHandler app =
        WebHttpHandlerBuilder.webHandler(handler)
            .filter(
                new CorsFilter(
                    CorsPolicy.of(
                        CorsOptions.builder()
                            .origin(Origins.of("https://app.example.com"))
                            .build())))
            .build();
    server = Netty.start(app);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> send(String method, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base() + "/hello"))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void request_getsTheOrigin_andTheHandlersResponse() throws Exception {
    HttpResponse<String> response = send("GET", "Origin", "https://app.example.com");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
  }

  @Test
  void preflight_isAnswered_beforeTheHandler() throws Exception {
    HttpResponse<String> response =
        send(
            "OPTIONS", "Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");
  }
}
