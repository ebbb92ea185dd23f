package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcors.CorsListener;
import io.jcors.CorsRequest;
import io.jcors.spring.boot.secured.SecuredApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The counters {@code jcors.requests} and the Actuator endpoint {@code jcors} of a real Spring MVC
 * application behind Spring Security, after real HTTP requests on a random port.
 */
class ObservabilityTest {
  private static final String APP = "https://app.example.com";
  private static final String AUTH = Http.basic("user", "secret");

  ObservabilityTest() {}

  private static final String[] ROUTES = {
    "jcors.routes[0].path=/api/products/**",
    "jcors.routes[0].cors.origin[0]=" + APP,
    "jcors.routes[0].cors.origin[1]=https://*.example.org",
    "jcors.routes[0].cors.credentials=true",
    "jcors.routes[0].cors.strict=true",
    "jcors.routes[1].path=/api/boom",
    "jcors.routes[1].cors.origin=*",
    "jcors.routes[1].cors.max-age=86400",
    "jcors.routes[2].path=/internal/**",
    "management.endpoints.web.exposure.include=jcors",
    "logging.level.org.apache.catalina.core=off"
  };

  /** One application for the counters and the endpoint: each starts in seconds, not none. */
  private static ConfigurableApplicationContext routed;

  @BeforeAll
  static void start() {
    routed = StartupTest.start(SecuredApi.class, ROUTES);
  }

  @AfterAll
  static void stop() {
    routed.close();
  }

  private static double count(MeterRegistry registry, String route, String outcome, String reason) {
    var counter =
        registry
            .find("jcors.requests")
            .tags("route", route, "outcome", outcome, "reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void counters_afterRealRequests_byRouteOutcomeAndReason() throws Exception {
    int port = StartupTest.port(routed);
    MeterRegistry registry = routed.getBean(MeterRegistry.class);
    Http.send(
        port, "OPTIONS", "/api/products/7", "Origin", APP, "Access-Control-Request-Method", "PUT");
    Http.send(port, "GET", "/api/products", "Origin", APP, "Authorization", AUTH);
    Http.send(port, "GET", "/api/products", "Origin", APP, "Authorization", AUTH);
    Http.send(port, "GET", "/api/products", "Origin", "https://evil.example");
    Http.send(port, "GET", "/internal/x", "Origin", APP);
    Http.send(port, "GET", "/elsewhere", "Origin", APP);
    Http.send(port, "GET", "/api/products", "Authorization", AUTH); // no Origin: not CORS

    assertThat(count(registry, "/api/products/**", "preflight", "none")).isEqualTo(1);
    assertThat(count(registry, "/api/products/**", "allowed", "none")).isEqualTo(2);
    assertThat(count(registry, "/api/products/**", "refused", "origin_not_allowed")).isEqualTo(1);
    assertThat(count(registry, "/internal/**", "refused", "cors_disabled")).isEqualTo(1);
    assertThat(count(registry, "none", "refused", "no_route")).isEqualTo(1);
    // Bounded tags: the refused origin is in none of them.
    assertThat(registry.find("jcors.requests").counters())
        .allSatisfy(
            counter ->
                assertThat(counter.getId().getTags().toString()).doesNotContain("evil.example"));
  }

  @Test
  void endpoint_overHttp_showsRoutesAndWarnings() throws Exception {
    HttpResponse<String> response =
        Http.send(StartupTest.port(routed), "GET", "/actuator/jcors", "Authorization", AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("enabled").asBoolean()).isTrue();
    assertThat(body.get("strict").asBoolean()).isFalse(); // /api/boom is not strict
    assertThat(body.get("warnings").toString()).contains("jcors.routes[1].cors.max-age: 86400");
    JsonNode routes = body.get("routes");
    assertThat(routes).hasSize(3);
    assertThat(routes.get(0).get("path").asText()).isEqualTo("/api/products/**");
    assertThat(routes.get(0).get("origin").asText()).isEqualTo("list");
    assertThat(routes.get(0).get("origins").asInt()).isEqualTo(2);
    assertThat(routes.get(0).get("credentials").asBoolean()).isTrue();
    assertThat(routes.get(0).get("strict").asBoolean()).isTrue();
    assertThat(routes.get(1).get("origin").asText()).isEqualTo("any");
    assertThat(routes.get(2).get("cors").asBoolean()).isFalse();
  }

  @Test
  void listenerBean_isToldEveryDecision_andTheEndpointNotExposedIsNotFound() throws Exception {
    try (ConfigurableApplicationContext app =
        StartupTest.start(
            new Class<?>[] {SecuredApi.class, Listening.class}, "jcors.origin[0]=" + APP)) {
      int port = StartupTest.port(app);
      Http.send(port, "GET", "/api/products", "Origin", APP, "Authorization", AUTH);
      Http.send(port, "GET", "/api/products", "Origin", "https://evil.example");
      assertThat(Listening.events).containsExactly("allowed /**", "refused ORIGIN_NOT_ALLOWED");
      // The metrics listener is told too.
      assertThat(count(app.getBean(MeterRegistry.class), "/**", "allowed", "none")).isEqualTo(1);
      // Without management.endpoints.web.exposure.include=jcors, Actuator keeps it private.
      assertThat(Http.send(port, "GET", "/actuator/jcors", "Authorization", AUTH).statusCode())
          .isEqualTo(404);
    }
  }

  /** An application's own listener bean, as an audit log would be. */
  @Configuration(proxyBeanMethods = false)
  static class Listening {
    static final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Bean
    CorsListener auditLog() {
      events.clear();
      return new CorsListener() {
        @Override
        public void allowed(String route, CorsRequest request) {
          events.add("allowed " + route);
        }

        @Override
        public void refused(String route, CorsListener.Refusal reason, CorsRequest request) {
          events.add("refused " + reason);
        }
      };
    }
  }
}
