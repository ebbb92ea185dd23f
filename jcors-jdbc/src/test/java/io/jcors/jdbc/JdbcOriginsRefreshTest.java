package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Refreshing survives whatever a query or a driver throws or does, and a revoked origin is refused
 * within a few refreshes after the database answers again. Every wait polls with a deadline.
 */
class JdbcOriginsRefreshTest {
  private static final Duration REFRESH = Duration.ofMillis(200);
  private static final String QUERY = "SELECT origin FROM cors_origins";
  private static final String APP = "https://app.example.com";
  private static final String REVOKED = "https://revoked.example.com";

  /** A query that would run for hours: SQLite counts to 10^12. */
  private static final String ENDLESS =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
          + " SELECT origin FROM cors_origins"
          + " WHERE (SELECT count(*) FROM (SELECT x FROM c LIMIT 1000000000000)) > 0";

  @TempDir Path dir;

  private String url;
  private Sql sql;
  private FaultyDataSource faulty;
  private final OpenedResources resources = new OpenedResources();

  JdbcOriginsRefreshTest() {}

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("cors.db");
    sql = new Sql(url, null);
    sql.createOriginTable(APP, REVOKED);
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl(url);
    faulty = new FaultyDataSource(sqlite);
  }

  @AfterEach
  void stop() throws Exception {
    faulty.release();
    resources.closeAll();
  }

  private JdbcOrigins start(JdbcOrigins.Builder builder) {
    return resources.add(builder.start());
  }

  private JdbcOrigins faultyOrigins() {
    return start(
        JdbcOrigins.builder(faulty)
            .query(QUERY)
            .refreshInterval(REFRESH)
            .queryTimeout(Duration.ofSeconds(1)));
  }

  @Test
  void anErrorFromTheDriver_doesNotEndRefreshing() {
    JdbcOrigins origins = faultyOrigins();
    assertThat(origins.origins().allows(REVOKED)).isTrue();

    faulty.fail(new OutOfMemoryError("Java heap space (from the test's driver)"));
    Eventually.await(
        "the Error is reported as the last error",
        () ->
            origins.lastError().map(e -> e.toString().contains("OutOfMemoryError")).orElse(false));
    assertThat(origins.origins().allows(REVOKED)).isTrue(); // the last good list

    faulty.fail(null);
    sql.delete(REVOKED);
    Eventually.await("the revoked origin is refused", () -> !origins.origins().allows(REVOKED));
    assertThat(origins.origins().allows(APP)).isTrue();
    assertThat(origins.lastError()).isEmpty();
  }

  @Test
  void aRuntimeErrorAndAStackOverflow_fromTheDriver_doNotEndRefreshingEither() {
    JdbcOrigins origins = faultyOrigins();
    faulty.fail(new StackOverflowError());
    Eventually.await(
        "the StackOverflowError is reported",
        () -> origins.lastError().map(e -> e.toString().contains("StackOverflow")).orElse(false));
    faulty.fail(new IllegalStateException("driver bug"));
    Eventually.await(
        "the driver bug is reported",
        () -> origins.lastError().map(e -> e.toString().contains("driver bug")).orElse(false));
    faulty.fail(null);
    sql.delete(REVOKED);
    Eventually.await("the revoked origin is refused", () -> !origins.origins().allows(REVOKED));
  }

  @Test
  void aSlowSqliteQuery_isCancelledAtTheQueryTimeout() {
    JdbcOrigins origins =
        start(
            JdbcOrigins.builder(url, null, null)
                .query(ENDLESS)
                .refreshInterval(Duration.ofSeconds(30))
                .queryTimeout(Duration.ofSeconds(1))
                .firstLoadWait(Duration.ofSeconds(5)));
    Eventually.await("the first load has failed", () -> origins.lastError().isPresent());
    assertThat(origins.lastError().orElseThrow())
        .hasMessageContaining("did not finish within 1000 ms");
    assertThat(origins.origins().allows(APP)).isFalse(); // fail closed
    Eventually.await("the query has stopped", () -> loadThreads() == 0);
  }

  @Test
  void aQueryThatIgnoresCancel_isAbandoned_andTheNextRefreshUsesANewConnection() {
    // 0.5 s between a timeout and the next refresh: time to stop sticking before it starts.
    JdbcOrigins origins =
        start(
            JdbcOrigins.builder(faulty)
                .query(QUERY)
                .refreshInterval(Duration.ofMillis(500))
                .queryTimeout(Duration.ofSeconds(1)));
    assertThat(origins.origins().allows(REVOKED)).isTrue();

    faulty.stick(true);
    Eventually.await(
        "a refresh times out",
        () ->
            origins
                .lastError()
                .map(e -> e.getMessage().contains("did not finish within"))
                .orElse(false));
    assertThat(faulty.stuck()).isPositive();

    faulty.stick(false);
    sql.delete(REVOKED);
    Eventually.await("the revoked origin is refused", () -> !origins.origins().allows(REVOKED));
    assertThat(origins.origins().allows(APP)).isTrue();
  }

  @Test
  void moreRowsThanMaxRows_failTheLoad_andTheLastGoodListStays() {
    JdbcOrigins origins =
        start(
            JdbcOrigins.builder(url, null, null).query(QUERY).refreshInterval(REFRESH).maxRows(3));
    assertThat(origins.lastLoadSize()).isEqualTo(2);
    sql.insert("https://three.example.com");
    sql.insert("https://four.example.com");
    Eventually.await("the load fails", () -> origins.lastError().isPresent());
    assertThat(origins.lastError().orElseThrow())
        .hasMessage(
            "the query returned more than 3 rows (maxRows); the last good list stays in use:"
                + " select only the origins, or raise maxRows");
    assertThat(origins.origins().allows(APP)).isTrue();
    assertThat(origins.origins().allows("https://three.example.com")).isFalse();

    sql.delete("https://four.example.com");
    Eventually.await(
        "three rows load", () -> origins.origins().allows("https://three.example.com"));
  }

  @Test
  void moreBytesThanMaxBytes_failTheLoad_evenInOneRow() {
    JdbcOrigins origins =
        start(
            JdbcOrigins.builder(url, null, null)
                .query(QUERY)
                .refreshInterval(REFRESH)
                .maxBytes(100));
    assertThat(origins.lastLoadSize()).isEqualTo(2);
    sql.insert("https://" + "a".repeat(100) + ".example.com");
    Eventually.await("the load fails", () -> origins.lastError().isPresent());
    assertThat(origins.lastError().orElseThrow())
        .hasMessageStartingWith("the rows of the query hold more than 100 bytes (maxBytes)");
    assertThat(origins.origins().allows(REVOKED)).isTrue();
  }

  @Test
  void noGoodLoadForLongerThanNRefreshes_isStale_saidOnceInTheLog_andForAHealthCheck() {
    LogRecords logs = new LogRecords();
    resources.add(logs);
    JdbcOrigins origins =
        start(
            JdbcOrigins.builder(url, null, null)
                .query(QUERY)
                .refreshInterval(Duration.ofMillis(100))
                .staleAfterRefreshes(3));
    assertThat(origins.isStale()).isFalse();

    sql.run("ALTER TABLE cors_origins RENAME TO moved");
    Eventually.await("the list is stale", origins::isStale);
    Eventually.await("the log says so", () -> logs.count("are stale") == 1);
    long failures = logs.count("could not refresh");
    Eventually.await(
        "two more failed refreshes", () -> logs.count("could not refresh") > failures + 1);
    assertThat(logs.count("are stale")).isEqualTo(1);
    assertThat(logs.messages())
        .filteredOn(m -> m.contains("are stale"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("WARNING: jcors: the allowed origins from ")
        .contains(
            "are stale: no load has succeeded for more than 3 refresh intervals (300 ms); origins"
                + " deleted from the table since");
    assertThat(origins.origins().allows(REVOKED)).isTrue();

    sql.run("ALTER TABLE moved RENAME TO cors_origins");
    Eventually.await("fresh again", () -> !origins.isStale() && origins.lastError().isEmpty());
    Eventually.await("the log says so", () -> logs.count("are up to date again") == 1);
  }

  private static long loadThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("jcors-jdbc-load"))
        .count();
  }
}
