package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code jcors lint} run in this JVM on a config written to {@code cors.json} in a folder: the
 * exit code and what it printed, with the config's path printed as {@code cors.json} so that
 * expected lines do not depend on the folder. Lint writes nothing to stderr for a file it can read,
 * so {@link #lint} asserts that stderr is empty.
 *
 * @param exitCode the exit code (0 clean, 1 warnings, 2 errors)
 * @param out what lint printed to stdout
 */
record LintRun(int exitCode, String out) {
  static LintRun lint(Path dir, String json, String... flags) throws Exception {
    Path file = dir.resolve("cors.json");
    Files.writeString(file, json);
    List<String> args = new ArrayList<>(List.of("lint"));
    args.addAll(List.of(flags));
    args.add(file.toString());
    CliRun run = CliRun.run(Duration.ofSeconds(60), args.toArray(new String[0]));
    assertThat(run.err()).isEmpty();
    return new LintRun(run.code(), run.out()).withFileNamed(file);
  }

  /** This run with {@code file}'s path printed as its file name alone. */
  LintRun withFileNamed(Path file) {
    return new LintRun(exitCode, out.replace(file.toString(), file.getFileName().toString()));
  }
}
