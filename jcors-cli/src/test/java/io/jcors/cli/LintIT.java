package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jcors lint} run from the jar on the corpus in {@code src/test/resources/lint}: good, risky
 * and invalid configs, each next to a {@code .expected} file holding the exit code ({@code # exit
 * N}) and the exact output.
 */
public class LintIT {
  static final Path CORPUS = Path.of("src/test/resources/lint").toAbsolutePath();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public LintIT() {}

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json") || n.endsWith(".yaml"))
              .sorted()
              .toList();
      return names.stream();
    }
  }

  @Test
  void corpus_hasGoodRiskyAndInvalidConfigs() throws IOException {
    assertThat(corpus().toList())
        .anyMatch(n -> n.startsWith("good-"))
        .anyMatch(n -> n.startsWith("risky-"))
        .anyMatch(n -> n.startsWith("invalid-"))
        .allMatch(n -> Files.exists(CORPUS.resolve(n + ".expected")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void lint_printsExpectedFindings_andExitCode(String name) throws Exception {
    String expected = Files.readString(CORPUS.resolve(name + ".expected"), StandardCharsets.UTF_8);
    int expectedExit =
        Integer.parseInt(expected.substring("# exit ".length(), expected.indexOf('\n')));

    JcorsProcess.Result result = JcorsProcess.run(CORPUS, "lint", name);

    assertThat(result.out()).isEqualTo(expected.substring(expected.indexOf('\n') + 1));
    assertThat(result.exitCode()).isEqualTo(expectedExit);
    assertThat(result.err()).isEmpty();
    int expectedByPrefix = name.startsWith("good-") ? 0 : name.startsWith("risky-") ? 1 : 2;
    assertThat(result.exitCode()).as("exit code for the corpus group").isEqualTo(expectedByPrefix);
  }

  @Test
  void json_oneObjectWithEveryFinding() throws Exception {
    JcorsProcess.Result result =
        JcorsProcess.run(CORPUS, "lint", "--json", "risky-hidden-route.yaml");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            Files.readString(
                CORPUS.resolve("risky-hidden-route.yaml.json-expected"), StandardCharsets.UTF_8));
  }

  @Test
  void json_fileThatCannotBeRead_isOneErrorFinding() throws Exception {
    JcorsProcess.Result result = JcorsProcess.run(CORPUS, "lint", "--json", "missing.json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .contains("\"exitCode\" : 2")
        .contains("\"rule\" : \"C7\"")
        .contains("\"severity\" : \"error\"")
        .contains("\"line\" : null")
        .contains("\"reason\" : \"no such file\"");
  }

  @Test
  void strict_warningsBecomeErrors_exit2() throws Exception {
    JcorsProcess.Result result = JcorsProcess.run(CORPUS, "lint", "--strict", "risky-regex.json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "risky-regex.json:2:14: error: origin[0]: /example\\.com$/ is not anchored at both"
                + " ends")
        .doesNotContain(": warning: ")
        .endsWith("risky-regex.json: 8 errors, 0 warnings\n");
  }

  @Test
  void strict_goodConfig_exit0() throws Exception {
    assertThat(JcorsProcess.run(CORPUS, "lint", "--strict", "good-routes.json").exitCode())
        .isZero();
  }
}
