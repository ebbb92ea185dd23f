package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicySmokeTest {
  @Test
  void defaults_preflight_answers204WithReflectedHeaders() {
    TestResponse res = new TestResponse();
    TestOutcome outcome =
        TestOutcome.apply(
            CorsPolicy.defaults(),
            TestRequest.preflight("/", "http://example.com", "PUT")
                .header("Access-Control-Request-Headers", "x-header-1, x-header-2"),
            res);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.RESPOND);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(res.headers())
        .containsEntry("Access-Control-Allow-Origin", "*")
        .containsEntry("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE")
        .containsEntry("Access-Control-Allow-Headers", "x-header-1, x-header-2")
        .containsEntry("Vary", "Access-Control-Request-Headers");
  }

  @Test
  void list_refusedOrigin_getsVaryOnly() {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of("https://app.example.com", "https://*.example.org"))
                .credentials(true)
                .build());
    TestResponse res = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get("/").origin("https://evil-example.org"), res);
    assertThat(res.header("Access-Control-Allow-Origin")).isNull();
    assertThat(res.header("Vary")).isEqualTo("Origin");
    TestOutcome.assertActualRequestAllowed(policy, "https://a.b.example.org");
  }

  @Test
  void config_reportsEveryProblem() {
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "origin",
                List.of("https://a.example/", "/[/", "https://*"),
                "credentials",
                "yes",
                "maxAg",
                5));
    assertThat(config.problems()).extracting(CorsProblem::toString).hasSize(5);
    assertThatThrownBy(config::policy)
        .isInstanceOf(CorsConfigException.class)
        .hasMessageContaining("did you mean \"maxAge\"");
    System.out.println(
        config.problems().stream().map(Object::toString).reduce("", (a, b) -> a + "\n" + b));
  }
}
