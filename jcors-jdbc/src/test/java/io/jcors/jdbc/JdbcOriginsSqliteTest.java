package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Two API servers reading their allowed origins from one SQLite file. */
class JdbcOriginsSqliteTest {
  private static final Duration REFRESH = Duration.ofMillis(200);
  private static final String QUERY = "SELECT origin FROM cors_origins";

  @TempDir Path dir;

  private String url;
  private Sql sql;
  private final OpenedResources resources = new OpenedResources();

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("cors.db");
    sql = new Sql(url, null);
  }

  @AfterEach
  void stop() throws Exception {
    resources.closeAll();
  }

  private JdbcOrigins origins() {
    JdbcOrigins origins =
        JdbcOrigins.builder(url, null, null).query(QUERY).refreshInterval(REFRESH).start();
    resources.add(origins);
    return origins;
  }

  private ApiServer server(JdbcOrigins origins) {
    return resources.add(
        new ApiServer(CorsPolicy.of(CorsOptions.builder().origin(origins).build())));
  }

  @Nested
  class SharedDatabase {
    @Test
    void insertedOrigin_isAllowedByBothServers_deletedOneRefusedByBoth() {
      sql.createOriginTable("https://app.example.com");
      ApiServer a = server(origins());
      ApiServer b = server(origins());
      assertThat(a.allows("https://app.example.com")).isTrue();
      assertThat(b.allows("https://app.example.com")).isTrue();
      assertThat(a.allows("https://new.example.com")).isFalse();

      sql.insert("https://new.example.com");
      ApiServer.awaitBothAllow(a, b, "https://new.example.com");

      sql.delete("https://app.example.com");
      ApiServer.awaitBothRefuse(a, b, "https://app.example.com");
      assertThat(a.allows("https://new.example.com")).isTrue();
      assertThat(b.allows("https://new.example.com")).isTrue();
    }

    @Test
    void unreadableTable_keepsLastGoodList_andRecoveryIsPickedUp() {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins originsA = origins();
      JdbcOrigins originsB = origins();
      ApiServer a = server(originsA);
      ApiServer b = server(originsB);

      sql.run("ALTER TABLE cors_origins RENAME TO cors_origins_moved");
      Eventually.await(
          "both lists report the failed refresh",
          () -> originsA.lastError().isPresent() && originsB.lastError().isPresent());
      assertThat(originsA.lastError().orElseThrow()).hasMessageContaining("cors_origins");
      assertThat(originsA.lastErrorTime()).isPresent();
      assertThat(a.allows("https://app.example.com")).isTrue();
      assertThat(b.allows("https://app.example.com")).isTrue();
      assertThat(originsA.lastLoadSize()).isEqualTo(1);

      sql.run("ALTER TABLE cors_origins_moved RENAME TO cors_origins");
      sql.insert("https://later.example.com");
      Eventually.await(
          "both servers pick up the list again",
          () -> a.allows("https://later.example.com") && b.allows("https://later.example.com"));
      Eventually.await(
          "the error is cleared",
          () -> originsA.lastError().isEmpty() && originsB.lastError().isEmpty());
      assertThat(originsA.lastLoadSize()).isEqualTo(2);
    }
  }

  @Nested
  class Entries {
    @Test
    void patternsRegexesAndPaddedValues_matchAsInAConfigFile() {
      sql.createOriginTable(
          "https://*.example.org",
          "/^https:\\/\\/[a-z]+\\.example\\.net$/i",
          "  https://padded.example.com  ",
          "http://localhost:*");
      sql.run("INSERT INTO cors_origins (origin) VALUES (NULL)");
      ApiServer a = server(origins());
      assertThat(a.allows("https://admin.example.org")).isTrue();
      assertThat(a.allows("https://example.org")).isFalse();
      assertThat(a.allows("https://shop.example.net")).isTrue();
      assertThat(a.allows("https://padded.example.com")).isTrue();
      assertThat(a.allows("http://localhost:5500")).isTrue();
      assertThat(a.allows("https://evil.example")).isFalse();
    }

    @Test
    void malformedRows_areSkipped_andTheOthersStillWork() {
      sql.createOriginTable("https://app.example.com", "*", "/broken(/", "https://*.*.example.com");
      JdbcOrigins origins = origins();
      ApiServer a = server(origins);
      assertThat(a.allows("https://app.example.com")).isTrue();
      assertThat(origins.lastLoadSize()).isEqualTo(1);
      assertThat(origins.lastError()).isEmpty();
    }
  }

  @Nested
  class Snapshot {
    /**
     * Only a digest of the rows in use is kept, to tell an unchanged table: a row replaced by one
     * of the same {@code String.hashCode()} ("Aa" and "BB") must still count as a change, or the
     * replaced origin would stay allowed.
     */
    @Test
    void aRowReplacedByOneOfTheSameHashCode_isAChange() {
      assertThat("https://Aa.example".hashCode()).isEqualTo("https://BB.example".hashCode());
      sql.createOriginTable("https://Aa.example", "https://app.example.com");
      JdbcOrigins origins = origins();
      var first = origins.resolve("https://app.example.com");
      assertThat(origins.origins().allows("https://Aa.example")).isTrue();
      sql.delete("https://Aa.example");
      sql.insert("https://BB.example");
      Eventually.await(
          "the replaced row is seen", () -> origins.origins().allows("https://BB.example"));
      assertThat(origins.origins().allows("https://Aa.example")).isFalse();
      assertThat(origins.resolve("https://app.example.com")).isNotSameAs(first);
    }

    private JdbcOrigins versioned(int fullReloadEvery) {
      sql.run("CREATE TABLE cors_version (v INTEGER)");
      sql.run("INSERT INTO cors_version VALUES (1)");
      JdbcOrigins origins =
          JdbcOrigins.builder(url, null, null)
              .query(QUERY)
              .versionQuery("SELECT v FROM cors_version")
              .fullReloadEvery(fullReloadEvery)
              .refreshInterval(REFRESH)
              .start();
      resources.add(origins);
      return origins;
    }

    private void awaitPolls(JdbcOrigins origins, int polls) {
      for (int i = 0; i < polls; i++) {
        java.time.Instant before = origins.lastLoadTime().orElseThrow();
        Eventually.await("a poll", () -> !origins.lastLoadTime().orElseThrow().equals(before));
      }
    }

    /**
     * A poll whose version is unchanged does not read the rows: a row inserted without bumping the
     * version stays unseen, however many polls pass, until the version changes.
     */
    @Test
    void aVersionQuery_readsTheRowsOnlyWhenTheVersionChanges() {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins origins = versioned(1000);
      sql.insert("https://new.example.com");
      awaitPolls(origins, 3);
      assertThat(origins.origins().allows("https://new.example.com")).isFalse();
      assertThat(origins.isStale()).isFalse(); // a poll that read the version is a good load
      sql.run("UPDATE cors_version SET v = 2");
      Eventually.await(
          "the new version is read in full",
          () -> origins.origins().allows("https://new.example.com"));
    }

    @Test
    void aVersionQuery_stillReadsInFull_everyFullReloadEveryPolls() {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins origins = versioned(2);
      sql.insert("https://new.example.com");
      Eventually.await(
          "a full reload comes without a new version",
          () -> origins.origins().allows("https://new.example.com"));
    }

    @Test
    void anUnchangedTable_keepsTheSameList_acrossRefreshes() throws Exception {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins origins = origins();
      var first = origins.resolve("https://app.example.com");
      java.time.Instant loaded = origins.lastLoadTime().orElseThrow();
      Eventually.await("a refresh", () -> !origins.lastLoadTime().orElseThrow().equals(loaded));
      assertThat(origins.resolve("https://app.example.com")).isSameAs(first);
    }

    @Test
    void resolve_returnsTheSameCompletedStage_untilTheNextLoad() {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins origins = origins();
      var first = origins.resolve("https://app.example.com");
      assertThat(first.toCompletableFuture()).isCompleted();
      assertThat(origins.resolve("https://other.example")).isSameAs(first);
      assertThat(origins.origins().allows("https://app.example.com")).isTrue();
      assertThat(origins.lastLoadTime()).isPresent();
      assertThat(origins.lastLoadSize()).isEqualTo(1);
    }

    @Test
    void preflight_fromRefusedOrigin_getsNoAllowOrigin_butVaryOrigin() {
      sql.createOriginTable("https://app.example.com");
      ApiServer a = server(origins());
      HttpResponse<String> refused = a.preflight("https://evil.example");
      assertThat(refused.statusCode()).isEqualTo(204);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(refused.headers().allValues("Vary"))
          .containsExactly("Origin, Access-Control-Request-Headers");
      HttpResponse<String> allowed = a.preflight("https://app.example.com");
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
    }

    @Test
    void close_stopsTheRefreshThread() {
      sql.createOriginTable("https://app.example.com");
      JdbcOrigins origins =
          JdbcOrigins.builder(url, null, null).query(QUERY).refreshInterval(REFRESH).start();
      assertThat(refreshThreads()).isPositive();
      origins.close();
      Eventually.await("the refresh thread has ended", () -> refreshThreads() == 0);
      assertThat(origins.origins().allows("https://app.example.com")).isTrue();
    }

    private long refreshThreads() {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("jcors-jdbc-refresh " + url))
          .count();
    }
  }

  @Nested
  class FailClosed {
    @Test
    void firstLoadFails_everyOriginIsRefused_untilALoadSucceeds() {
      JdbcOrigins origins = origins(); // no table yet
      ApiServer a = server(origins);
      assertThat(origins.lastLoadTime()).isEmpty();
      assertThat(origins.lastLoadSize()).isZero();
      assertThat(origins.lastError().orElseThrow()).hasMessageContaining("no such table");
      HttpResponse<String> refused = a.get("https://app.example.com");
      assertThat(refused.statusCode()).isEqualTo(200);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(refused.headers().allValues("Vary")).containsExactly("Origin");

      sql.createOriginTable("https://app.example.com");
      Eventually.await("the list is loaded", () -> a.allows("https://app.example.com"));
      assertThat(origins.lastError()).isEmpty();
      assertThat(origins.lastLoadTime()).isPresent();
    }

    @Test
    void retries_backOffExponentially_upToTheCap() {
      SQLiteDataSource sqlite = new SQLiteDataSource();
      sqlite.setUrl(url);
      CountingDataSource counting = new CountingDataSource(sqlite);
      JdbcOrigins origins =
          JdbcOrigins.builder(counting)
              .query(QUERY)
              .refreshInterval(Duration.ofSeconds(10))
              .retryDelay(Duration.ofMillis(25), Duration.ofMillis(200))
              .start();
      resources.add(origins);
      Eventually.await("six attempts", () -> counting.attempts().size() >= 6);
      List<Long> attempts = counting.attempts();
      long[] expectedAtLeast = {25, 50, 100, 200, 200};
      for (int i = 0; i < expectedAtLeast.length; i++) {
        long gapMillis = (attempts.get(i + 1) - attempts.get(i)) / 1_000_000;
        assertThat(gapMillis)
            .as("wait before retry %d", i + 1)
            .isGreaterThanOrEqualTo(expectedAtLeast[i]);
      }
      assertThat(origins.nextDelay()).isEqualTo(Duration.ofMillis(200));
      assertThat(origins.origins().allows("https://app.example.com")).isFalse();

      sql.createOriginTable("https://app.example.com");
      Eventually.await("the list is loaded", () -> origins.lastLoadTime().isPresent());
      assertThat(origins.nextDelay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoff_doublesFromTheInitialDelay_andStopsAtTheCap() {
      Duration initial = Duration.ofMillis(500);
      Duration cap = Duration.ofSeconds(30);
      long[] expected = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
      for (int failures = 1; failures <= expected.length; failures++) {
        assertThat(JdbcOrigins.backoff(failures, initial, cap).toMillis())
            .as("after %d failures", failures)
            .isEqualTo(expected[failures - 1]);
      }
      assertThat(JdbcOrigins.backoff(1000, initial, cap)).isEqualTo(cap);
    }
  }
}
