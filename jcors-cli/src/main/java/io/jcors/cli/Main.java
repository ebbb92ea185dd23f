package io.jcors.cli;

import io.jcors.check.PrintableText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jcors} command. Subcommands are listed in {@link Jcors}'s {@code subcommands}; a new
 * one is a class annotated with {@code @Command} that implements {@code Callable<Integer>} and
 * returns one of the exit codes below.
 *
 * <p>{@link #commandLine(PrintWriter, PrintWriter)} parses and runs arguments in-process, without
 * touching the network until a command runs.
 */
public final class Main {
  /** The command did what was asked and found nothing at warning level or above. */
  public static final int OK = 0;

  /** {@code lint} found warnings (and no errors); {@code check}: the browser blocks the request. */
  public static final int WARNINGS = 1;

  /**
   * Usage error, unreadable or invalid config, a port in use, a server {@code check} cannot reach
   * or that does not answer within its {@code --timeout}: nothing was done. picocli uses 2 for
   * usage errors too.
   */
  public static final int ERRORS = 2;

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // The JDK HTTP server writes headers and body in separate packets; without TCP_NODELAY each
    // response with a body waits ~40 ms for the client's delayed ACK (docs/performance.md).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The command line, writing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Jcors());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // Every expected failure is handled by the commands; this is the net for the rest, so
          // that users get one line instead of a stack trace.
          cmd.getErr().println(PrintableText.escape("jcors " + cmd.getCommandName() + ": " + e));
          return ERRORS;
        });
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          // picocli's own handler prints the message as is, and it quotes the argument: an ESC or
          // CSI in it would reach the terminal (docs/security.md). Same output, escaped.
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(PrintableText.escape(e.getMessage()));
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
            cmd.usage(cmd.getErr());
          }
          return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
    return commandLine;
  }

  /** The top-level command: shows usage when no subcommand is given. */
  @Command(
      name = "jcors",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description =
          "CORS for Java: the demo, what a browser decides for a request (check), a mock API"
              + " behind a CORS policy (serve), and a linter for config files (lint).",
      subcommands = {
        DemoCommand.class,
        CheckCommand.class,
        ServeCommand.class,
        LintCommand.class,
        CommandLine.HelpCommand.class
      },
      footer = {
        "",
        "Exit codes: 0 ok (check: allowed); 1 lint found warnings, check: blocked; 2 errors"
            + " (usage, unreadable or invalid config, port in use, server unreachable or too"
            + " slow for check's --timeout).",
        "Docs: docs/cli.md"
      })
  static final class Jcors implements Runnable {
    @Spec CommandSpec spec;

    /** Needed by picocli. */
    Jcors() {}

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    /** Needed by picocli. */
    Version() {}

    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"jcors " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
