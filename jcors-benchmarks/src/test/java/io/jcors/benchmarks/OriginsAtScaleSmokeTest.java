package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the at-scale benchmarks honest at small sizes: the origin looked up is allowed or refused
 * as its scenario says (setUp throws otherwise), and the footprint program reports its figures.
 */
class OriginsAtScaleSmokeTest {
  OriginsAtScaleSmokeTest() {}

  @ParameterizedTest(name = "{0} x {1}, {2}")
  @CsvSource({
    "exact, 1, allowed",
    "exact, 1, refused",
    "exact, 1000, allowed",
    "exact, 1000, refused",
    "pattern, 1, allowed",
    "pattern, 1000, allowed",
    "pattern, 1000, refused"
  })
  void lookupSetup_answersAsItsScenarioSays(String kind, int size, String scenario) {
    OriginsAtScaleBenchmark benchmark = new OriginsAtScaleBenchmark();
    benchmark.kind = kind;
    benchmark.size = size;
    benchmark.scenario = scenario;
    benchmark.setUp();
    assertThat(benchmark.allows()).isEqualTo(scenario.equals("allowed"));
  }

  @ParameterizedTest
  @CsvSource({"exact", "pattern"})
  void footprint_printsTheFiguresOfAList(String kind) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      OriginsFootprint.main(new String[] {kind, "2000"});
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith(kind + " x 2000 ")
        .contains("B per entry");
  }
}
