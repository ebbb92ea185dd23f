package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link CorsPolicy#withListener(CorsListener)} reports, request by request. */
class CorsListenerTest {
  CorsListenerTest() {}

  private static final CorsOptions APP =
      CorsOptions.builder().origin(Origins.of("https://app.example.com")).build();

  /** Writes each event as {@code outcome route [reason]}. */
  static final class Recorder implements CorsListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void allowed(String route, CorsRequest request) {
      events.add("allowed " + route);
    }

    @Override
    public void preflight(String route, CorsRequest request) {
      events.add("preflight " + route);
    }

    @Override
    public void refused(String route, CorsListener.Refusal reason, CorsRequest request) {
      events.add("refused " + route + " " + reason);
    }
  }

  private static List<String> events(CorsPolicy policy, CorsRequest... requests) {
    Recorder recorder = new Recorder();
    CorsPolicy listened = policy.withListener(recorder);
    for (CorsRequest request : requests) {
      try {
        listened.decide(request).toCompletableFuture().get();
      } catch (ExecutionException e) {
        // a failing function: reported, and the stage fails as without a listener
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return recorder.events;
  }

  @Nested
  class OneSetOfOptions {
    OneSetOfOptions() {}

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "allowed | https://app.example.com | allowed /**                    | preflight /**",
          "refused | https://evil.example    | refused /** ORIGIN_NOT_ALLOWED | refused /** ORIGIN_NOT_ALLOWED"
        })
    void actualAndPreflight_eachReported(
        String name, String origin, String actualEvent, String preflightEvent) {
      assertThat(
              events(
                  CorsPolicy.of(APP),
                  TestRequest.get("/x").origin(origin),
                  TestRequest.preflight("/x", origin, "PUT")))
          .containsExactly(actualEvent, preflightEvent);
    }

    @Test
    void noOrigin_isNotReported() {
      assertThat(events(CorsPolicy.of(APP), TestRequest.get("/x"))).isEmpty();
    }

    @Test
    void anyOrigin_isAllowed() {
      assertThat(events(CorsPolicy.defaults(), TestRequest.get("/x").origin("https://a.example")))
          .containsExactly("allowed /**");
    }

    @Test
    void fixedOrigin_otherOrigin_isRefused() {
      // origin: "https://app.example.com" sends that origin to everyone; the browser compares.
      CorsPolicy fixed =
          CorsPolicy.of(CorsOptions.builder().origin("https://app.example.com").build());
      assertThat(
              events(
                  fixed,
                  TestRequest.get("/x").origin("https://app.example.com"),
                  TestRequest.get("/x").origin("https://evil.example")))
          .containsExactly("allowed /**", "refused /** ORIGIN_NOT_ALLOWED");
    }

    @Test
    void originFalse_andDisabled_corsDisabled() {
      CorsRequest request = TestRequest.get("/x").origin("https://app.example.com");
      assertThat(
              events(CorsPolicy.of(CorsOptions.builder().origin(Origins.none()).build()), request))
          .containsExactly("refused /** CORS_DISABLED");
      assertThat(events(CorsPolicy.disabled(), request))
          .containsExactly("refused /** CORS_DISABLED");
    }

    @Test
    void preflightContinue_isStillAPreflight() {
      CorsPolicy passOn = CorsPolicy.of(APP.toBuilder().preflightContinue(true).build());
      assertThat(events(passOn, TestRequest.preflight("/x", "https://app.example.com", "PUT")))
          .containsExactly("preflight /**");
    }
  }

  @Nested
  class Routes {
    Routes() {}

    private final CorsPolicy routed =
        CorsPolicy.builder()
            .route("/products/:id", APP)
            .route("/internal/**", CorsPolicy.disabled())
            .build();

    @Test
    void eachRequest_reportsItsRouteAsWritten() {
      assertThat(
              events(
                  routed,
                  TestRequest.get("/products/42").origin("https://app.example.com"),
                  TestRequest.get("/products/42").origin("https://evil.example"),
                  TestRequest.get("/internal/x").origin("https://app.example.com"),
                  TestRequest.get("/other").origin("https://app.example.com")))
          .containsExactly(
              "allowed /products/:id",
              "refused /products/:id ORIGIN_NOT_ALLOWED",
              "refused /internal/** CORS_DISABLED",
              "refused null NO_ROUTE");
    }

    @Test
    void ambiguousPath_isRefusedWithoutRoute() {
      assertThat(events(routed, TestRequest.get(null).origin("https://app.example.com")))
          .containsExactly("refused null AMBIGUOUS_PATH");
    }

    @Test
    void reloadablePolicy_reloadedWithItselfWithAListener_isRefused() {
      CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(CorsPolicy.of(APP));
      CorsPolicy listened = reloadable.policy().withListener(new Recorder());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> reloadable.reload(listened))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a reloadable policy cannot be reloaded with itself");
      assertThat(
              reloadable
                  .current()
                  .decideNow(TestRequest.get("/x").origin("https://app.example.com")))
          .isNotNull();
    }

    @Test
    void reloadablePolicy_reportsTheCurrentRoutes() {
      CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(CorsPolicy.of(APP));
      Recorder recorder = new Recorder();
      CorsPolicy listened = reloadable.policy().withListener(recorder);
      CorsRequest request = TestRequest.get("/products/7").origin("https://app.example.com");
      listened.decideNow(request);
      reloadable.reload(routed);
      listened.decideNow(request);
      assertThat(recorder.events).containsExactly("allowed /**", "allowed /products/:id");
    }
  }

  @Nested
  class Functions {
    Functions() {}

    @Test
    void originFunction_answerReportedWhenItCompletes() {
      CompletableFuture<Origins> answer = new CompletableFuture<>();
      CorsPolicy later = CorsPolicy.of(CorsOptions.builder().origin(origin -> answer).build());
      Recorder recorder = new Recorder();
      CorsPolicy listened = later.withListener(recorder);
      CorsRequest request = TestRequest.get("/x").origin("https://app.example.com");
      assertThat(listened.decideNow(request)).isNull();
      CompletionStage<CorsDecision> stage = listened.decide(request);
      assertThat(recorder.events).isEmpty();
      answer.complete(Origins.none());
      stage.toCompletableFuture().join();
      assertThat(recorder.events).containsExactly("refused /** ORIGIN_NOT_ALLOWED");
    }

    @Test
    void failingFunction_functionFailed_andTheStageFailsWithTheSameException() {
      CorsPolicy failing = TestPolicies.originFunctionFailing(new IllegalStateException("down"));
      Recorder recorder = new Recorder();
      CompletableFuture<CorsDecision> stage =
          failing
              .withListener(recorder)
              .decide(TestRequest.get("/x").origin("https://app.example.com"))
              .toCompletableFuture();
      assertThat(recorder.events).containsExactly("refused /** FUNCTION_FAILED");
      Throwable[] seen = new Throwable[1];
      stage.whenComplete((decision, error) -> seen[0] = error);
      assertThat(seen[0]).isInstanceOf(CorsResolutionException.class).hasMessageContaining("down");
    }
  }

  @Test
  void aThrowingListener_leavesTheDecisionAsItIs() {
    CorsPolicy policy =
        CorsPolicy.of(APP)
            .withListener(
                new CorsListener() {
                  @Override
                  public void allowed(String route, CorsRequest request) {
                    throw new IllegalStateException("listener bug");
                  }
                });
    CorsRequest request = TestRequest.get("/x").origin("https://app.example.com");
    assertThat(policy.decideNow(request)).isEqualTo(CorsPolicy.of(APP).decideNow(request));
  }

  @Test
  void withListener_replacesTheListener_andKeepsTheOptionsAndRoutes() {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    CorsPolicy policy = CorsPolicy.of(APP).withListener(first).withListener(second);
    policy.decideNow(TestRequest.get("/x").origin("https://app.example.com"));
    assertThat(first.events).isEmpty();
    assertThat(second.events).containsExactly("allowed /**");
    assertThat(policy.options()).isSameAs(APP);
    assertThat(policy.routes()).extracting(Route::path).containsExactly("/**");
  }

  private static long bytesPerDecision(CorsPolicy policy, CorsRequest request) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    for (int i = 0; i < 20_000; i++) {
      policy.decideNow(request);
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 10_000; i++) {
      policy.decideNow(request);
    }
    return (threads.getThreadAllocatedBytes(id) - before) / 10_000;
  }

  @Test
  void aCountingListener_allocatesNothingPerDecision() {
    LongAdder allowed = new LongAdder();
    LongAdder preflights = new LongAdder();
    LongAdder refused = new LongAdder();
    CorsPolicy policy =
        CorsPolicy.builder()
            .route("/products/:id", APP)
            .build()
            .withListener(
                new CorsListener() {
                  @Override
                  public void allowed(String route, CorsRequest request) {
                    allowed.increment();
                  }

                  @Override
                  public void preflight(String route, CorsRequest request) {
                    preflights.increment();
                  }

                  @Override
                  public void refused(
                      String route, CorsListener.Refusal reason, CorsRequest request) {
                    refused.increment();
                  }
                });
    CorsRequest[] requests = {
      new FixedRequest("GET", "/products/42", "https://app.example.com", null, null),
      new FixedRequest("GET", "/products/42", "https://evil.example", null, null),
      new FixedRequest("OPTIONS", "/products/42", "https://app.example.com", "PUT", null),
      new FixedRequest("OPTIONS", "/products/42", "https://evil.example", "PUT", null),
    };
    for (CorsRequest request : requests) {
      assertThat(bytesPerDecision(policy, request))
          .as("bytes for %s", request.header("Origin"))
          .isZero();
    }
    assertThat(allowed.sum()).isEqualTo(30_000);
    assertThat(preflights.sum()).isEqualTo(30_000);
    assertThat(refused.sum()).isEqualTo(60_000);
  }
}
