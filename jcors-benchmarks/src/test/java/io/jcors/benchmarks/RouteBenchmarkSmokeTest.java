package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    ShortRun.assertRuns(
        ShortRun.options()
            .include(RouteBenchmark.class.getName())
            .param("impl", "index")
            .param("routes", "10", "1000")
            .param("scenario", "param"),
        2);
  }
}
