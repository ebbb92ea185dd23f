package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.PostgresCluster;
import io.jcors.jdbc.testing.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors serve} with {@code "origin": {"jdbc": ...}}, run from the jar: two processes share
 * one database, as the instances of an API do, and agree on its list of origins. The lists refresh
 * every second (the shortest a config allows); every wait polls with a deadline.
 */
public class ServeJdbcIT {
  private static final String APP = "https://app.example.com";
  private static final String NEW = "https://new.example.com";
  private static final String QUERY = "SELECT origin FROM cors_origins";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServeJdbcIT() {}

  /** The Access-Control-Allow-Origin a server sends to a GET from {@code origin}, if any. */
  static Optional<String> allowOrigin(JcorsProcess.Server server, String origin) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.url + "/api/items"))
                  .header("Origin", origin)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
      return response.headers().firstValue("Access-Control-Allow-Origin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static boolean allows(JcorsProcess.Server server, String origin) {
    return allowOrigin(server, origin).filter(origin::equals).isPresent();
  }

  static boolean bothAllow(List<JcorsProcess.Server> servers, String origin) {
    return servers.stream().allMatch(s -> allows(s, origin));
  }

  static boolean bothRefuse(List<JcorsProcess.Server> servers, String origin) {
    return servers.stream().allMatch(s -> allowOrigin(s, origin).isEmpty());
  }

  static String errorOutput(JcorsProcess.Server server) {
    try {
      return server.errorOutput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A config file in {@code dir}: one route, origins from {@code jdbc}, with credentials. */
  static Path config(Path dir, String jdbc) throws IOException {
    return Files.writeString(
        dir.resolve("cors.json"),
        "{\"origin\": {\"jdbc\": " + jdbc + "},\n \"credentials\": true}\n",
        StandardCharsets.UTF_8);
  }

  /** Two servers on one config, each stopped with SIGTERM after the test. */
  abstract static class TwoServers {
    final List<JcorsProcess.Server> servers = new ArrayList<>();

    void start(Path config) throws IOException {
      servers.add(JcorsProcess.Server.start(config));
      servers.add(JcorsProcess.Server.start(config));
    }

    @AfterEach
    void stopServers() throws Exception {
      for (JcorsProcess.Server server : servers) {
        try {
          JcorsProcess.Result stopped = server.stop();
          assertThat(stopped.exitCode()).as("exit status on SIGTERM").isEqualTo(143);
          assertThat(stopped.err()).endsWith("jcors serve: stopped" + System.lineSeparator());
        } finally {
          server.close();
        }
      }
      servers.clear();
    }
  }

  @Nested
  class Sqlite extends TwoServers {
    @TempDir Path dir;
    Sql sql;

    Sqlite() {}

    @BeforeEach
    void database() {
      // The config names it relative to its own directory, where serve runs in these tests.
      sql = new Sql("jdbc:sqlite:" + dir.resolve("origins.db"), null);
    }

    private Path sqliteConfig() throws IOException {
      return config(
          dir,
          "{\"url\": \"jdbc:sqlite:origins.db\", \"query\": \""
              + QUERY
              + "\", \"refreshSeconds\": 1}");
    }

    @Test
    void twoServers_oneFile_agreeOnInsertsAndDeletes() throws Exception {
      sql.run("CREATE TABLE cors_origins (origin TEXT PRIMARY KEY)");
      sql.insert(APP);
      start(sqliteConfig());
      assertThat(bothAllow(servers, APP)).isTrue();
      assertThat(bothRefuse(servers, NEW)).isTrue();

      sql.insert(NEW);
      Eventually.await("both servers allow the inserted origin", () -> bothAllow(servers, NEW));

      sql.delete(APP);
      Eventually.await("both servers refuse the deleted origin", () -> bothRefuse(servers, APP));
      assertThat(bothAllow(servers, NEW)).isTrue();
    }

    @Test
    void noTableYet_refusesEveryOrigin_thenServesTheListOnceItLoads() throws Exception {
      start(sqliteConfig());
      assertThat(bothRefuse(servers, APP)).isTrue();
      Eventually.await(
          "both servers log why they refuse every origin",
          () ->
              servers.stream()
                  .allMatch(
                      s ->
                          errorOutput(s)
                              .contains(
                                  "jcors: refusing every origin: the allowed origins could not"
                                      + " be loaded from \"jdbc:sqlite:origins.db\" yet")));

      sql.run("CREATE TABLE cors_origins (origin TEXT PRIMARY KEY)");
      sql.insert(APP);
      Eventually.await("both servers allow the first loaded origin", () -> bothAllow(servers, APP));
    }
  }

  /** A throwaway cluster from the local Debian packages: skipped when absent, failed in CI. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Postgres extends TwoServers {
    @TempDir Path dir;
    PostgresCluster cluster;

    Postgres() {}

    @BeforeAll
    void startCluster() throws IOException {
      cluster = PostgresCluster.start();
    }

    @AfterAll
    void stopCluster() throws IOException {
      if (cluster != null) {
        cluster.close();
      }
    }

    @BeforeEach
    void table() {
      cluster.sql().recreateOriginTable(APP);
    }

    @Test
    void twoServers_agreeOnInsertsDeletes_keepTheListWhileTheDatabaseIsDown_andRecover()
        throws Exception {
      start(
          config(
              dir,
              "{\"url\": \""
                  + cluster.url()
                  + "\", \"user\": \"postgres\", \"password\": \"unused-with-trust\","
                  + " \"query\": \""
                  + QUERY
                  + "\", \"refreshSeconds\": 1}"));
      assertThat(bothAllow(servers, APP)).isTrue();
      assertThat(bothRefuse(servers, NEW)).isTrue();

      Sql sql = cluster.sql();
      sql.insert(NEW);
      Eventually.await("both servers allow the inserted origin", () -> bothAllow(servers, NEW));

      sql.delete(APP);
      Eventually.await("both servers refuse the deleted origin", () -> bothRefuse(servers, APP));

      cluster.stopServer();
      try {
        Eventually.await(
            "both servers log a failed refresh",
            () ->
                servers.stream()
                    .allMatch(
                        s ->
                            errorOutput(s)
                                .contains("jcors: could not refresh the allowed origins from")));
        assertThat(bothAllow(servers, NEW))
            .as("the last good list, while the database is down")
            .isTrue();
        assertThat(bothRefuse(servers, APP)).isTrue();
      } finally {
        cluster.startServer();
      }

      sql.insert("https://after-restart.example.com");
      Eventually.await(
          "both servers pick up the restarted database",
          () -> bothAllow(servers, "https://after-restart.example.com"));
      assertThat(bothAllow(servers, NEW)).isTrue();
      assertThat(errorOutput(servers.get(0))).doesNotContain("unused-with-trust");
    }
  }
}
