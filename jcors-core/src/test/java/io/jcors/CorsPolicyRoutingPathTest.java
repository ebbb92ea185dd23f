package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A request whose path an adapter could not normalise without ambiguity ({@link CorsRequest#path()}
 * null) gets no CORS headers wherever the path decides, and nothing else changes.
 */
class CorsPolicyRoutingPathTest {
  private static final String APP = "https://app.example.com";

  CorsPolicyRoutingPathTest() {}

  private static TestResponse apply(CorsPolicy policy, TestRequest request) {
    TestResponse response = new TestResponse();
    TestOutcome outcome = TestOutcome.apply(policy, request, response);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    return response;
  }

  private static CorsOptions appOnly(boolean debug) {
    return CorsOptions.builder().origin(List.of(APP)).credentials(true).debug(debug).build();
  }

  @Test
  void routes_refusedPath_noCorsHeaders_evenWithACatchAllRoute() {
    CorsPolicy routes =
        CorsPolicy.builder()
            .route("/api/**", appOnly(true))
            .route("/**", CorsOptions.defaults())
            .build();
    assertThat(apply(routes, TestRequest.get(null).origin(APP)).headers()).isEmpty();
    TestResponse preflight = new TestResponse();
    assertThat(
            TestOutcome.apply(routes, TestRequest.preflight(null, APP, "PUT"), preflight).action())
        .as("a refused path is not answered as a preflight")
        .isEqualTo(TestOutcome.Action.NEXT);
    assertThat(preflight.headers()).isEmpty();
    assertThat(apply(routes, TestRequest.get("/api/x").origin(APP)).headers())
        .containsEntry("Access-Control-Allow-Origin", APP);
  }

  @Test
  void optionsFunction_refusedPath_isNotCalled_noCorsHeaders() {
    AtomicInteger calls = new AtomicInteger();
    CorsPolicy byPath =
        CorsPolicy.of(
            request -> {
              calls.incrementAndGet();
              return CompletableFuture.completedFuture(
                  request.path().startsWith("/public/") ? CorsOptions.defaults() : appOnly(false));
            });
    assertThat(apply(byPath, TestRequest.get(null).origin(APP)).headers()).isEmpty();
    assertThat(calls).hasValue(0);
    assertThat(apply(byPath, TestRequest.get("/public/x").origin(APP)).headers())
        .containsEntry("Access-Control-Allow-Origin", "*");
    assertThat(calls).hasValue(1);
  }

  @Test
  void oneOptionsForEveryPath_pathPlaysNoPart() {
    assertThat(apply(CorsPolicy.of(appOnly(false)), TestRequest.get(null).origin(APP)).headers())
        .containsEntry("Access-Control-Allow-Origin", APP);
  }

  @Test
  void reloadable_routes_refusedPath_noCorsHeaders() {
    CorsPolicy.Reloadable reloadable =
        CorsPolicy.reloadable(CorsPolicy.builder().route("/**", appOnly(true)).build());
    assertThat(apply(reloadable.policy(), TestRequest.get(null).origin(APP)).headers()).isEmpty();
  }

  @Test
  void forLog_escapesControlsAndQuotes_andBoundsTheLength() {
    assertThat(CorsPolicy.forLog("/a\nWARNING: forged\u001b[2J\u0085\"\\\u00e9"))
        .isEqualTo("\"/a\\u000aWARNING: forged\\u001b[2J\\u0085\\\"\\\\\u00e9\"");
    assertThat(CorsPolicy.forLog("/" + "a".repeat(500)))
        .hasSize(202 + "... (501 chars)".length())
        .endsWith("\"... (501 chars)");
    assertThat(CorsPolicy.forLog(null)).isEqualTo("(none)");
  }
}
