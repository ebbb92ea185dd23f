package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
  void serve_withoutConfig_usageError2() {
    assertThat(commandLine.execute("serve")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required option: '--config=FILE'");
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
  void noCommand_usageError2() {
    assertThat(commandLine.execute()).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing a command").contains("Usage: jcors");
  }

  @Test
  void unknownCommand_usageError2() {
    assertThat(commandLine.execute("srve")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'srve'");
  }

  @Test
  void version() {
    assertThat(commandLine.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("jcors ");
  }
}
