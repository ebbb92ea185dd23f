package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsConfig;
import io.jcors.CorsProblem;
import io.jcors.jdbc.testing.Sql;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcOriginSourceTest {
  @TempDir Path dir;

  private final JdbcOriginSource jdbc = new JdbcOriginSource();

  @AfterEach
  void stop() {
    jdbc.close();
  }

  private String url() {
    return "jdbc:sqlite:" + dir.resolve("cors.db");
  }

  private static Map<String, Object> settings(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String problem(Map<String, Object> settings) {
    return assertThatThrownBy(() -> JdbcOriginSource.validate(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .actual()
        .getMessage();
  }

  @Test
  void unknownSetting_suggestsTheNearestName() {
    assertThat(problem(settings("url", url(), "query", "SELECT 1", "usr", "app")))
        .isEqualTo("has the unknown setting \"usr\"; did you mean \"user\"?");
    assertThat(problem(settings("url", url(), "query", "SELECT 1", "refresh", 3)))
        .isEqualTo(
            "has the unknown setting \"refresh\"; the settings are password, query,"
                + " refreshSeconds, url, user");
  }

  @Test
  void missingUrlAndQuery_areBothReported() {
    assertThat(problem(settings()))
        .isEqualTo(
            "has no \"url\"; write the JDBC URL of the database, e.g. \"jdbc:sqlite:cors.db\" or"
                + " \"jdbc:postgresql://db.internal:5432/app\"; has no \"query\"; write the SELECT"
                + " whose first column lists the origins, e.g. \"SELECT origin FROM cors_origins\"");
  }

  @Test
  void urlWithoutDriver_namesTheInstalledDrivers() {
    assertThat(
            problem(settings("url", "jdbc:nosuchdb://h/db?password=secret", "query", "SELECT 1")))
        .startsWith(
            "has the url \"jdbc:nosuchdb://h/db\", for which no JDBC driver is installed; the"
                + " installed drivers are: ")
        .contains("org.postgresql.Driver", "org.sqlite.JDBC")
        .doesNotContain("secret");
    assertThat(problem(settings("url", "postgres://h/db", "query", "SELECT 1")))
        .isEqualTo(
            "has the url \"postgres://h/db\", which is not a JDBC URL; write \"jdbc:<driver>:...\"");
  }

  @Test
  void refreshSeconds_mustBeANumberAboveZero() {
    assertThat(problem(settings("url", url(), "query", "SELECT 1", "refreshSeconds", 0)))
        .isEqualTo(
            "has refreshSeconds 0, which is not above 0; write a number of seconds above 0, e.g. 30");
    assertThat(problem(settings("url", url(), "query", "SELECT 1", "refreshSeconds", -5)))
        .isEqualTo(
            "has refreshSeconds -5, which is not above 0; write a number of seconds above 0, e.g. 30");
    assertThat(problem(settings("url", url(), "query", "SELECT 1", "refreshSeconds", "30")))
        .isEqualTo(
            "has refreshSeconds \"30\", which is not a number; write a number of seconds above 0, e.g. 30");
  }

  @Test
  void wrongTypes_areReported_withoutShowingThePassword() {
    assertThat(problem(settings("url", url(), "query", 42, "password", 1234)))
        .isEqualTo(
            "has \"password\": that is not a string, which is not a non-empty string; write it in"
                + " quotes; has \"query\": 42, which is not a non-empty string; write it in quotes");
  }

  @Test
  void configFile_wrongSettings_becomeAProblemAtOriginJdbc() {
    CorsConfig config =
        CorsConfig.read(
            Map.of("origin", Map.of("jdbc", settings("url", url(), "qurey", "SELECT 1"))),
            Map.of("jdbc", jdbc));
    assertThat(config.hasErrors()).isTrue();
    assertThat(config.problems()).extracting(CorsProblem::option).containsExactly("origin.jdbc");
    assertThat(config.problems().get(0).reason())
        .isEqualTo(
            "has the unknown setting \"qurey\"; did you mean \"query\"?; has no \"query\"; write"
                + " the SELECT whose first column lists the origins, e.g. \"SELECT origin FROM"
                + " cors_origins\"");
    assertThat(jdbc.started()).isEmpty();
  }

  @Test
  void configFile_goodSettings_startAList_closedWithTheSource() {
    new Sql(url(), null).run("CREATE TABLE cors_origins (origin TEXT)");
    new Sql(url(), null).insert("https://app.example.com");
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "origin",
                Map.of(
                    "jdbc",
                    settings(
                        "url",
                        url(),
                        "query",
                        "SELECT origin FROM cors_origins",
                        "refreshSeconds",
                        30))),
            Map.of("jdbc", jdbc));
    assertThat(config.problems()).isEmpty();
    List<JdbcOrigins> started = jdbc.started();
    assertThat(started).hasSize(1);
    assertThat(started.get(0).lastLoadSize()).isEqualTo(1);
    assertThat(started.get(0).origins().allows("https://app.example.com")).isTrue();
  }
}
