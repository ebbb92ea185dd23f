package io.jcors.dropwizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/dropwizard.md's application with an authentication filter where Dropwizard's {@code
 * AuthDynamicFeature} puts one (a Jersey filter at {@code Priorities.AUTHENTICATION}): the
 * preflight is answered by jcors before it, and its 401 keeps the CORS headers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardAuthTest {
  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          WithAuthentication.class, ResourceHelpers.resourceFilePath("dropwizard.yml"));

  /** {@link ProductsApplication} and a filter answering 401 without {@code Authorization}. */
  public static class WithAuthentication extends ProductsApplication {
    @Override
    public void run(Configuration configuration, Environment environment) {
      super.run(configuration, environment);
      environment.jersey().register(new Authentication());
    }
  }

  @Priority(Priorities.AUTHENTICATION)
  static final class Authentication implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
        request.abortWith(
            Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
      }
    }
  }

  private static HttpRequest.Builder products() {
    return Http.request(APP, "/products").header("Origin", "https://app.example.com");
  }

  @Test
  void preflight_answeredBeforeTheAuthenticationFilter() throws Exception {
    HttpResponse<String> response =
        Http.send(
            products()
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void authenticationFilter_401_keepsTheCorsHeaders() throws Exception {
    HttpResponse<String> refused = Http.send(products());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    // No body, so the gzip handler adds no Vary of its own: one line, Origin.
    assertThat(refused.headers().allValues("Vary")).containsExactly("Origin");

    HttpResponse<String> allowed = Http.send(products().header("Authorization", "Bearer t"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("[{\"id\":1}]");
  }
}
