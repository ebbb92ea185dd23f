package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** What the page at https://app.example.com sees, over real HTTP, on Reactor Netty. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class ApplicationTest {
  static final String PAGE = "https://app.example.com";
  final HttpClient client = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void preflight_answeredBeforeSecurity() throws Exception {
    HttpResponse<String> response =
        send(
            "OPTIONS", "/api/products/1",
            "Origin", PAGE,
            "Access-Control-Request-Method", "PUT",
            "Access-Control-Request-Headers", "authorization,x-request-id");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void unauthenticated_401_readableByThePage() throws Exception {
    HttpResponse<String> response = send("GET", "/api/products", "Origin", PAGE);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
  }

  @Test
  void authenticated_200_withExposedHeader() throws Exception {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send("GET", "/api/products", "Origin", PAGE, "Authorization", basic);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("X-Total-Count");
  }

  @Test
  void refusedOrigin_preflightWithoutCorsHeaders() throws Exception {
    HttpResponse<String> response =
        send(
            "OPTIONS", "/api/products/1",
            "Origin", "https://evil.example",
            "Access-Control-Request-Method", "PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void internalRoute_noCors() throws Exception {
    HttpResponse<String> response = send("GET", "/internal/reports", "Origin", PAGE);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
