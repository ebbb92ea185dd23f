package io.jcors.dropwizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/dropwizard.md's application ({@link ProductsApplication}, {@link Products}, verbatim) as a
 * real Dropwizard 5 application on its Jetty 12 ee10 server, through {@link
 * DropwizardAppExtension}: jcors-servlet registered with the init-params that replace Jetty's
 * {@code CrossOriginFilter}. Dropwizard's gzip handler adds {@code Vary: Accept-Encoding} to every
 * response; jcors's {@code Origin} is merged into it, one line.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardDocTest {
  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          ProductsApplication.class, ResourceHelpers.resourceFilePath("dropwizard.yml"));

  private static HttpRequest.Builder request(String path) {
    return Http.request(APP, path);
  }

  @Test
  void preflight_answeredByJcors_withTheMigratedOptions() throws Exception {
    HttpResponse<String> response =
        Http.send(
            request("/products")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(Http.header(response, "Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(Http.header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(Http.header(response, "Access-Control-Allow-Methods"))
        .isEqualTo("GET,POST,PUT,DELETE");
    assertThat(Http.header(response, "Access-Control-Allow-Headers"))
        .isEqualTo("Content-Type,Authorization");
    assertThat(Http.header(response, "Access-Control-Max-Age")).isEqualTo("1800");
  }

  @Test
  void actual_subdomainPattern_reflectedWithCredentials_onTheJerseyResource() throws Exception {
    HttpResponse<String> response =
        Http.send(request("/products").header("Origin", "https://shop.example.org"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[{\"id\":1}]");
    assertThat(Http.header(response, "Access-Control-Allow-Origin"))
        .isEqualTo("https://shop.example.org");
    assertThat(Http.header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.headers().allValues("Vary")).containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void actual_apexOfThePattern_andOtherOrigins_getNoAllowOrigin_statusUnchanged() throws Exception {
    for (String origin : List.of("https://example.org", "https://evil.example")) {
      HttpResponse<String> response = Http.send(request("/products").header("Origin", origin));
      assertThat(response.statusCode()).as(origin).isEqualTo(200);
      assertThat(Http.header(response, "Access-Control-Allow-Origin")).as(origin).isNull();
      assertThat(Http.header(response, "Vary")).as(origin).isEqualTo("Accept-Encoding, Origin");
    }
  }

  @Test
  void jersey404_keepsTheCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(request("/nothing-here").header("Origin", "https://app.example.com"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.header(response, "Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(Http.header(response, "Vary")).isEqualTo("Accept-Encoding, Origin");
  }
}
