package io.jcors.quarkus;

import static io.jcors.quarkus.SnippetHttp.allowOrigin;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.quarkus.snippets.produced.Cors;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/quarkus.md's {@code CorsPolicy} bean, as written there, in a real Quarkus application. */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class CorsBeanSnippetTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClasses(SnippetHttp.app(Cors.class)))
          .overrideConfigKey("quarkus.http.host", "127.0.0.1")
          .overrideConfigKey("quarkus.http.test-port", "0");

  @TestHTTPResource("/api/hello")
  URL hello;

  @Test
  void preflight_isAnswered_forTheBeansOrigin() throws Exception {
    HttpResponse<String> response = SnippetHttp.preflight(hello, "https://app.example.com");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(response)).isEqualTo("https://app.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");
  }

  @Test
  void request_getsTheBeansOrigin() throws Exception {
    HttpResponse<String> response = SnippetHttp.get(hello, "https://app.example.com");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(allowOrigin(response)).isEqualTo("https://app.example.com");
  }
}
