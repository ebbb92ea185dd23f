package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Keeps the route benchmark honest: each scenario's path chooses the route it is meant to, with the
 * index and with the scan alike (setUp throws otherwise), and one short JMH iteration runs.
 */
class RouteBenchmarkSmokeTest {
  RouteBenchmarkSmokeTest() {}

  @ParameterizedTest(name = "{0} x {1}, {2}")
  @CsvSource({
    "index, 10, param, 3",
    "index, 10, glob, 4",
    "index, 10, prefix, 5",
    "index, 10, fallback, 9",
    "index, 10, long, 5",
    "scan, 10, param, 3",
    "index, 1000, param, 498",
    "index, 1000, glob, 499",
    "index, 1000, prefix, 500",
    "index, 1000, fallback, 999",
    "index, 1000, long, 500",
    "scan, 1000, long, 500"
  })
  void setUp_choosesTheScenariosRoute(String impl, int routes, String scenario, int route) {
    RouteBenchmark benchmark = new RouteBenchmark();
    benchmark.impl = impl;
    benchmark.routes = routes;
    benchmark.scenario = scenario;
    benchmark.setUp();
    assertThat(benchmark.choose()).isEqualTo(route);
  }

  @Test
  void gateway_isThreeRoutesPerServiceThenACatchAll() {
    assertThat(RouteBenchmark.gateway(10))
        .hasSize(10)
        .startsWith("/svc0/items/:id", "/svc0/files/*.json", "/svc0/admin/**")
        .endsWith("/**");
    assertThat(RouteBenchmark.gateway(1000)).hasSize(1000);
    assertThatThrownBy(() -> RouteBenchmark.gateway(11))
        .hasMessage("routes must be 3 per service plus 1: 11");
  }

  @Test
  void jmh_oneShortIteration_runs() throws Exception {
    Options options =
        new OptionsBuilder()
            .include(RouteBenchmark.class.getName())
            .param("impl", "index")
            .param("routes", "10", "1000")
            .param("scenario", "param")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .timeUnit(TimeUnit.NANOSECONDS)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results).hasSize(2);
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getScore()).isPositive();
    }
  }
}
