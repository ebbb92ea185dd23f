package io.jcors.quarkus;

import static io.jcors.quarkus.SnippetHttp.allowOrigin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a {@code JcorsCustomizer} snippet whose origin function allows one partner, {@link
 * #known()}, promises in the real Quarkus application a test class builds from it with {@link
 * #app}, whose properties give {@code /api/**} a policy.
 */
abstract class PartnerOriginsSnippet {
  @TestHTTPResource("/api/hello")
  URL hello;

  /** The application of {@code snippet}, on 127.0.0.1 and a free port. */
  static QuarkusUnitTest app(Class<?>... snippet) {
    return SnippetHttp.application(PartnerOriginsSnippet.class, snippet)
        .overrideConfigKey("jcors.routes[0].path", "/api/**")
        // Replaced by the snippet's function.
        .overrideConfigKey("jcors.routes[0].cors.origin", "https://placeholder.example");
  }

  /** The partner the snippet's function allows. */
  abstract String known();

  @Test
  void knownPartner_isAllowed() throws Exception {
    HttpResponse<String> preflight = SnippetHttp.preflight(hello, known());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(preflight)).isEqualTo(known());

    HttpResponse<String> response = SnippetHttp.get(hello, known());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(allowOrigin(response)).isEqualTo(known());
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void unknownOrigin_isRefused() throws Exception {
    HttpResponse<String> response = SnippetHttp.get(hello, "https://placeholder.example");
    assertThat(response.statusCode()).isEqualTo(200); // the browser, not the server, withholds it
    assertThat(allowOrigin(response)).isNull();
    assertThat(allowOrigin(SnippetHttp.preflight(hello, "https://evil.example"))).isNull();
  }
}
