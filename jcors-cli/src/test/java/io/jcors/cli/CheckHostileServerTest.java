package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcors.check.PrintableText;
import io.jcors.testsupport.RawServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jcors check} against servers that answer too slowly or send bytes meant for the terminal,
 * and the other commands' output given hostile text: every run ends by its deadline, exit 2 with
 * one line, and nothing that is not printable reaches stdout or stderr.
 */
public class CheckHostileServerTest {
  private static final String PAGE = "https://app.example.com";

  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public CheckHostileServerTest() {}

  private static CliRun run(String... args) {
    return CliRun.run(Duration.ofSeconds(10), args);
  }

  private static RawServer answering(String headerLines) throws Exception {
    return RawServer.start(
        (head, out) ->
            RawServer.write(
                out,
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n"
                    + headerLines
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
  }

  @Test
  void bodyAtOneBytePerSecond_givesUpAtTheTimeout_exit2_oneLine() throws Exception {
    try (RawServer server = RawServer.slowBody()) {
      long start = System.nanoTime();
      CliRun run = run("check", server.origin() + "/slow", "--origin", PAGE, "--timeout", "1.5");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "jcors check: gave up after 1.5 s, the time allowed for the whole check: the body"
                  + " of the response to GET "
                  + server.origin()
                  + "/slow was still arriving; allow more with --timeout SECONDS"
                  + System.lineSeparator());
    }
  }

  @ParameterizedTest(name = "--timeout {0}")
  @ValueSource(strings = {"0", "-1", "abc", "86401", "1e9", "\u001b[2J"})
  void timeoutThatIsNotAPositiveNumberOfSeconds_isAUsageError(String timeout) {
    CliRun run = run("check", "http://127.0.0.1:9/", "--origin", PAGE, "--timeout", timeout);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("jcors check: --timeout " + PrintableText.escape(timeout) + " is not a number")
        .contains("--timeout 30");
    run.assertPrintable();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ESC [2J (clear screen)|X-Note: a\u001b[2Jb|a\\u001b[2Jb",
        "NUL|X-Note: a\u0000b|a\\u0000b",
        "BEL|X-Note: a\u0007b|a\\u0007b",
        "C1 CSI|X-Note: a\u009b2Jb|a\\u009b2Jb",
      })
  void controlBytesInAHeader_reachTheTerminalEscaped(
      String description, String header, String escaped) throws Exception {
    // Every one reaches the report on stdout (a NUL as the line of an F47 network error), escaped.
    try (RawServer server = answering(header + "\r\n")) {
      CliRun run = run("check", server.origin() + "/x", "--origin", PAGE);

      run.assertPrintable();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).contains(escaped);
    }
  }

  @Test
  void json_staysValidJson_withTheValueEscapedTheJsonWay() throws Exception {
    try (RawServer server = answering("X-Note: a\u009b2Jb\r\n")) {
      CliRun run = run("check", server.origin() + "/x", "--origin", PAGE, "--json");

      assertThat(run.code()).isZero();
      run.assertPrintable();
      assertThat(run.out()).contains("\"a\\u009b2Jb\"");
      Map<?, ?> json = new ObjectMapper().readValue(run.out(), Map.class);
      assertThat(json.toString()).contains("a\u009b2Jb");
    }
  }

  @Test
  void lint_textAndJson_escapeWhatTheFileHolds() throws Exception {
    Path file = dir.resolve("hostile.json");
    Files.writeString(
        file,
        "{\"origin\": \"https://a.example\u009b2J\", \"allowedHeaders\": \"X-\u202eA\","
            + " \"credentials\": \"\\u001b[2J\"}",
        StandardCharsets.UTF_8);

    CliRun text = run("lint", file.toString());
    text.assertPrintable();
    assertThat(text.out()).contains("\\u009b2J").contains("\\u202e").contains("\\u001b[2J");

    CliRun json = run("lint", file.toString(), "--json");
    json.assertPrintable();
    assertThat(json.out()).contains("\\u009b").contains("\\u202e");
    // A problem escapes the control characters of its value when it is made (docs/security.md,
    // "Logged values are escaped"), so the parsed value shows the escape, never the raw byte; a
    // printable but invisible character (the bidi override) is JSON-escaped only.
    Map<?, ?> parsed = new ObjectMapper().readValue(json.out(), Map.class);
    assertThat(parsed.toString())
        .contains("https://a.example\\u009b2J")
        .doesNotContain("\u009b")
        .contains("\u202e");
  }

  @Test
  void serve_messagesEscapeTheFileName() {
    CliRun run = run("serve", "--config", dir.resolve("no\u001b[2Jsuch.json").toString());

    assertThat(run.code()).isEqualTo(2);
    run.assertPrintable();
    assertThat(run.err()).contains("no\\u001b[2Jsuch.json").contains("no such file");
  }
}
