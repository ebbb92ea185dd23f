package io.jcors.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.Requests;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jcors in front of Micronaut Security, validation and exception handling, on a real server: the
 * preflight is answered before Security asks for credentials, and the 401, the validation 400
 * (micronaut-core#5693) and the exception 500 keep their CORS headers, with one {@code Vary:
 * Origin}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredTest {
  private static final String APP = "https://app.example.com";

  private EmbeddedServer server;
  private String base;

  @BeforeAll
  void start() {
    CorsPolicy policy = Requests.credentialedPolicy(APP);
    server =
        Servers.start(
            "secured",
            policy,
            Map.of(
                "micronaut.security.enabled",
                true,
                "micronaut.security.intercept-url-map[0].pattern",
                "/open/**",
                "micronaut.security.intercept-url-map[0].access[0]",
                "isAnonymous()",
                "micronaut.security.intercept-url-map[1].pattern",
                "/**",
                "micronaut.security.intercept-url-map[1].access[0]",
                "isAuthenticated()"));
    base = Servers.base(server);
  }

  @AfterAll
  void stop() {
    Servers.stop(server);
  }

  private RawHttp.Response get(String path, String host) throws IOException {
    return RawHttp.send(
        base, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + APP + "\r\n");
  }

  private static void assertCors(RawHttp.Response response) {
    Requests.assertCredentialedCors(response, APP);
  }

  @Test
  void preflight_toASecuredPath_answeredBeforeSecurity() throws IOException {
    RawHttp.Response response =
        RawHttp.send(
            base,
            "OPTIONS /private HTTP/1.1\r\nHost: x\r\nOrigin: "
                + APP
                + "\r\nAccess-Control-Request-Method: GET\r\n"
                + "Access-Control-Request-Headers: authorization\r\n");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.lines("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(response.lines("Access-Control-Allow-Headers")).containsExactly("Authorization");
    assertThat(response.lines("Access-Control-Allow-Credentials")).containsExactly("true");
  }

  /** Security's 401, a validation error's 400 and an exception's 500 each keep CORS. */
  @ParameterizedTest(name = "{0} answers {1}")
  @CsvSource({"/private, 401", "/open/count?n=0, 400", "/open/boom, 500"})
  void errorAnswer_keepsTheCorsHeaders_oneVary(String path, int status) throws IOException {
    RawHttp.Response response = get(path, "x");
    assertThat(response.status()).isEqualTo(status);
    assertCors(response);
  }

  @Test
  void validCount_200() throws IOException {
    assertThat(get("/open/count?n=2", "x").status()).isEqualTo(200);
  }

  /**
   * micronaut-core#8749, #9484: Micronaut's CORS filter answers 403 to a request from a remote
   * origin to a server reached as localhost, even with CORS disabled. jcors replaces that filter.
   */
  @Test
  void remoteOrigin_toLocalhost_isServed_not403() throws IOException {
    for (String host : List.of("localhost:" + server.getPort(), "127.0.0.1:" + server.getPort())) {
      RawHttp.Response response = get("/open/hello", host);
      assertThat(response.status()).as("Host: %s", host).isEqualTo(200);
      assertCors(response);
    }
  }
}
