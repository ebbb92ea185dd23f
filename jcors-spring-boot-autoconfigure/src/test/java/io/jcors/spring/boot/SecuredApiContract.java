package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * What the starter promises an application behind Spring Security with HTTP Basic, configured in
 * properties only, on a random port, over real HTTP. The servlet stack ({@link SecuredMvcTest}) and
 * the reactive one ({@link SecuredReactiveTest}) each run it, with their own application and their
 * own asynchronous controllers.
 */
@TestPropertySource(
    properties = {
      "server.address=127.0.0.1",
      "spring.security.user.name=user",
      "spring.security.user.password=secret",
      // A list, as a YAML list writes it: one origin alone would be a fixed origin, sent to every
      // origin as Express sends it.
      "jcors.origin[0]=https://app.example.com",
      "jcors.origin[1]=https://*.example.org",
      "jcors.credentials=true",
      "jcors.methods=GET,PUT",
      "jcors.allowed-headers=Authorization,Content-Type,X-Request-Id",
      "jcors.exposed-headers=X-Total-Count",
      "jcors.max-age=600"
    })
abstract class SecuredApiContract {
  static final String APP = "https://app.example.com";
  static final String AUTH = Http.basic("user", "secret");

  @Value("${local.server.port}")
  int port;

  /**
   * Asserts that {@code response} allows {@link #APP} and names {@code Origin} in {@code Vary}
   * once: a cache must keep one answer per origin, and a second {@code Origin} means a layer wrote
   * it again.
   */
  static void assertAllowsApp(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  /** {@code GET path} from {@link #APP}, as the user the application knows. */
  static HttpResponse<String> getAsUser(int port, String path) throws Exception {
    return Http.send(port, "GET", path, "Origin", APP, "Authorization", AUTH);
  }

  /** A preflight from {@code origin} for {@code PUT /api/products/7}, with {@code more} headers. */
  static HttpResponse<String> preflightPut(int port, String origin, String... more)
      throws Exception {
    String[] headers = new String[4 + more.length];
    headers[0] = "Origin";
    headers[1] = origin;
    headers[2] = "Access-Control-Request-Method";
    headers[3] = "PUT";
    System.arraycopy(more, 0, headers, 4, more.length);
    return Http.send(port, "OPTIONS", "/api/products/7", headers);
  }

  /**
   * Asserts that an authenticated GET of {@code /api/callable} or {@code /api/deferred}, answered
   * on an async dispatch, is a 200 with its body and allows {@link #APP}.
   */
  static void assertAsyncAnswerAllowsApp(int port, String kind) throws Exception {
    HttpResponse<String> response = getAsUser(port, "/api/" + kind);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(kind);
    assertAllowsApp(response);
  }

  @Test
  void preflight_allowedOrigin_answered204BeforeSecurity() throws Exception {
    HttpResponse<String> response =
        preflightPut(port, APP, "Access-Control-Request-Headers", "authorization,x-request-id");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Authorization,Content-Type,X-Request-Id");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    // Spring Security never saw it: it would have answered 401 with a Basic challenge.
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void preflight_refusedOrigin_noCorsHeaders() throws Exception {
    HttpResponse<String> response = preflightPut(port, "https://evil.example");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void unauthenticatedGet_401_keepsCorsHeadersAndOneVaryOrigin() throws Exception {
    HttpResponse<String> response = Http.send(port, "GET", "/api/products", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertAllowsApp(response);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void authenticatedGet_200_withExposedHeaders() throws Exception {
    HttpResponse<String> response = getAsUser(port, "/api/products");
    assertThat(response.statusCode()).isEqualTo(200);
    assertAllowsApp(response);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("X-Total-Count");
  }

  @Test
  void controllerException_500_keepsCorsHeadersAndVary() throws Exception {
    HttpResponse<String> response = getAsUser(port, "/api/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertAllowsApp(response);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.body()).contains("500");
  }

  @Test
  void getFromRefusedOrigin_noAllowOrigin_statusUnchanged() throws Exception {
    HttpResponse<String> response =
        Http.send(
            port, "GET", "/api/products", "Origin", "https://evil.example", "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
