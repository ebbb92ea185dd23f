package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.jdbc.testing.Sql;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

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

  /** The settings of a source on {@link #url()} with this query. */
  private Map<String, Object> withQuery(String query) {
    return settings("url", url(), "query", query);
  }

  /** The settings of a valid source ({@link #url()}, {@code SELECT 1}) and {@code more}. */
  private Map<String, Object> withSelect1(Object... more) {
    Map<String, Object> map = withQuery("SELECT 1");
    map.putAll(settings(more));
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
    assertThat(problem(withSelect1("usr", "app")))
        .isEqualTo("has the unknown setting \"usr\"; did you mean \"user\"?");
    assertThat(problem(withSelect1("refresh", 3)))
        .isEqualTo(
            "has the unknown setting \"refresh\"; the settings are fetchSize, fullReloadEvery,"
                + " listen, maxBytes, maxRows, password, query, queryTimeoutSeconds,"
                + " refreshSeconds, staleAfterRefreshes, url, user, versionQuery");
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
  void refreshSeconds_mustBeANumberOfAtLeastOne() {
    assertThat(problem(withSelect1("refreshSeconds", 0)))
        .isEqualTo("has refreshSeconds 0, which is below 1; write a number of at least 1, e.g. 30");
    assertThat(problem(withSelect1("refreshSeconds", 0.2)))
        .isEqualTo(
            "has refreshSeconds 0.2, which is below 1; write a number of at least 1, e.g. 30");
    assertThat(problem(withSelect1("refreshSeconds", -5)))
        .isEqualTo(
            "has refreshSeconds -5, which is below 1; write a number of at least 1, e.g. 30");
    assertThat(problem(withSelect1("refreshSeconds", "30")))
        .isEqualTo(
            "has refreshSeconds \"30\", which is not a number; write a number of at least 1, e.g."
                + " 30");
    JdbcOriginSource.validate(withSelect1("refreshSeconds", 1.5));
  }

  @Test
  void boundsAndTimeouts_areWholeNumbersOfAtLeastOne() {
    assertThat(
            problem(
                withSelect1(
                    "maxRows",
                    0,
                    "maxBytes",
                    1.5,
                    "queryTimeoutSeconds",
                    0,
                    "fetchSize",
                    0,
                    "staleAfterRefreshes",
                    true)))
        .isEqualTo(
            "has queryTimeoutSeconds 0, which is below 1; write a number of at least 1, e.g. 10;"
                + " has maxRows 0, which is below 1; write a whole number of at least 1, e.g."
                + " 100000; has maxBytes 1.5, which is not whole; write a whole number of at least"
                + " 1, e.g. 16777216; has fetchSize 0, which is below 1; write a whole number of at"
                + " least 1, e.g. 10000; has staleAfterRefreshes true, which is not a number; write a"
                + " whole number of at least 1, e.g. 3");
    JdbcOriginSource.validate(
        withSelect1(
            "maxRows",
            10,
            "maxBytes",
            1000,
            "queryTimeoutSeconds",
            2.5,
            "fetchSize",
            500,
            "staleAfterRefreshes",
            5));
  }

  @Test
  void listen_onADatabaseThatCannotListen_isAConfigError() {
    assertThat(problem(withSelect1("listen", "cors_origins_changed")))
        .isEqualTo(
            "has listen \"cors_origins_changed\", but only PostgreSQL can LISTEN and the url is"
                + " not jdbc:postgresql:...; remove listen (the list is still polled every"
                + " refreshSeconds)");
    assertThat(problem(withSelect1("listen", "Changed; DROP")))
        .startsWith("has listen \"Changed; DROP\", which is not a channel name");
  }

  @Test
  void versionQuery_mustBeOneSelect_andFullReloadEveryAWholeNumber() {
    assertThat(problem(withSelect1("versionQuery", "UPDATE v SET n = 1", "fullReloadEvery", 0)))
        .startsWith("has the versionQuery \"UPDATE v SET n = 1\", which starts with UPDATE")
        .endsWith(
            "has fullReloadEvery 0, which is below 1; write a whole number of at least 1, e.g. 10");
  }

  @Test
  void listen_onADataSourceThatIsNotPostgres_isRefusedAtStart() {
    JdbcOrigins.Builder builder =
        JdbcOrigins.builder(url(), null, null).query("SELECT 1").listen("cors_origins_changed");
    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "listen needs PostgreSQL (LISTEN/NOTIFY), but the database is SQLite, which cannot"
                + " listen: remove listen (the list is still polled every refreshInterval)");
  }

  @Test
  void builderBounds_belowOne_areRefused_namingTheSettingAndTheValue() {
    JdbcOrigins.Builder builder = JdbcOrigins.builder(url(), null, null);
    assertThatThrownBy(() -> builder.maxRows(0)).hasMessage("maxRows must be at least 1, not 0");
    assertThatThrownBy(() -> builder.maxBytes(-1))
        .hasMessage("maxBytes must be at least 1, not -1");
    assertThatThrownBy(() -> builder.fetchSize(0))
        .hasMessage("fetchSize must be at least 1, not 0");
    assertThatThrownBy(() -> builder.fullReloadEvery(0))
        .hasMessage("fullReloadEvery must be at least 1, not 0");
    assertThatThrownBy(() -> builder.staleAfterRefreshes(0))
        .hasMessage("staleAfterRefreshes must be at least 1, not 0");
    builder.maxRows(1).maxBytes(1).fetchSize(1).fullReloadEvery(1).staleAfterRefreshes(1);
  }

  @Test
  void query_mustBeOneSelect() {
    assertThat(problem(withQuery("DELETE FROM cors_origins")))
        .isEqualTo(
            "has the query \"DELETE FROM cors_origins\", which starts with DELETE, which is not a"
                + " SELECT; write the SELECT whose first column lists the origins, e.g. \"SELECT"
                + " origin FROM cors_origins\"");
    assertThat(problem(withQuery("SELECT origin FROM t; DROP TABLE t")))
        .isEqualTo(
            "has the query \"SELECT origin FROM t; DROP TABLE t\", which has a second statement"
                + " after ';'; write one SELECT");
    assertThat(
            problem(
                withQuery("WITH gone AS (DELETE FROM t RETURNING origin) SELECT origin FROM gone")))
        .contains("which contains DELETE, which writes, locks or loads code");
    assertThat(problem(withQuery("SELECT origin INTO copy FROM t")))
        .contains("which contains INTO");
    assertThat(problem(withQuery("SELECT load_extension('/tmp/x.so')")))
        .contains("which contains LOAD_EXTENSION");
    assertThat(problem(withQuery("-- only a comment"))).contains("which has no statement");
    for (String good :
        List.of(
            "SELECT origin FROM cors_origins",
            "  select origin from cors_origins;  ",
            "WITH o AS (SELECT origin FROM t) SELECT origin FROM o",
            "SELECT origin FROM t WHERE note <> 'a;b' AND \"delete\" = 0 -- ; DROP\n",
            "/* why; */ SELECT created_at, origin FROM t WHERE updated_by IS NULL",
            "SELECT $$;$$ || origin FROM t")) {
      JdbcOriginSource.validate(withQuery(good));
    }
  }

  @Test
  void urlOptionsThatLoadCode_areRefused_withoutRepeatingTheUrl() {
    assertThat(
            problem(
                settings(
                    "url",
                    url() + "?enable_load_extension=true&password=secret",
                    "query",
                    "SELECT 1")))
        .isEqualTo(
            "has the url option \"enable_load_extension\", which lets SQL load a native library"
                + " into the server (SELECT load_extension(...)); remove it from the url")
        .doesNotContain("secret");
    assertThat(
            problem(
                settings(
                    "url",
                    "jdbc:postgresql://db/app?sslmode=verify-full&socketFactory=x.Evil"
                        + "&socketFactoryArg=a&sslfactory=x&sslhostnameverifier=x"
                        + "&sslpasswordcallback=x&authenticationPluginClassName=x&loggerFile=x"
                        + "&SSLFACTORYARG=x&connectExecutor=x&xmlFactoryFactory=x",
                    "query",
                    "SELECT 1")))
        .contains(
            "has the url option \"socketFactory\", which makes the driver load and run a class"
                + " named in the config; remove it from the url (TLS is set with sslmode and"
                + " sslrootcert, which load no code)",
            "\"socketFactoryArg\"",
            "\"sslfactory\"",
            "\"sslhostnameverifier\"",
            "\"sslpasswordcallback\"",
            "\"authenticationPluginClassName\"",
            "\"loggerFile\", which makes the driver write a file named in the config",
            "\"SSLFACTORYARG\"",
            "\"connectExecutor\"",
            "\"xmlFactoryFactory\"")
        .doesNotContain("sslmode\"");
    JdbcOriginSource.validate(
        settings(
            "url",
            "jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            "query",
            "SELECT 1"));
  }

  @Test
  void configFile_theRouteCredentialsAndStrict_reachTheList() {
    new Sql(url(), null).createOriginTable("https://app.example.com", "http://plain.example");
    Map<String, Object> source = Map.of("jdbc", withQuery("SELECT origin FROM cors_origins"));
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "routes",
                List.of(
                    Map.of(
                        "path",
                        "/api/**",
                        "cors",
                        Map.of("origin", source, "credentials", true, "strict", true)),
                    Map.of("path", "/public/**", "cors", Map.of("origin", source)))),
            Map.of("jdbc", jdbc));
    assertThat(config.problems()).isEmpty();
    List<JdbcOrigins> started = jdbc.started();
    assertThat(started).hasSize(2);
    assertThat(started.get(0).checksCredentials()).isTrue();
    assertThat(started.get(0).checksStrict()).isTrue();
    assertThat(started.get(0).lastLoadSkipped()).containsExactly("http://plain.example");
    assertThat(started.get(1).checksCredentials()).isFalse();
    assertThat(started.get(1).lastLoadSkipped()).isEmpty();
  }

  @Test
  void dataSource_readWhenTheSettingsNameNoUrl() {
    new Sql(url(), null).createOriginTable("https://app.example.com");
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url());
    try (JdbcOriginSource jdbc = new JdbcOriginSource(dataSource)) {
      Map<String, Object> tree =
          Map.of("origin", Map.of("jdbc", Map.of("query", "SELECT origin FROM cors_origins")));
      CorsPolicy policy = CorsConfig.read(tree, Map.of("jdbc", jdbc)).policy();
      serve(policy); // until the server stops; closing the source stops its refresh threads
    }
    assertThat(served).isNotNull();
  }

  private CorsPolicy served;

  /** What the example's server does with the policy: the list it started reads the DataSource. */
  private void serve(CorsPolicy policy) {
    served = policy;
    JdbcOrigins list = (JdbcOrigins) policy.routes().get(0).options().origin();
    assertThat(list.origins().allows("https://app.example.com")).isTrue();
    assertThat(list.toString()).contains("SQLiteDataSource");
  }

  @Test
  void dataSource_userWithoutUrl_isAProblem() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url());
    try (JdbcOriginSource jdbc = new JdbcOriginSource(dataSource)) {
      CorsConfig config =
          CorsConfig.read(
              Map.of(
                  "origin",
                  Map.of("jdbc", settings("query", "SELECT origin FROM t", "user", "app"))),
              Map.of("jdbc", jdbc));
      assertThat(config.problems().get(0).reason())
          .isEqualTo(
              "has \"user\" without \"url\"; the application's DataSource is read with its own"
                  + " credentials: remove it, or add the url it goes with");
      assertThat(jdbc.started()).isEmpty();
    }
  }

  @Test
  void readOnce_readsTheRows_withoutStartingAList() throws Exception {
    new Sql(url(), null).createOriginTable(" https://app.example.com ");
    assertThat(JdbcOriginSource.readOnce(withQuery("SELECT origin FROM cors_origins")))
        .containsExactly("https://app.example.com");
    assertThat(jdbc.started()).isEmpty();
    assertThatThrownBy(() -> JdbcOriginSource.readOnce(withQuery("SELECT origin FROM missing")))
        .hasMessageContaining("no such table");
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
    new Sql(url(), null).createOriginTable("https://app.example.com");
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
