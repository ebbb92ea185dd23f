package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of {@link CorsDecision} and {@link CorsPolicy#decide(CorsRequest)},
 * verbatim, with what the decision value promises adapters: one stage for every outcome, failures
 * unwrapped, nothing allocated per request for static options.
 */
class CorsDecisionExamplesTest {
  CorsDecisionExamplesTest() {}

  private static final TestRequest preflight =
      TestRequest.preflight("/data", "https://app.example.com", "PUT");

  @Test
  void corsDecision() {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    CorsDecision decision = policy.decide(preflight).toCompletableFuture().join();
    assertEquals(CorsDecision.Action.RESPOND, decision.action());
    assertEquals(204, decision.status());
    assertEquals("Access-Control-Allow-Origin", decision.headerName(0));
    assertEquals("https://app.example.com", decision.headerValue(0, preflight));
    assertEquals(List.of("Origin", "Access-Control-Request-Headers"), decision.varyNames());
  }

  @Test
  void corsPolicyDecide() {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    CorsDecision decision = policy.decide(preflight).toCompletableFuture().join();

    TestResponse response = new TestResponse();
    decision.writeTo(preflight, response);
    assertThat(response.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
        .containsEntry("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE")
        .containsEntry("Vary", "Origin, Access-Control-Request-Headers");
  }

  @Test
  void corsPolicyDecideNow() {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    CorsDecision decision = policy.decideNow(preflight);
    assertEquals(CorsDecision.Action.RESPOND, decision.action());
    CorsPolicy later =
        CorsPolicy.of(CorsOptions.builder().origin(origin -> new CompletableFuture<>()).build());
    assertNull(later.decideNow(preflight)); // later.decide(preflight) runs the function

    assertThat(decision).isSameAs(policy.decide(preflight).toCompletableFuture().join());
    assertThat(later.decide(preflight).toCompletableFuture().isDone()).isFalse();
  }

  @Test
  void decideNow_runsNoFunction_routesAndReloadable() {
    int[] calls = new int[1];
    CorsPolicy counting =
        CorsPolicy.of(
            request -> {
              calls[0]++;
              return CompletableFuture.completedFuture(CorsOptions.defaults());
            });
    CorsPolicy routes =
        CorsPolicy.builder().route("/fn/**", counting).route("/**", CorsOptions.defaults()).build();
    assertNull(routes.decideNow(TestRequest.get("/fn/x").origin("https://a.example")));
    assertThat(calls[0]).isZero();
    assertThat(routes.decideNow(TestRequest.get("/other").origin("https://a.example")).toString())
        .isEqualTo("NEXT, Access-Control-Allow-Origin: *");
    CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(routes);
    assertNull(reloadable.policy().decideNow(TestRequest.get("/fn/x")));
    reloadable.reload(CorsPolicy.disabled());
    assertThat(reloadable.policy().decideNow(TestRequest.get("/fn/x")).isEmpty()).isTrue();
    assertThat(calls[0]).isZero();
  }

  @Test
  void varyWith() {
    CorsDecision decision =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
            .decide(TestRequest.get("/").origin("https://app.example.com"))
            .toCompletableFuture()
            .join();
    // decision.varyNames() is [Origin]
    assertEquals("Accept-Encoding, Origin", decision.varyWith("Accept-Encoding"));
    assertEquals("Origin", decision.varyWith(null));
    assertEquals("*", decision.varyWith("*"));
    assertThat(decision.varyWith("origin, Accept")).isEqualTo("origin, Accept");
  }

  @Test
  void echoedValues_areReadFromTheRequestTheDecisionIsAppliedFor() {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of("https://a.example", "https://b.example"))
                .build());
    TestRequest a = TestRequest.get("/").origin("https://a.example");
    TestRequest b = TestRequest.get("/").origin("https://b.example");
    CorsDecision forA = policy.decide(a).toCompletableFuture().join();
    CorsDecision forB = policy.decide(b).toCompletableFuture().join();

    assertThat(forA).isSameAs(forB); // precomputed, shared: only the echoed value differs
    assertThat(forA.headerValue(0, a)).isEqualTo("https://a.example");
    assertThat(forB.headerValue(0, b)).isEqualTo("https://b.example");
    assertThat(forA.toString())
        .isEqualTo("NEXT, Access-Control-Allow-Origin: (the request's Origin), Vary: Origin");
  }

  @Test
  void staticOptions_giveTheSameCompletedStageEveryTime() {
    CorsPolicy policy = CorsPolicy.defaults();
    TestRequest request = TestRequest.get("/").origin("https://app.example.com");
    CompletionStage<CorsDecision> first = policy.decide(request);
    assertThat(first.toCompletableFuture()).isDone();
    assertThat(policy.decide(request)).isSameAs(first);
  }

  @Test
  void noCors_isEmpty() {
    CorsDecision decision =
        CorsPolicy.disabled().decide(TestRequest.get("/")).toCompletableFuture().join();
    assertThat(decision.isEmpty()).isTrue();
    assertThat(decision.action()).isEqualTo(CorsDecision.Action.NEXT);
    assertThat(decision.varyWith("Accept")).isEqualTo("Accept");
  }

  @Test
  void originFunction_laterAndFailing_oneStageFailedWithTheResolutionException() {
    CompletableFuture<Origins> later = new CompletableFuture<>();
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(origin -> later).build());
    TestRequest request = TestRequest.get("/").origin("https://app.example.com");
    CompletableFuture<CorsDecision> decided = policy.decide(request).toCompletableFuture();
    assertThat(decided).isNotDone();

    later.completeExceptionally(new IllegalStateException("lookup down"));
    Throwable[] seen = new Throwable[1];
    decided.whenComplete((decision, error) -> seen[0] = error);
    assertThat(seen[0])
        .isInstanceOf(CorsResolutionException.class)
        .hasMessageContaining("the origin function failed for Origin \"https://app.example.com\"")
        .hasMessageContaining("lookup down");
  }

  @Test
  void originFunction_throwingAtOnce_failedStageNotAThrow() {
    CorsPolicy policy = TestPolicies.originFunctionThrowing();
    CompletableFuture<CorsDecision> decided =
        policy.decide(TestRequest.get("/").origin("https://x.example")).toCompletableFuture();
    assertThat(decided).isCompletedExceptionally();
    CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, decided::join);
    assertThat(e.getCause()).isInstanceOf(CorsResolutionException.class);
  }

  @Test
  void originFunction_everyDecisionVariesOnOrigin() {
    CorsPolicy policy = TestPolicies.originFunctionAnsweringAtOnce(Origins.none());
    CorsDecision decision = policy.decide(TestRequest.get("/")).toCompletableFuture().join();
    assertThat(decision.headerCount()).isZero();
    assertThat(decision.varyNames()).containsExactly("Origin");
  }
}
