package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsConfig;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.PostgresCluster;
import io.jcors.jdbc.testing.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two API servers sharing one PostgreSQL database, as many instances of an API do: a throwaway
 * cluster from the local Debian packages (skipped when absent, failed in CI).
 */
class JdbcOriginsPostgresTest {
  private static final Duration REFRESH = Duration.ofMillis(200);
  private static PostgresCluster cluster;

  private final OpenedResources resources = new OpenedResources();

  /** A test class needs an explicit constructor under -Xlint:all. */
  JdbcOriginsPostgresTest() {}

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void table() {
    cluster.sql().recreateOriginTable("https://app.example.com");
  }

  @AfterEach
  void stop() throws Exception {
    resources.closeAll();
  }

  private JdbcOrigins origins() {
    JdbcOrigins origins =
        JdbcOrigins.builder(cluster.url(), "postgres", "unused-with-trust")
            .query("SELECT origin FROM cors_origins")
            .refreshInterval(REFRESH)
            .start();
    resources.add(origins);
    return origins;
  }

  private ApiServer server(CorsPolicy policy) {
    return resources.add(new ApiServer(policy));
  }

  @Test
  void twoServers_agreeOnInsertsDeletes_keepTheListWhileTheDatabaseIsDown_andRecover() {
    JdbcOrigins originsA = origins();
    JdbcOrigins originsB = origins();
    ApiServer a = server(CorsPolicy.of(CorsOptions.builder().origin(originsA).build()));
    ApiServer b = server(CorsPolicy.of(CorsOptions.builder().origin(originsB).build()));
    assertThat(a.allows("https://app.example.com")).isTrue();
    assertThat(b.allows("https://app.example.com")).isTrue();
    assertThat(a.allows("https://new.example.com")).isFalse();

    Sql sql = cluster.sql();
    sql.insert("https://new.example.com");
    ApiServer.awaitBothAllow(a, b, "https://new.example.com");

    sql.delete("https://app.example.com");
    ApiServer.awaitBothRefuse(a, b, "https://app.example.com");

    cluster.stopServer();
    try {
      Eventually.await(
          "both lists report the failed refresh",
          () -> originsA.lastError().isPresent() && originsB.lastError().isPresent());
      assertThat(a.allows("https://new.example.com")).isTrue();
      assertThat(b.allows("https://new.example.com")).isTrue();
      assertThat(a.allows("https://app.example.com")).isFalse();
      assertThat(originsA.lastLoadSize()).isEqualTo(1);
      assertThat(originsB.lastLoadSize()).isEqualTo(1);
    } finally {
      cluster.startServer();
    }

    sql.insert("https://after-restart.example.com");
    Eventually.await(
        "both servers pick up the restarted database",
        () ->
            a.allows("https://after-restart.example.com")
                && b.allows("https://after-restart.example.com"));
    Eventually.await(
        "both lists are healthy again",
        () -> originsA.lastError().isEmpty() && originsB.lastError().isEmpty());
    assertThat(a.allows("https://new.example.com")).isTrue();
  }

  /**
   * The statements of the trigger snippet of docs/origins-from-a-database.md, which sends the
   * notification: the test runs what the page shows.
   */
  static List<String> triggerSnippet() throws IOException {
    String doc =
        Files.readString(
            Path.of("..", "docs", "origins-from-a-database.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```sql\nCREATE OR REPLACE FUNCTION cors_origins_notify()");
    assertThat(start).as("the trigger snippet of the doc").isNotNegative();
    String snippet = doc.substring(start + "```sql\n".length(), doc.indexOf("```", start + 6));
    List<String> statements = new ArrayList<>();
    for (String statement : snippet.split(";\n\n")) {
      statements.add(statement.strip().replaceAll(";$", ""));
    }
    return statements;
  }

  private JdbcOrigins listening() {
    JdbcOrigins origins =
        JdbcOrigins.builder(cluster.url(), "postgres", "unused-with-trust")
            .query("SELECT origin FROM cors_origins")
            .refreshInterval(Duration.ofHours(1)) // no poll during the test: only the push
            .retryDelay(Duration.ofMillis(200), Duration.ofSeconds(1))
            .listen("cors_origins_changed")
            .start();
    resources.add(origins);
    return origins;
  }

  /**
   * With an hourly poll, a change reaches both servers only through the notification of the
   * trigger; after a restart of the database the listeners reconnect, refresh once, and hear the
   * next notification.
   */
  @Test
  void listen_twoServersApplyInsertsAndDeletesAtOnce_andListenAgainAfterARestart()
      throws IOException {
    Sql sql = cluster.sql();
    List<String> trigger = triggerSnippet();
    assertThat(trigger).hasSize(2);
    trigger.forEach(sql::run);
    JdbcOrigins originsA = listening();
    JdbcOrigins originsB = listening();
    ApiServer a = server(CorsPolicy.of(CorsOptions.builder().origin(originsA).build()));
    ApiServer b = server(CorsPolicy.of(CorsOptions.builder().origin(originsB).build()));
    assertThat(a.allows("https://app.example.com")).isTrue();

    sql.insert("https://new.example.com");
    ApiServer.awaitBothAllow(a, b, "https://new.example.com");
    sql.delete("https://app.example.com");
    ApiServer.awaitBothRefuse(a, b, "https://app.example.com");

    var loadedA = originsA.lastLoadTime().orElseThrow();
    var loadedB = originsB.lastLoadTime().orElseThrow();
    cluster.stopServer();
    cluster.startServer();
    Eventually.await(
        "both listeners reconnect and refresh",
        () ->
            !originsA.lastLoadTime().orElseThrow().equals(loadedA)
                && !originsB.lastLoadTime().orElseThrow().equals(loadedB));
    sql.insert("https://after-restart.example.com");
    Eventually.await(
        "both servers hear the notification after the restart",
        () ->
            a.allows("https://after-restart.example.com")
                && b.allows("https://after-restart.example.com"));
    assertThat(a.allows("https://new.example.com")).isTrue();
  }

  @Test
  void firstLoadFails_refusesEveryOrigin_untilTheTableExists() {
    cluster.sql().run("DROP TABLE cors_origins");
    JdbcOrigins origins = origins();
    ApiServer a = server(CorsPolicy.of(CorsOptions.builder().origin(origins).build()));
    assertThat(origins.lastError().orElseThrow()).hasMessageContaining("cors_origins");
    assertThat(a.allows("https://app.example.com")).isFalse();

    table();
    Eventually.await("the list is loaded", () -> a.allows("https://app.example.com"));
  }

  @Test
  void configFile_jdbcOrigin_servesTheDatabaseList() {
    JdbcOriginSource jdbc = new JdbcOriginSource();
    resources.add(jdbc);
    Map<String, Object> tree =
        Map.of(
            "origin",
            Map.of(
                "jdbc",
                Map.of(
                    "url",
                    cluster.url(),
                    "user",
                    "postgres",
                    "query",
                    "SELECT origin FROM cors_origins",
                    "refreshSeconds",
                    1)), // the shortest a config file allows
            "credentials",
            true);
    ApiServer a = server(CorsConfig.read(tree, Map.of("jdbc", jdbc)).policy());
    ApiServer b = server(CorsConfig.read(tree, Map.of("jdbc", jdbc)).policy());
    assertThat(jdbc.started()).hasSize(2);
    assertThat(
            a.get("https://app.example.com")
                .headers()
                .firstValue("Access-Control-Allow-Credentials"))
        .hasValue("true");
    cluster.sql().insert("https://new.example.com");
    ApiServer.awaitBothAllow(a, b, "https://new.example.com");
  }
}
