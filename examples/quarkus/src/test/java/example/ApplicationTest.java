package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationTest {
  private static final String APP = "https://app.example.com";
  private final HttpClient client = HttpClient.newHttpClient();

  @TestHTTPResource("/api/account")
  URL account;

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void preflight_answeredBeforeAuthentication() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(account.toString()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(204, response.statusCode());
    assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
    assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
  }

  @Test
  void unauthenticated_401_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(account.toString())).header("Origin", APP).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode());
    assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
    assertEquals("Origin", String.join(", ", response.headers().allValues("Vary")));
  }
}
