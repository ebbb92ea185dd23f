package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the benchmarks compiling, running and honest: every implementation answers every scenario
 * as CORS requires, and one short JMH iteration of each benchmark runs. No timing is asserted.
 */
public class BenchmarkSmokeTest {
  static final List<String> IMPLS =
      List.of("baseline", "jcors", "spring", "tomcat", "jetty", "netty");
  static final List<String> SCENARIOS =
      List.of(
          Fixture.ACTUAL_ALLOWED,
          Fixture.ACTUAL_REFUSED,
          Fixture.NO_ORIGIN,
          Fixture.PREFLIGHT_ALLOWED,
          Fixture.PREFLIGHT_REFUSED,
          Fixture.PREFLIGHT_HOSTILE);

  public BenchmarkSmokeTest() {}

  static Stream<Arguments> everyImplAndScenario() {
    List<Arguments> all = new ArrayList<>();
    for (String impl : IMPLS) {
      for (String scenario : SCENARIOS) {
        all.add(Arguments.of(impl, scenario));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyImplAndScenario")
  void comparisonSetup_everyImplAndScenario_answersAsCorsRequires(String impl, String scenario)
      throws Exception {
    CorsComparisonBenchmark benchmark = new CorsComparisonBenchmark();
    benchmark.impl = impl;
    benchmark.scenario = scenario;
    benchmark.origins = 100;
    benchmark.setUp(); // throws when the answer is not the CORS answer
    benchmark.handle();
  }

  @Nested
  class Fixtures {
    Fixtures() {}

    @Test
    void hostileRequestHeaders_isOneMebibyteTokenList() {
      String hostile = Fixture.hostileRequestHeaders();
      assertThat(hostile).hasSize(1 << 20).matches("[a-z0-9,-]+").doesNotEndWith(",");
    }

    @Test
    void allowedOrigin_isInTheMiddleOfTheList() {
      Fixture fixture = new Fixture(Fixture.ACTUAL_ALLOWED, 100);
      assertThat(fixture.origin()).isEqualTo("https://app50.example.com");
      assertThat(fixture.origins).hasSize(100).contains(fixture.origin());
    }

    @Test
    void unknownImpl_isRefusedWithTheKnownNames() {
      assertThatThrownBy(() -> Subject.create("undertow", new Fixture(Fixture.NO_ORIGIN, 1)))
          .hasMessage("unknown impl: undertow (baseline, jcors, spring, tomcat, jetty, netty)");
    }
  }

  @Test
  void jmh_oneShortIterationOfEachBenchmark_runs() throws Exception {
    // 6 impls x 2 scenarios, plus the decision alone (apply and decideNowOrLater) for 2 scenarios
    // without and with a listener
    ShortRun.assertRuns(
        ShortRun.options()
            .include(CorsComparisonBenchmark.class.getName())
            .include(CorsDecisionBenchmark.class.getName())
            .param("impl", IMPLS.toArray(new String[0]))
            .param("scenario", Fixture.ACTUAL_ALLOWED, Fixture.PREFLIGHT_HOSTILE)
            .param("origins", "10")
            .param("headers", "reflected"),
        20);
  }
}
