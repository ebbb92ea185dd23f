package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that are not a configuration, invalid configs, and bad arguments: one clear message and
 * exit 2 from the jar, never a stack trace, and {@code serve} starts nothing.
 */
public class BadFilesIT {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public BadFilesIT() {}

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "not-json.json",
            "origin = https://a.example\n",
            "not-json.json:1:7: error: is not valid JSON: Unrecognized token 'origin'"),
        Arguments.of(
            "truncated.json",
            "{\"origin\": [\"https://a.example\"\n",
            "truncated.json:2:1: error: is not valid JSON: Unexpected end-of-input"),
        Arguments.of(
            "bad.yaml",
            "origin: [https://a.example\nmethods: GET\n",
            "bad.yaml:2:8: error: is not valid YAML"),
        Arguments.of(
            "empty.json",
            "",
            "empty.json: error: is empty; write a JSON object such as {\"origin\":"
                + " \"https://app.example.com\"}"),
        Arguments.of(
            "blank.yaml", "# nothing here\n\n", "blank.yaml: error: is empty; write a YAML object"),
        Arguments.of(
            "list.json",
            "[\"https://a.example\"]",
            "list.json:1:1: error: the configuration is a list, not an object"),
        Arguments.of(
            "two.yaml",
            "origin: true\n---\norigin: false\n",
            "two.yaml:3:1: error: has more after the configuration object; a config file holds"
                + " one object (one YAML document)"),
        Arguments.of(
            "latin1.json",
            "{\"origin\": \"https://b\u00fccher.example\"}",
            "latin1.json: error: is not UTF-8 text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void lintAndServe_badFile_oneMessage_exit2(String name, String content, String message)
      throws Exception {
    byte[] bytes =
        name.startsWith("latin1")
            ? content.getBytes(StandardCharsets.ISO_8859_1)
            : content.getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(name), bytes);

    JcorsProcess.Result lint = JcorsProcess.run(dir, "lint", name);
    JcorsProcess.Result serve = JcorsProcess.run(dir, "serve", "--config", name, "--port", "0");

    assertThat(lint.exitCode()).isEqualTo(2);
    assertThat(lint.out()).startsWith(message).endsWith(name + ": 1 error, 0 warnings\n");
    assertThat(lint.out().lines()).hasSize(2);
    assertThat(serve.exit2Stderr()).startsWith(message).doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void missingFile_andDirectory_exit2() throws Exception {
    JcorsProcess.Result missing = JcorsProcess.run(dir, "serve", "--config", "nope.json");
    JcorsProcess.Result directory = JcorsProcess.run(dir, "lint", ".");

    assertThat(missing.exit2Stderr()).isEqualTo("nope.json: error: no such file\n");
    assertThat(directory.exitCode()).isEqualTo(2);
    assertThat(directory.out()).startsWith(".: error: is a directory, not a config file\n");
  }

  @Test
  void serve_invalidConfig_listsEveryProblem_startsNothing() throws Exception {
    Path corpus = LintIT.CORPUS;

    JcorsProcess.Result result =
        JcorsProcess.run(corpus, "serve", "--config", "invalid-types.yaml", "--port", "0");

    // exit2Stderr: nothing on stdout, so no "listening on"
    assertThat(result.exit2Stderr().lines().filter(l -> l.contains(": error: ")))
        .containsExactly(
            "invalid-types.yaml:1:9: error: origin: 3 is not a valid origin option",
            "invalid-types.yaml:2:10: error: methods: 5 is neither a string nor a list of strings",
            "invalid-types.yaml:3:32: error: allowedHeaders[1]: 7 is not a string",
            "invalid-types.yaml:4:14: error: credentials: \"yes\" is not a boolean",
            "invalid-types.yaml:5:9: error: maxAge: \"ten\" is not a whole number",
            "invalid-types.yaml:6:20: error: preflightContinue: 1 is not a boolean",
            "invalid-types.yaml:7:23: error: optionsSuccessStatus: 2.5 is not a whole number");
    assertThat(result.err())
        .endsWith("invalid-types.yaml: 7 errors, 0 warnings; nothing started\n");
  }

  @Test
  void serve_malformedRoutePath_locatedWithItsFix_startsNothing() throws Exception {
    Files.writeString(dir.resolve("cors.yaml"), "routes:\n  - path: /products/{id\n    cors: {}\n");

    JcorsProcess.Result result =
        JcorsProcess.run(dir, "serve", "--config", "cors.yaml", "--port", "0");

    assertThat(result.exit2Stderr())
        .startsWith(
            "cors.yaml:2:11: error: routes[0].path: \"/products/{id\" has an unclosed { at index"
                + " 10\n    fix: close it: {id}\n")
        .doesNotContain("Exception");
  }

  @Test
  void serve_portInUse_namesPortAndFlag_exit2() throws Exception {
    Files.writeString(dir.resolve("cors.json"), "{}");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      JcorsProcess.Result result =
          JcorsProcess.run(dir, "serve", "--config", "cors.json", "--port", Integer.toString(port));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              "jcors serve: port "
                  + port
                  + " on 127.0.0.1 is already in use; choose another with --port (0 picks a free"
                  + " one)\n");
    }
  }

  @Test
  void serve_badPortAndUnknownOption_usageError_exit2() throws Exception {
    Files.writeString(dir.resolve("cors.json"), "{}");

    JcorsProcess.Result badPort =
        JcorsProcess.run(dir, "serve", "--config", "cors.json", "--port", "70000");
    JcorsProcess.Result notANumber =
        JcorsProcess.run(dir, "serve", "--config", "cors.json", "--port", "x");
    JcorsProcess.Result unknown = JcorsProcess.run(dir, "lint", "--jsn", "cors.json");

    assertThat(badPort.exit2Stderr())
        .isEqualTo("jcors serve: --port 70000 is not a port; use 0 to 65535\n");
    assertThat(notANumber.exit2Stderr())
        .startsWith("Invalid value for option '--port': 'x' is not an int");
    assertThat(unknown.exit2Stderr()).startsWith("Unknown option: '--jsn'");
  }

  @Test
  void versionAndHelp_exit0() throws Exception {
    JcorsProcess.Result version = JcorsProcess.run(dir, "--version");
    JcorsProcess.Result help = JcorsProcess.run(dir, "--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).matches("jcors \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("serve", "lint", "Exit codes");
  }
}
