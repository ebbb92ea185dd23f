package io.jcors.quarkus;

import static io.jcors.quarkus.SnippetHttp.allowOrigin;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.quarkus.snippets.repository.PartnerOrigins;
import io.jcors.quarkus.snippets.repository.PartnerRepository;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JcorsCustomizer's Javadoc (an origin function asking a repository), as written there, in a real
 * Quarkus application whose properties give {@code /api/**} a policy.
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class PartnerRepositorySnippetTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(
              jar -> jar.addClasses(SnippetHttp.app(PartnerOrigins.class, PartnerRepository.class)))
          .overrideConfigKey("quarkus.http.host", "127.0.0.1")
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("jcors.routes[0].path", "/api/**")
          // Replaced by PartnerOrigins.
          .overrideConfigKey("jcors.routes[0].cors.origin", "https://placeholder.example");

  @TestHTTPResource("/api/hello")
  URL hello;

  @Test
  void knownPartner_isAllowed() throws Exception {
    HttpResponse<String> preflight = SnippetHttp.preflight(hello, PartnerRepository.KNOWN);
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(preflight)).isEqualTo(PartnerRepository.KNOWN);

    HttpResponse<String> response = SnippetHttp.get(hello, PartnerRepository.KNOWN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(allowOrigin(response)).isEqualTo(PartnerRepository.KNOWN);
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
    // The function is called on the event loop, which is why it returns a stage.
    assertThat(PartnerRepository.CALLED_ON).isNotEmpty().allMatch(t -> t.contains("eventloop"));
  }

  @Test
  void unknownOrigin_isRefused() throws Exception {
    HttpResponse<String> response = SnippetHttp.get(hello, "https://placeholder.example");
    assertThat(response.statusCode()).isEqualTo(200); // the browser, not the server, withholds it
    assertThat(allowOrigin(response)).isNull();
    assertThat(allowOrigin(SnippetHttp.preflight(hello, "https://evil.example"))).isNull();
  }
}
