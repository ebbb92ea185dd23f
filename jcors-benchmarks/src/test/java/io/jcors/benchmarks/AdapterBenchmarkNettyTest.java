package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AdapterBenchmark}'s Netty pipeline answers every request, the CORS layers with their
 * headers: an answer without them would measure a pipeline that skipped the work.
 */
class AdapterBenchmarkNettyTest {
  @ParameterizedTest
  @ValueSource(strings = {"actual-allowed", "preflight-allowed", "no-origin"})
  void theCorsLayersAddTheirHeaders(String scenario) throws Exception {
    Fixture fixture = new Fixture(scenario, 100);
    int none = length(fixture, "none");
    assertThat(length(fixture, "passthrough")).isEqualTo(none);
    if (!scenario.equals("no-origin")) {
      // Netty's own handler writes nothing without an Origin; jcors writes Vary and the rest.
      assertThat(length(fixture, "builtin")).isNotEqualTo(none);
    }
    assertThat(length(fixture, "jcors")).isNotEqualTo(none);
  }

  @ParameterizedTest
  @ValueSource(strings = {"builtin", "none"})
  void nettyOnlyLayersAreRefusedElsewhere(String layer) {
    AdapterBenchmark benchmark = new AdapterBenchmark();
    benchmark.adapter = "jdk";
    benchmark.layer = layer;
    benchmark.scenario = "actual-allowed";
    assertThatThrownBy(benchmark::setUp).hasMessageContaining("only with adapter=netty");
  }

  private static int length(Fixture fixture, String layer) throws Exception {
    AdapterBenchmark.Request request =
        AdapterBenchmark.netty(fixture, LoopbackServer.policy(), layer);
    int first = (Integer) request.handle();
    assertThat(request.handle()).as("the same answer on the same connection").isEqualTo(first);
    return first;
  }
}
