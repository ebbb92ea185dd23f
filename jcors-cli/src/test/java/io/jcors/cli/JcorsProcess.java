package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real jar ({@code target/jcors.jar}, built in {@code package}) run as a process. */
final class JcorsProcess {
  /** What a finished run printed and returned. */
  record Result(int exitCode, String out, String err) {
    /**
     * The error output of a run refused before it did anything: exit code 2 and nothing on standard
     * output are checked here, the message is the caller's to check.
     */
    String exit2Stderr() {
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
      assertThat(out).as("stdout").isEmpty();
      return err;
    }
  }

  private JcorsProcess() {}

  static Path jar() {
    String jar = System.getProperty("jcors.jar");
    assertThat(jar).as("system property jcors.jar (set by failsafe)").isNotNull();
    assertThat(Path.of(jar)).exists();
    return Path.of(jar);
  }

  static ProcessBuilder builder(Path workingDirectory, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(workingDirectory.toFile());
  }

  /** Runs to completion (a minute at most) and returns what it printed. */
  static Result run(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("jcors-out", ".txt");
    Path err = Files.createTempFile("jcors-err", ".txt");
    try {
      Process process =
          builder(workingDirectory, args)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("jcors " + String.join(" ", args) + " did not finish");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** A running {@code jcors serve}: its URL, and the rest of its error output when stopped. */
  static final class Server implements AutoCloseable {
    final Process process;
    final String url;
    private final Path err;

    private Server(Process process, String url, Path err) {
      this.process = process;
      this.url = url;
      this.err = err;
    }

    /** Starts {@code jcors serve --port 0 --config config} and waits for its listening line. */
    static Server start(Path config) throws IOException {
      return start(config, new String[0]);
    }

    /** The same, with more arguments such as {@code --request-timeout 2}. */
    static Server start(Path config, String... more) throws IOException {
      Path err = Files.createTempFile("jcors-serve-err", ".txt");
      List<String> args =
          new ArrayList<>(
              List.of("serve", "--config", config.getFileName().toString(), "--port", "0"));
      args.addAll(List.of(more));
      Process process =
          builder(config.getParent(), args.toArray(new String[0]))
              .redirectError(err.toFile())
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine(); // the first line, or null when the process ends first
      if (line == null || !line.startsWith("listening on http://127.0.0.1:")) {
        process.destroyForcibly();
        throw new AssertionError(
            "serve did not start: " + line + " / " + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Server(process, line.substring("listening on ".length()), err);
    }

    /** What the server has written to stderr so far. */
    String errorOutput() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Sends SIGTERM, waits for the end, and returns the exit code and error output. */
    Result stop() throws IOException, InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("serve did not stop on SIGTERM");
      }
      return new Result(process.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(err);
    }
  }
}
