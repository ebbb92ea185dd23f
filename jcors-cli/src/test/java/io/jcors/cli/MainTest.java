package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Arguments parsed in-process, without starting a server or touching the network. */
public class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CommandLine commandLine =
      Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));

  /** Needed by JUnit on the class path with -Xlint:all. */
  public MainTest() {}

  @Test
  void serve_defaults() {
    ParseResult parsed = commandLine.parseArgs("serve", "--config", "cors.json");

    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(serve.config).isEqualTo(Path.of("cors.json"));
    assertThat(serve.port).isEqualTo(3000);
    assertThat(serve.host).isEqualTo("127.0.0.1");
  }

  @Test
  void serve_portAndHost() {
    ParseResult parsed =
        commandLine.parseArgs("serve", "--port", "0", "--host", "::1", "--config", "c.yaml");

    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(serve.port).isZero();
    assertThat(serve.host).isEqualTo("::1");
  }

  @Test
  void usageError_echoesArgumentsEscaped_neverTerminalControls() {
    // An argument is echoed in picocli's usage errors; a terminal must not run what it carries
    // (ESC sequences that retitle the window or rewrite earlier lines, docs/security.md).
    int code = commandLine.execute("lint", "--bogus\u001b]0;owned\u0007\u009b2J", "a.json");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Unknown option: '--bogus\\u001b]0;owned\\u0007\\u009b2J'")
        .doesNotContain("\u001b", "\u0007", "\u009b");
  }

  @Test
  void lint_flags() {
    ParseResult parsed = commandLine.parseArgs("lint", "--strict", "a.json", "--json");

    LintCommand lint = (LintCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(lint.file).isEqualTo(Path.of("a.json"));
    assertThat(lint.json).isTrue();
    assertThat(lint.strict).isTrue();
  }

  @Test
  void check_defaults() {
    ParseResult parsed =
        commandLine.parseArgs(
            "check", "https://api.example.com/x", "--origin", "https://a.example");

    CheckCommand check = (CheckCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(check.url).isEqualTo("https://api.example.com/x");
    assertThat(check.origin).isEqualTo("https://a.example");
    assertThat(check.method).isEqualTo("GET");
    assertThat(check.headers).isEmpty();
    assertThat(check.credentials).isFalse();
    assertThat(check.json).isFalse();
  }

  @Test
  void check_everyOption_headersRepeatable() {
    ParseResult parsed =
        commandLine.parseArgs(
            "check",
            "--method",
            "PUT",
            "--header",
            "Content-Type: application/json",
            "--origin=https://a.example",
            "--header",
            "X-Token: a, b",
            "--credentials",
            "--json",
            "http://127.0.0.1:8080/items?page=2");

    CheckCommand check = (CheckCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(check.url).isEqualTo("http://127.0.0.1:8080/items?page=2");
    assertThat(check.method).isEqualTo("PUT");
    assertThat(check.headers).containsExactly("Content-Type: application/json", "X-Token: a, b");
    assertThat(check.credentials).isTrue();
    assertThat(check.json).isTrue();
  }

  @Test
  void check_requestNoPageCanMake_everyProblemOnItsOwnLine_2_nothingSent() {
    int code =
        commandLine.execute(
            "check",
            "ftp://api.example.com/",
            "--origin",
            "https://A.example/",
            "--method",
            "TRACE",
            "--header",
            "no colon",
            "--header",
            "X-Bad: a\nb");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "jcors check: URL `ftp://api.example.com/` must be an absolute http:// or https://"
                + " URL",
            "jcors check: origin `https://A.example/` is not how a browser writes an origin; write"
                + " `https://a.example` (lower case, no path or trailing slash, no default port)",
            "jcors check: method `TRACE` is forbidden: a page's fetch() cannot use CONNECT,"
                + " TRACE or TRACK",
            "jcors check: header `no colon` is not `Name: value` (for example `X-Token: abc`)",
            "jcors check: header `X-Bad` has a value with a line break, a NUL or a character"
                + " above U+00FF; fetch() rejects it");
    // A forbidden header such as Cookie is no such problem: browsers drop it and go on
    // (CheckBrowserTest).
  }

  @Test
  void demo_defaults() {
    ParseResult parsed = commandLine.parseArgs("demo");

    DemoCommand demo = (DemoCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(demo.apiPort).isEqualTo(3000);
    assertThat(demo.pagePort).isEqualTo(5500);
  }

  @Test
  void demo_ports() {
    ParseResult parsed = commandLine.parseArgs("demo", "--page-port=0", "--api-port", "8080");

    DemoCommand demo = (DemoCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(demo.apiPort).isEqualTo(8080);
    assertThat(demo.pagePort).isZero();
  }

  @Test
  void demo_samePortTwice_2_nothingStarted() {
    assertThat(commandLine.execute("demo", "--api-port", "4000", "--page-port", "4000"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "jcors demo: --api-port and --page-port are both 4000; the page must be on another"
                + " origin than the API"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void demo_notAPort_2() {
    assertThat(commandLine.execute("demo", "--api-port", "70000", "--page-port", "-1"))
        .isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "jcors demo: --api-port 70000 is not a port; use 0 to 65535",
            "jcors demo: --page-port -1 is not a port; use 0 to 65535");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(
            "serve_withoutConfig", List.of("serve"), "Missing required option: '--config=FILE'"),
        Arguments.of(
            "check_withoutOrigin",
            List.of("check", "https://api.example.com/"),
            "Missing required option: '--origin=ORIGIN'"),
        Arguments.of(
            "check_withoutUrl",
            List.of("check", "--origin", "https://a.example"),
            "Missing required parameter: 'URL'"),
        Arguments.of(
            "demo_unknownOption",
            List.of("demo", "--port", "3000"),
            "Unknown options: '--port', '3000'"),
        Arguments.of("unknownCommand", List.of("srve"), "Unmatched argument at index 0: 'srve'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageError2(String name, List<String> args, String error) {
    assertThat(commandLine.execute(args.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).startsWith(error);
  }

  @Test
  void noCommand_usageError2() {
    assertThat(commandLine.execute()).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing a command").contains("Usage: jcors");
  }

  @Test
  void version() {
    assertThat(commandLine.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("jcors ");
  }
}
