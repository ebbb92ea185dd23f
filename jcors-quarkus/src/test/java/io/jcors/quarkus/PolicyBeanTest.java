package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.quarkus.app.PolicyBean;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The application's own {@code CorsPolicy} bean replaces the jcors.* properties. */
@QuarkusTest
@TestProfile(PolicyBeanTest.WithBean.class)
class PolicyBeanTest {
  /** Enables {@link PolicyBean}. */
  public static class WithBean implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(PolicyBean.class);
    }
  }

  @TestHTTPResource("/hello")
  URL hello;

  private String allowOrigin(String origin) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(hello.toString()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Origin", origin)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
  }

  @Test
  void policyBean_isApplied_propertiesAreNot() throws Exception {
    assertThat(allowOrigin(PolicyBean.ORIGIN)).isEqualTo(PolicyBean.ORIGIN);
    assertThat(allowOrigin("https://app.example.com")).isNull(); // allowed by the properties
  }
}
