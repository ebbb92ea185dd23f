package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.spring.boot.securedreactive.SecuredReactiveApi;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.server.WebFilter;

/**
 * The starter in a Spring WebFlux application behind Spring Security with HTTP Basic, configured in
 * properties only, on Reactor Netty on a random port, over real HTTP.
 */
@SpringBootTest(
    classes = SecuredReactiveApi.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      "spring.security.user.name=user",
      "spring.security.user.password=secret",
      "jcors.origin[0]=https://app.example.com",
      "jcors.origin[1]=https://*.example.org",
      // The controller exception, logged by Boot's error handler, is expected.
      "logging.level.org.springframework.boot.autoconfigure.web.reactive.error=off",
      "logging.level.org.springframework.boot.webflux.autoconfigure.error=off",
      "jcors.credentials=true",
      "jcors.methods=GET,PUT",
      "jcors.allowed-headers=Authorization,Content-Type,X-Request-Id",
      "jcors.exposed-headers=X-Total-Count",
      "jcors.max-age=600"
    })
class SecuredReactiveTest {
  private static final String APP = "https://app.example.com";
  private static final String AUTH = Http.basic("user", "secret");

  @Value("${local.server.port}")
  int port;

  @Autowired ObjectProvider<WebFilter> filters;

  @Test
  void preflight_allowedOrigin_answered204BeforeSecurity() throws Exception {
    HttpResponse<String> response =
        Http.send(
            port,
            "OPTIONS",
            "/api/products/7",
            "Origin",
            APP,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "authorization,x-request-id");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Authorization,Content-Type,X-Request-Id");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void preflight_refusedOrigin_noCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(
            port,
            "OPTIONS",
            "/api/products/7",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void unauthenticatedGet_401_keepsCorsHeadersAndOneVaryOrigin() throws Exception {
    HttpResponse<String> response = Http.send(port, "GET", "/api/products", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void authenticatedGet_200_withExposedHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/products", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("X-Total-Count");
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void controllerException_500_keepsCorsHeadersAndVary() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/boom", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
    assertThat(response.body()).contains("500");
  }

  @Test
  void monoDelayedOnAnotherScheduler_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/delayed", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("delayed").contains("parallel");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void getFromRefusedOrigin_noAllowOrigin_statusUnchanged() throws Exception {
    HttpResponse<String> response =
        Http.send(
            port, "GET", "/api/products", "Origin", "https://evil.example", "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void filter_orderedBeforeSpringSecurity() {
    List<String> ordered =
        filters.orderedStream().map(filter -> filter.getClass().getSimpleName()).toList();
    assertThat(ordered).contains("JcorsWebFilter", "WebFilterChainProxy");
    assertThat(ordered.indexOf("JcorsWebFilter"))
        .isLessThan(ordered.indexOf("WebFilterChainProxy"));
    assertThat(
            ((org.springframework.core.Ordered)
                    filters
                        .orderedStream()
                        .filter(f -> f instanceof JcorsWebFilter)
                        .findFirst()
                        .orElseThrow())
                .getOrder())
        .isEqualTo(-110);
  }
}
