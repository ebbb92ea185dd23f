package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AdapterBenchmark}'s WebFlux, Micronaut and servlet requests (the JDK's needs the fork's
 * {@code --add-exports}): each layer's setup checks the answer its scenario needs, a replayed
 * request still gets that answer, the check refuses an answer that skipped the work, and one short
 * JMH iteration of each runs.
 */
class AdapterBenchmarkCheckTest {
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "webflux, jcors, actual-allowed",
    "webflux, jcors, preflight-allowed",
    "webflux, jcors, no-origin",
    "webflux, passthrough, actual-allowed",
    "webflux, passthrough, preflight-allowed",
    "webflux, passthrough, no-origin",
    "micronaut, jcors, actual-allowed",
    "micronaut, jcors, preflight-allowed",
    "micronaut, jcors, no-origin",
    "micronaut, passthrough, actual-allowed",
    "micronaut, passthrough, preflight-allowed",
    "micronaut, passthrough, no-origin",
    "servlet, jcors, actual-allowed",
    "servlet, jcors, preflight-allowed",
    "servlet, jcors, no-origin",
    "servlet, passthrough, actual-allowed",
    "servlet, passthrough, preflight-allowed",
    "servlet, passthrough, no-origin",
  })
  void setUp_checksTheAnswer_andReplaysIt(String adapter, String layer, String scenario)
      throws Exception {
    AdapterBenchmark benchmark = new AdapterBenchmark();
    benchmark.adapter = adapter;
    benchmark.layer = layer;
    benchmark.scenario = scenario;
    try {
      benchmark.setUp(); // throws when the answer is not the layer's
    } finally {
      benchmark.tearDown();
    }
    Fixture fixture = new Fixture(scenario, 100);
    boolean jcors = layer.equals("jcors");
    try (AdapterBenchmark.Request request = request(adapter, fixture, jcors)) {
      for (int i = 0; i < 3; i++) {
        request.handle(); // replayed, as JMH sends it
      }
      request.check(fixture, jcors); // the same answer after the replays
    }
  }

  private static AdapterBenchmark.Request request(String adapter, Fixture fixture, boolean jcors)
      throws Exception {
    return switch (adapter) {
      case "webflux" -> new WebFluxRequest(fixture, fixture.jcorsPolicy(), jcors);
      case "micronaut" -> new MicronautRequest(fixture, fixture.jcorsPolicy(), jcors);
      default -> AdapterBenchmark.servlet(fixture, fixture.jcorsPolicy(), jcors);
    };
  }

  @Test
  void check_refusesAnAnswerWithoutItsCorsHeaders() {
    Fixture fixture = new Fixture(Fixture.PREFLIGHT_ALLOWED, 100);
    Map<String, String> passedOn = Map.of("Content-Type", "text/plain");
    assertThatThrownBy(
            () ->
                AdapterBenchmark.check(
                    "webflux", fixture, true, 200, passedOn.keySet(), passedOn::get))
        .hasMessageStartingWith(
            "webflux jcors on preflight-allowed: the preflight is not answered");
  }

  @Test
  void check_refusesCorsHeadersFromThePassthrough() {
    Fixture fixture = new Fixture(Fixture.NO_ORIGIN, 100);
    Map<String, String> vary = Map.of("Vary", "Origin");
    assertThatThrownBy(
            () ->
                AdapterBenchmark.check("micronaut", fixture, false, 200, vary.keySet(), vary::get))
        .hasMessageContaining("CORS headers or Vary");
  }

  @Test
  void check_refusesAnActualRequestWithoutItsOrigin() {
    Fixture fixture = new Fixture(Fixture.ACTUAL_ALLOWED, 100);
    Map<String, String> varyOnly = Map.of("Vary", "Origin");
    assertThatThrownBy(
            () ->
                AdapterBenchmark.check(
                    "micronaut", fixture, true, 200, List.of("Vary"), varyOnly::get))
        .hasMessageContaining("the allowed origin not echoed");
  }

  @Test
  void jmh_oneShortIterationOfWebFluxAndMicronaut_runs() throws Exception {
    ShortRun.assertRuns(
        ShortRun.options()
            .include(AdapterBenchmark.class.getName())
            .param("adapter", "webflux", "micronaut")
            .param("scenario", Fixture.ACTUAL_ALLOWED),
        4);
  }
}
