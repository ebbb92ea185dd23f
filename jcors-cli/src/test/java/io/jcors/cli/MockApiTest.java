package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mock API of {@code jcors serve} dispatches on the path its CORS routes are chosen on: {@code
 * X-Route} names the route whose CORS headers the response carries, and a path that cannot be
 * normalised without ambiguity gets 400 and no CORS headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockApiTest {
  private static final String ADMIN = "https://admin.example.com";
  private static final String PARTNER = "https://partner.example";

  private MockApi api;

  MockApiTest() {}

  @BeforeAll
  void start() throws IOException {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/api/admin/**",
                CorsOptions.builder().origin(List.of(ADMIN)).credentials(true).build())
            .route(
                "/api/**", CorsOptions.builder().origin(List.of(PARTNER)).credentials(true).build())
            .build();
    api = MockApi.start("127.0.0.1", 0, policy);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // path, status, X-Route, Access-Control-Allow-Origin for a request from the partner
    "/api/users, 200, /api/**, " + PARTNER,
    "/api/admin/users, 200, /api/admin/**, ",
    "/api/%61dmin/users, 200, /api/admin/**, ",
    "/api/adm%69n/users, 200, /api/admin/**, ",
    "/api/%2561dmin/users, 200, /api/**, " + PARTNER,
    "/api%2Fadmin/users, 400, , ",
    "/api/admin%5Cusers, 400, , ",
    "/api/admin%00, 400, , ",
    "/api/%C0%AFadmin, 400, , ",
    "/other, 404, , ",
  })
  void route_isChosenOnTheNormalisedPath(String path, int status, String route, String allowOrigin)
      throws IOException {
    String response = get(path);
    assertThat(response).startsWith("HTTP/1.1 " + status + " ");
    assertThat(header(response, "X-Route")).isEqualTo(route);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(allowOrigin);
    if (route == null) {
      assertThat(response.toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/admin;x/users, /api/admin/**",
    "/api//admin/users, /api/admin/**",
    "/api/x/../admin/users, /api/admin/**",
    "/api/admin/../users, /api/**",
  })
  void pathTheJdkServerDoesNotResolve_answeredByItsNormalRoute_withoutCorsHeaders(
      String path, String route) throws IOException {
    String response = get(path);
    assertThat(response).startsWith("HTTP/1.1 200 ");
    assertThat(header(response, "X-Route")).isEqualTo(route);
    assertThat(response.toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-");
  }

  /** A GET from the partner over a raw socket: the path is sent exactly as written. */
  private String get(String path) throws IOException {
    URI url = URI.create(api.url());
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: x\r\nOrigin: " + PARTNER + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String header(String response, String name) {
    String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }
}
