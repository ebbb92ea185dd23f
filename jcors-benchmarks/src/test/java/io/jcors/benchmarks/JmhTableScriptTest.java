package io.jcors.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/jmh-table.py}, the script docs/performance.md turns JMH results into tables with,
 * on a small result file of the shape JMH writes ({@code -rf json}): each benchmark method and each
 * listener of {@code CorsDecisionBenchmark} gets its own rows, so that one does not overwrite the
 * other's cells.
 */
class JmhTableScriptTest {
  @TempDir Path dir;

  @Test
  void decisionTable_hasARowPerMethodAndListener_withTheMedianAndTheBytes() throws Exception {
    Path results = dir.resolve("decision.json");
    Files.writeString(
        results,
        "["
            + result("apply", "none", "[[10.0, 11.0, 30.0]]", 0)
            + ","
            + result("apply", "noop", "[[20.0, 21.0, 22.0]]", 0)
            + ","
            + result("decideNowOrLater", "none", "[[40.0, 41.0, 42.0]]", 48)
            + "]");

    String table = run(results);

    assertThat(table)
        .contains("| apply | none | actual-allowed | listed | 11.0 (0) |")
        .contains("| apply | noop | actual-allowed | listed | 21.0 (0) |")
        .contains("| decideNowOrLater | none | actual-allowed | listed | 41.0 (48) |")
        .doesNotContain("| preflight-allowed |"); // no results, no row
  }

  private static String result(String method, String listener, String rawData, int bytes) {
    return """
        {"benchmark": "io.jcors.benchmarks.CorsDecisionBenchmark.%s",
         "params": {"headers": "listed", "listener": "%s", "origins": "1",
                    "scenario": "actual-allowed"},
         "primaryMetric": {"rawData": %s},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %d}}}
        """
        .formatted(method, listener, rawData, bytes);
  }

  private static String run(Path results) throws IOException, InterruptedException {
    Process python =
        new ProcessBuilder("python3", "scripts/jmh-table.py", results.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    return output;
  }
}
