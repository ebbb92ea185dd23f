package io.jcors.quarkus;

import static io.jcors.quarkus.SnippetHttp.allowOrigin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a snippet that allows {@code https://app.example.com}, with Express's defaults otherwise,
 * promises in the real Quarkus application a test class builds from it with {@link #app}, without
 * jcors.* properties.
 */
abstract class AppOriginSnippet {
  static final String ORIGIN = "https://app.example.com";

  @TestHTTPResource("/api/hello")
  URL hello;

  /** The application of {@code snippet}, on 127.0.0.1 and a free port. */
  static QuarkusUnitTest app(Class<?>... snippet) {
    return SnippetHttp.application(AppOriginSnippet.class, snippet);
  }

  @Test
  void preflight_isAnswered_forTheSnippetsOrigin() throws Exception {
    HttpResponse<String> response = SnippetHttp.preflight(hello, ORIGIN);
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(response)).isEqualTo(ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");
  }

  @Test
  void request_getsTheSnippetsOrigin() throws Exception {
    HttpResponse<String> response = SnippetHttp.get(hello, ORIGIN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(allowOrigin(response)).isEqualTo(ORIGIN);
  }
}
