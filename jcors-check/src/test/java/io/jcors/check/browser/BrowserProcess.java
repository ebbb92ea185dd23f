package io.jcors.check.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A browser (or display server) process started by a test: its output goes to a log file in its own
 * temporary directory, and {@link #close()} stops it with every process it started, then deletes
 * the directory.
 */
final class BrowserProcess implements AutoCloseable {
  private final Process process;
  private final Path directory;
  private final Path log;

  private BrowserProcess(Process process, Path directory, Path log) {
    this.process = process;
    this.directory = directory;
    this.log = log;
  }

  /** Starts {@code command} with the extra {@code environment}, logging to {@code directory}. */
  static BrowserProcess start(
      List<String> command, Map<String, String> environment, Path directory, String logName)
      throws IOException {
    Path log = directory.resolve(logName);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new BrowserProcess(builder.start(), directory, log);
  }

  /** Everything the process has written so far. */
  String output() {
    try {
      return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until {@code find} returns a value for the output so far, and returns it.
   *
   * @throws IOException when the process exits first or {@code timeout} passes
   */
  <T> T awaitOutput(Function<String, T> find, Duration timeout, String what)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T found = find.apply(output());
      if (found != null) {
        return found;
      }
      if (!process.isAlive()) {
        throw new IOException(
            what + ": the process exited with " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(50);
    }
    throw new IOException(what + ": nothing after " + timeout.toSeconds() + " s:\n" + output());
  }

  /** Waits up to {@code timeout} for the process to exit by itself. */
  void awaitExit(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A command sent to the browser over its remote protocol. */
  @FunctionalInterface
  interface Command {
    void send() throws IOException;
  }

  /**
   * Stops a browser driven over {@code socket}: sends {@code closeBrowser}, drops the socket, gives
   * the browser 5 s to exit by itself, then {@link #close() closes} this process.
   */
  void closeBrowser(Command closeBrowser, JsonRpcSocket socket) {
    try {
      closeBrowser.send();
    } catch (IOException e) {
      // The browser may close the socket before answering; it is stopped below either way.
    }
    socket.abort();
    awaitExit(Duration.ofSeconds(5));
    close();
  }

  /** Stops the process and its descendants and deletes the directory. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    deleteRecursively(directory);
  }

  /** The first of {@code candidates} that is an executable file ({@code $variable} first). */
  static Optional<Path> executable(String variable, String... candidates) {
    String configured = System.getenv(variable);
    Stream<String> paths =
        configured != null && !configured.isBlank() ? Stream.of(configured) : Stream.of(candidates);
    return paths.map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /**
   * Skips the calling test (JUnit assumption) with {@code message}; with {@code CI=true} fails it
   * instead, so that CI never skips a browser engine silently.
   */
  static void missing(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: browser tests must run)");
    }
    assumeTrue(false, message + "; its browser tests are skipped");
  }

  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
