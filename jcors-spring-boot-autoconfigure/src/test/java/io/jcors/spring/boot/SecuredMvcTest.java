package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.servlet.CorsFilter;
import io.jcors.spring.boot.secured.SecuredApi;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The starter in a Spring MVC application behind Spring Security with HTTP Basic, configured in
 * properties only, on a random port, over real HTTP.
 */
@SpringBootTest(
    classes = SecuredApi.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.security.user.name=user",
      "spring.security.user.password=secret",
      // A list, as a YAML list writes it: one origin alone would be a fixed origin, sent to every
      // origin as Express sends it.
      "jcors.origin[0]=https://app.example.com",
      "jcors.origin[1]=https://*.example.org",
      // The controller exception's stack trace, logged by Tomcat, is expected.
      "logging.level.org.apache.catalina.core=off",
      "jcors.credentials=true",
      "jcors.methods=GET,PUT",
      "jcors.allowed-headers=Authorization,Content-Type,X-Request-Id",
      "jcors.exposed-headers=X-Total-Count",
      "jcors.max-age=600"
    })
class SecuredMvcTest {
  private static final String APP = "https://app.example.com";
  private static final String AUTH = Http.basic("user", "secret");

  @Value("${local.server.port}")
  int port;

  @Autowired FilterRegistrationBean<CorsFilter> registration;

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
    // Spring Security never saw it: it would have answered 401 with a Basic challenge.
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
  void callable_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/callable", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("callable");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(Collections.frequency(Http.vary(response), "Origin")).isEqualTo(1);
  }

  @Test
  void deferredResult_keepsCorsHeaders() throws Exception {
    HttpResponse<String> response =
        Http.send(port, "GET", "/api/deferred", "Origin", APP, "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("deferred");
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
  void filter_onEveryPath_beforeSecurity_onRequestAsyncAndErrorDispatches() {
    assertThat(registration.getOrder()).isEqualTo(-110);
    assertThat(registration.getUrlPatterns()).containsExactly("/*");
    assertThat(registration.isAsyncSupported()).isTrue();
    assertThat(registration.determineDispatcherTypes())
        .containsExactlyInAnyOrder(
            DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
  }
}
