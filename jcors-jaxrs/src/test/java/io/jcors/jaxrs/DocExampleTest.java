package io.jcors.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.jaxrs.example.Products;
import io.jcors.testsupport.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * docs/adapters.md's Jakarta REST example and {@link JcorsFeature}'s Javadoc example, verbatim, on
 * Jersey and Grizzly, checked over real HTTP.
 */
class DocExampleTest {
  // HTTP/1.1: Grizzly closes the connection of the client's default h2c upgrade request.
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void jerseyExample_preflightAndActualRequest() throws Exception {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of("https://app.example.com"))
                .credentials(true)
                .build());
    ResourceConfig app = new ResourceConfig(Products.class).register(new JcorsFeature(policy));
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    System.out.println("listening on http://127.0.0.1:" + server.getListener("grizzly").getPort());
    try {
      String url = "http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/products";
      HttpResponse<String> products =
          Requests.assertAllowed(url, "https://app.example.com", "[{\"id\":1}]");
      assertThat(products.headers().firstValue("Access-Control-Allow-Credentials"))
          .hasValue("true");
      assertThat(products.headers().allValues("Vary")).containsExactly("Origin");

      HttpResponse<String> preflight =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://app.example.com")
                  .header("Access-Control-Request-Method", "DELETE")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");

      HttpResponse<String> refused =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Origin", "https://evil.example")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(200);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    } finally {
      server.shutdownNow();
    }
  }
}
