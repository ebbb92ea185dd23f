package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of {@link CorsExchange}, {@link CorsHeaders#joined} and {@link
 * CorsPolicy#decideNowOrLater}, verbatim, and what they promise adapters.
 */
class CorsExchangeTest {
  CorsExchangeTest() {}

  private static final CorsPolicy policy =
      CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());

  private static final TestRequest preflight =
      TestRequest.preflight("/data", "https://app.example.com", "PUT");

  @Test
  void corsExchange() {
    class MapExchange extends CorsExchange {
      final Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      final Map<String, String> response = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

      public String method() {
        return "GET";
      }

      public String path() {
        return "/data";
      }

      protected String requestHeader(String name) {
        return request.get(name);
      }

      public String get(String name) {
        return response.get(name);
      }

      public void set(String name, String value) {
        response.put(name, value);
      }
    }
    MapExchange exchange = new MapExchange();
    exchange.request.put("Origin", "https://app.example.com");
    exchange.decided(policy.decideNow(exchange)); // writes the headers, keeps the decision
    exchange.response.clear(); // an error handler resets the response
    exchange.restore(); // the server's hook, before the headers leave
    assertEquals("https://app.example.com", exchange.response.get("Access-Control-Allow-Origin"));

    assertEquals("Origin", exchange.response.get("Vary"));
    assertThat(exchange.decision()).isSameAs(policy.decideNow(exchange));
  }

  /** Counts how often the server is asked for each header. */
  static final class CountingExchange extends CorsExchange {
    final Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> response = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, Integer> reads = new TreeMap<>();

    @Override
    public String method() {
      return request.containsKey("Access-Control-Request-Method") ? "OPTIONS" : "GET";
    }

    @Override
    public String path() {
      return "/data";
    }

    @Override
    protected String requestHeader(String name) {
      reads.merge(name, 1, Integer::sum);
      return request.get(name);
    }

    @Override
    public String get(String name) {
      return response.get(name);
    }

    @Override
    public void set(String name, String value) {
      response.put(name, value);
    }
  }

  @Test
  void coversVary() { // the example of coversVary's Javadoc
    CountingExchange exchange = new CountingExchange();
    exchange.request.put("Origin", "https://app.example.com");
    exchange.decided(policy.decideNow(exchange)); // Vary: Origin
    assertTrue(exchange.coversVary(exchange.response.get("Vary")));
    assertTrue(exchange.coversVary("Accept-Encoding, origin"));
    assertFalse(exchange.coversVary("Accept-Encoding"));
  }

  @Test
  void coversVary_beforeADecision_isFalse_soTheViewJoinsEveryLine() {
    CountingExchange exchange = new CountingExchange();
    assertFalse(exchange.coversVary("Origin"));
  }

  @Test
  void coversVary_aStarLine_coversEveryName() {
    CountingExchange exchange = new CountingExchange();
    exchange.request.put("Origin", "https://app.example.com");
    exchange.decided(policy.decideNow(exchange));
    assertTrue(exchange.coversVary("*"));
    assertFalse(exchange.coversVary("Origins")); // a name, not a prefix
  }

  @Test
  void origin_isReadFromTheServerOnce_acrossDecideWriteAndRestore() {
    CountingExchange exchange = new CountingExchange();
    exchange.request.put("Origin", "https://app.example.com");
    exchange.decided(policy.decideNow(exchange));
    exchange.response.remove("Access-Control-Allow-Origin");
    exchange.restore();
    assertThat(exchange.response)
        .containsEntry("Access-Control-Allow-Origin", "https://app.example.com");
    assertThat(exchange.reads).containsEntry("Origin", 1);
  }

  @Test
  void noOrigin_isReadOnceToo_andOtherHeadersEachTime() {
    CountingExchange exchange = new CountingExchange();
    assertNull(exchange.header("Origin"));
    assertNull(exchange.header("Origin"));
    assertNull(exchange.header("X-Other"));
    assertNull(exchange.header("X-Other"));
    assertThat(exchange.reads).containsEntry("Origin", 1).containsEntry("X-Other", 2);
  }

  @Test
  void restore_beforeAnyDecision_writesNothing() {
    CountingExchange exchange = new CountingExchange();
    exchange.restore();
    assertThat(exchange.response).isEmpty();
    assertNull(exchange.decision());
  }

  @Test
  void keep_writesNothingUntilRestore() {
    CountingExchange exchange = new CountingExchange();
    exchange.request.put("Origin", "https://app.example.com");
    exchange.keep(policy.decideNow(exchange));
    assertThat(exchange.response).isEmpty();
    exchange.response.put("Vary", "Accept-Encoding"); // the application's response
    exchange.restore();
    assertThat(exchange.response)
        .containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
        .containsEntry("Vary", "Accept-Encoding, Origin");
  }

  @Test
  void corsHeadersJoined() {
    assertNull(CorsHeaders.joined(List.of()));
    assertEquals("Origin", CorsHeaders.joined(List.of("Origin")));
    assertEquals(
        "Accept-Encoding, Origin", CorsHeaders.joined(List.of("Accept-Encoding", "Origin")));

    assertNull(CorsHeaders.joined(null));
    assertEquals(", x", CorsHeaders.joined(List.of("", "x"))); // an empty line keeps its place
    assertEquals("1, 2", CorsHeaders.joined(new java.util.LinkedHashSet<>(List.of(1, 2))));
    String line = "Origin";
    assertThat(CorsHeaders.joined(List.of(line))).isSameAs(line);
  }

  @Test
  void corsPolicyDecideNowOrLater() {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    List<CompletionStage<CorsDecision>> waiting = new ArrayList<>();
    CorsDecision now = policy.decideNowOrLater(preflight, (request, stage) -> waiting.add(stage));
    assertEquals(CorsDecision.Action.RESPOND, now.action());
    CorsPolicy later =
        CorsPolicy.of(CorsOptions.builder().origin(origin -> new CompletableFuture<>()).build());
    assertNull(later.decideNowOrLater(preflight, (request, stage) -> waiting.add(stage)));
    assertEquals(1, waiting.size()); // completes when the origin function does

    assertThat(now).isSameAs(policy.decideNow(preflight));
    assertThat(waiting.get(0).toCompletableFuture()).isNotDone();
  }

  @Test
  void decideNowOrLater_functionAnsweringAtOnce_decidedNow_laterNotCalled() {
    CorsPolicy policy = TestPolicies.originFunctionAnsweringAtOnce(Origins.reflect());
    assertNull(policy.decideNow(preflight)); // a function has to run
    CorsDecision now =
        policy.decideNowOrLater(
            preflight,
            (request, stage) -> {
              throw new AssertionError("nothing to wait for");
            });
    assertThat(now.action()).isEqualTo(CorsDecision.Action.RESPOND);
    assertThat(now.headerValue(0, preflight)).isEqualTo("https://app.example.com");
  }

  @Test
  void decideNowOrLater_functionFailing_laterGetsTheRequestAndTheUnwrappedFailure() {
    CompletableFuture<Origins> lookup = new CompletableFuture<>();
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(origin -> lookup).build());
    List<Object> seen = new ArrayList<>();
    CorsDecision now =
        policy.decideNowOrLater(
            preflight,
            (request, stage) -> {
              seen.add(request);
              stage.whenComplete((decision, error) -> seen.add(error));
            });
    assertNull(now);
    assertThat(seen).containsExactly(preflight);
    lookup.completeExceptionally(new IllegalStateException("lookup down"));
    assertThat(seen.get(1)).isInstanceOf(CorsResolutionException.class);
  }

  @Test
  void decideNowOrLater_functionThrowingAtOnce_goesToLaterAsAFailedStage() {
    CorsPolicy policy = TestPolicies.originFunctionThrowing();
    List<CompletionStage<CorsDecision>> waiting = new ArrayList<>();
    assertNull(policy.decideNowOrLater(preflight, (request, stage) -> waiting.add(stage)));
    assertThat(waiting.get(0).toCompletableFuture()).isCompletedExceptionally();
  }
}
