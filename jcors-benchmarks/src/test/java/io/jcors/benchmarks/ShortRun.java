package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One short JMH run in the test's own JVM: what the smoke tests use to see that a benchmark runs,
 * never to time it (no fork, no warm-up, one 50 ms iteration).
 */
final class ShortRun {
  private ShortRun() {}

  /** The run's settings; the caller adds the benchmarks to include and their parameters. */
  static ChainedOptionsBuilder options() {
    return new OptionsBuilder()
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(50))
        .timeUnit(TimeUnit.NANOSECONDS)
        .verbosity(VerboseMode.SILENT);
  }

  /** Runs {@code options}: {@code expected} results, each with a score above zero. */
  static void assertRuns(ChainedOptionsBuilder options, int expected) throws RunnerException {
    Collection<RunResult> results = new Runner(options.build()).run();
    assertThat(results).hasSize(expected);
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getScore()).isPositive();
    }
  }
}
