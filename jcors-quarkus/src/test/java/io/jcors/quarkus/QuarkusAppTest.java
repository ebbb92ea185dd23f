package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.quarkus.app.AsyncOrigins;
import io.jcors.testsupport.Requests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * jcors configured from application.properties in a real Quarkus application with Quarkus REST and
 * Quarkus security (HTTP Basic, {@code /secure/*} for authenticated users), over real HTTP.
 */
@QuarkusTest
class QuarkusAppTest {
  private static final String APP = "https://app.example.com";
  private static final HttpClient CLIENT = Requests.client();

  /** The credentials of {@code alice}, a user without the admin role. */
  private static final String ALICE =
      "Basic "
          + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

  @TestHTTPResource("/")
  URL base;

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
        .timeout(Duration.ofSeconds(20));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String origin) throws Exception {
    return send(request(path).header("Origin", origin));
  }

  /** {@code GET path} from the page, as alice. */
  private HttpResponse<String> getAsAlice(String path) throws Exception {
    return send(request(path).header("Origin", APP).header("Authorization", ALICE));
  }

  private HttpResponse<String> preflight(String path, String origin) throws Exception {
    return send(
        request(path)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization"));
  }

  private static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  @Test
  void preflight_securedPath_answeredBeforeAuthentication() throws Exception {
    HttpResponse<String> response = preflight("/secure/hello", APP);
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Access-Control-Allow-Methods"))
        .isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
    assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("authorization");
    assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("600");
    assertThat(header(response, "WWW-Authenticate")).isNull();
    assertThat(response.headers().allValues("Vary"))
        .containsExactly("Origin, Access-Control-Request-Headers");
  }

  @Test
  void unauthenticatedGet_401_keepsCorsHeadersAndOneVary() throws Exception {
    HttpResponse<String> response = get("/secure/hello", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(header(response, "WWW-Authenticate")).startsWith("basic");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("X-Total");
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void authenticatedGet_200_withCorsHeaders() throws Exception {
    HttpResponse<String> response = getAsAlice("/secure/hello");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("secret");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void forbiddenGet_403_keepsCorsHeadersAndOneVary() throws Exception {
    HttpResponse<String> response = getAsAlice("/admin/hello");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void mappedException_500_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response = get("/boom", APP);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("mapped: boom");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void unmappedException_500_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response = get("/crash", APP);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void applicationVary_keepsTheCorsName() throws Exception {
    HttpResponse<String> response = get("/vary", APP);
    assertThat(response.statusCode()).isEqualTo(200);
    // Quarkus REST adds the resource's Vary after jcors wrote its own: one line with both names.
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin, Accept-Encoding");
  }

  @Test
  void refusedOrigin_reachesTheApplication_withoutCorsHeaders() throws Exception {
    HttpResponse<String> response = get("/hello", "https://evil.example");
    assertThat(response.statusCode()).isEqualTo(200); // not Quarkus CORS's 403
    assertThat(response.body()).isEqualTo("hello");
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void refusedOrigin_preflight_noAllowOrigin() throws Exception {
    HttpResponse<String> response = preflight("/secure/hello", "https://evil.example");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void regexOrigin_fromProperties_matchesAsWritten() throws Exception {
    assertThat(header(get("/hello", "https://shop.partner.example"), "Access-Control-Allow-Origin"))
        .isEqualTo("https://shop.partner.example");
    // \\. in the properties file is \. in the regex: a literal dot, not any character.
    assertThat(header(get("/hello", "https://shopxpartner.example"), "Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void optionsWithoutRequestMethod_isNoPreflight_reachesQuarkus() throws Exception {
    HttpResponse<String> response =
        send(
            request("/hello")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP));
    assertThat(response.statusCode()).isNotEqualTo(204); // Quarkus REST answers its own OPTIONS
    assertThat(header(response, "Access-Control-Allow-Methods")).isNull();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  @Test
  void asyncOriginFunction_holdsNoEventLoop() throws Exception {
    // One event loop (application.properties): had the function blocked it for DELAY_MS, ten
    // requests would take ten times as long.
    int requests = 10;
    long start = System.nanoTime();
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      pending.add(
          CLIENT.sendAsync(
              request("/async/hello").header("Origin", AsyncOrigins.ORIGIN).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> response : pending) {
      HttpResponse<String> done = response.join();
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).isEqualTo("async");
      assertThat(header(done, "Access-Control-Allow-Origin")).isEqualTo(AsyncOrigins.ORIGIN);
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertThat(millis).isLessThan(requests * AsyncOrigins.DELAY_MS / 2);
    assertThat(AsyncOrigins.CALLED_ON).anyMatch(thread -> thread.contains("eventloop"));
    assertThat(header(get("/async/hello", APP), "Access-Control-Allow-Origin")).isNull();
  }
}
