package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Behaviours of the Express package that its own test suite does not cover, each checked against
 * expressjs/cors 2.8.5 (with vary 1.1.2) for the same options and request. {@link
 * ExpressParityTest} holds the ported suite.
 */
class ExpressEdgeCasesTest {
  private static final String ORIGIN = "https://a.example";

  ExpressEdgeCasesTest() {}

  private static TestOutcome apply(CorsPolicy policy, TestRequest request, TestResponse response) {
    return TestOutcome.apply(policy, request, response).settled();
  }

  /**
   * Express reads {@code origin: ''} as a falsy origin: the middleware calls {@code next()} at
   * once, so no CORS header is written and the preflight goes on to the application. jcors answered
   * the preflight itself with {@code Access-Control-Allow-Origin} empty.
   */
  @Test
  void emptyStringOrigin_isExpressFalse_noHeadersAndPreflightGoesOn() {
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin("").build());

    TestResponse preflight = new TestResponse();
    TestOutcome outcome = apply(policy, TestRequest.preflight("/", ORIGIN, "PUT"), preflight);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    assertThat(preflight.headers()).isEmpty();

    TestResponse actual = new TestResponse();
    outcome = apply(policy, TestRequest.get("/").origin(ORIGIN), actual);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    assertThat(actual.headers()).isEmpty();
  }

  @Test
  void emptyStringOrigin_inAConfigFile_isExpressFalse() {
    CorsPolicy policy = CorsConfig.read(Map.of("origin", "")).policy();
    TestResponse response = new TestResponse();
    TestOutcome outcome = apply(policy, TestRequest.preflight("/", ORIGIN, "PUT"), response);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    assertThat(response.headers()).isEmpty();
  }

  /**
   * Express: {@code callback(null, '')} from an origin function is {@code next()}, no CORS; jcors
   * adds {@code Vary: Origin}, as to every answer of an origin function (deliberate difference 10).
   */
  @Test
  void originFunctionGivingAnEmptyFixedOrigin_isExpressFalse() {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(origin -> CompletableFuture.completedFuture(Origins.fixed("")))
                .build());
    TestResponse response = new TestResponse();
    TestOutcome outcome = apply(policy, TestRequest.preflight("/", ORIGIN, "PUT"), response);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    assertThat(response.headers()).containsExactly(java.util.Map.entry("Vary", "Origin"));
  }

  /** An empty string in a list is an exact origin that no request matches, as in Express. */
  @Test
  void emptyStringInAList_matchesNothing_butCorsStaysOn() {
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(List.of("")).build());
    TestResponse response = new TestResponse();
    TestOutcome outcome = apply(policy, TestRequest.preflight("/", ORIGIN, "PUT"), response);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.RESPOND);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.header("Vary")).isEqualTo("Origin, Access-Control-Request-Headers");
  }

  /**
   * The {@code vary} package Express uses turns a {@code Vary} that lists {@code *} among other
   * names into {@code *} alone; jcors kept the list as it was.
   */
  @Test
  void existingVaryListingStar_becomesStar() {
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin("https://b.example").build());
    TestResponse response = TestResponse.with("Vary", "Accept, *");
    apply(policy, TestRequest.get("/").origin(ORIGIN), response);
    assertThat(response.header("Vary")).isEqualTo("*");
  }

  @Test
  void mergeVary_starAmongOtherNames_isStar() {
    assertThat(CorsDecision.mergeVary("Accept, *", "Origin")).isEqualTo("*");
    assertThat(CorsDecision.mergeVary("*", "Origin")).isEqualTo("*");
    assertThat(CorsDecision.mergeVary("Accept, Origin", "origin")).isEqualTo("Accept, Origin");
  }
}
