package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcors.check.PrintableText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/**
 * One run of the command line in this JVM: the exit code and what it printed on stdout and stderr.
 *
 * @param code the exit code
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
record CliRun(int code, String out, String err) {
  /** Runs {@code jcors args...}; fails the test when it takes longer than {@code within}. */
  static CliRun run(Duration within, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        assertTimeoutPreemptively(
            within,
            () ->
                Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Only printable characters and line breaks, on stdout and stderr. */
  void assertPrintable() {
    for (String text : new String[] {out, err}) {
      assertThat(text.replace("\n", "").codePoints().allMatch(PrintableText::isPrintable))
          .as("only printable characters and line breaks in:%n%s", text)
          .isTrue();
    }
  }
}
