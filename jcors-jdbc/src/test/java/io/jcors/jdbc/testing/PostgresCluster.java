package io.jcors.jdbc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster from the locally installed Debian packages: initdb into a
 * temporary directory, started on a free loopback port with its socket in that directory. When the
 * JVM runs as root, the server runs as the {@code postgres} user, since PostgreSQL refuses root.
 */
public final class PostgresCluster implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /**
   * Creates and starts a cluster; skips the calling test when PostgreSQL is not installed, but
   * fails it in CI ({@code CI=true}), where {@code .ci/run} installs it.
   */
  public static PostgresCluster start() throws IOException {
    Path bin = findBin();
    if (bin == null) {
      String message =
          "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);"
              + " apt-get install postgresql";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (CI=true requires it)");
      }
      Assumptions.abort(message);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("jcors-pg");
    if (root) {
      run(List.of("chown", "postgres:", dir.toString()), dir);
    }
    PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root);
    cluster.pg(
        "initdb",
        "-D",
        cluster.data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "--no-sync",
        "-E",
        "UTF8");
    cluster.startServer();
    return cluster;
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public Sql sql() {
    return new Sql(url(), "postgres");
  }

  /** Stops the server, keeping its data. */
  public void stopServer() {
    pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
  }

  /** Starts the server (again) on the same port. */
  public void startServer() {
    pg(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-w",
        "-t",
        "60",
        "start");
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        stopServer();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void pg(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command, dir);
  }

  private static void run(List<String> command, Path dir) {
    try {
      Path log = Files.createTempFile("jcors-pg-command", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " exited with "
                  + process.exitValue()
                  + ":\n"
                  + Files.readString(log, StandardCharsets.UTF_8));
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(PostgresCluster::version))
          .orElse(null);
    }
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
