package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of the table go through the checks of configured origins, with the route's credentials and
 * strict mode, over real HTTP; and what is logged about them cannot forge a log line.
 */
class JdbcOriginsChecksTest {
  private static final String QUERY = "SELECT origin FROM cors_origins";

  /** The rows of the finding: with credentials, strict mode must refuse each of them. */
  private static final List<String> RISKY =
      List.of("null", "/.*/", "https://*.com", "http://plain.example", "https://*.github.io");

  @TempDir Path dir;

  private String url;
  private Sql sql;
  private final JdbcOriginSource jdbc = new JdbcOriginSource();
  private final OpenedResources resources = new OpenedResources();

  JdbcOriginsChecksTest() {}

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("cors.db");
    sql = new Sql(url, null);
    sql.createOriginTable();
  }

  @AfterEach
  void stop() throws Exception {
    resources.closeAll();
    jdbc.close();
  }

  /** A server whose one route reads the table, with {@code "refreshSeconds": 1}. */
  private ApiServer serve(boolean credentials, boolean strict) {
    Map<String, Object> cors =
        Map.of(
            "origin",
            Map.of("jdbc", Map.of("url", url, "query", QUERY, "refreshSeconds", 1)),
            "credentials",
            credentials,
            "strict",
            strict);
    CorsConfig config = CorsConfig.read(cors, Map.of("jdbc", jdbc));
    assertThat(config.problems()).isEmpty();
    CorsPolicy policy = config.policy();
    return resources.add(new ApiServer(policy));
  }

  private LogRecords logs() {
    return resources.add(new LogRecords());
  }

  @Test
  void strictWithCredentials_riskyRowsAreSkipped_theAttackerIsNotReflected() {
    RISKY.forEach(sql::insert);
    sql.insert("https://app.example.com");
    LogRecords logs = logs();
    ApiServer api = serve(true, true);

    HttpResponse<String> attacker = api.get("https://attacker.example");
    assertThat(attacker.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    for (String origin :
        List.of("null", "https://attacker.com", "http://plain.example", "https://a.github.io")) {
      assertThat(api.allows(origin)).as(origin).isFalse();
    }
    HttpResponse<String> app = api.get("https://app.example.com");
    assertThat(app.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(app.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");

    JdbcOrigins origins = jdbc.started().get(0);
    assertThat(origins.lastLoadSize()).isEqualTo(1);
    assertThat(origins.lastLoadSkipped()).isEqualTo(RISKY);
    assertThat(logs.count("6 rows")).isEqualTo(1);
    // The first load is not said to happen "again" (it once read "loaded 3 ... again").
    assertThat(logs.messages()).noneMatch(m -> m.contains("again"));
    for (String row : RISKY) {
      assertThat(logs.messages()).anyMatch(m -> m.contains("skipping") && m.contains(row));
    }
  }

  @Test
  void notStrict_riskyRowIsWarnedAboutOnce_notOnEveryRefresh() {
    sql.insert("http://plain.example");
    LogRecords logs = logs();
    ApiServer api = serve(true, false);
    assertThat(api.allows("http://plain.example")).isTrue(); // Express parity, with a warning
    JdbcOrigins origins = jdbc.started().get(0);
    assertThat(origins.lastLoadSkipped()).isEmpty();

    // The list changes twice, so it is checked again twice; the risky row is still warned once.
    sql.insert("https://one.example.com");
    Eventually.await("one more row", () -> api.allows("https://one.example.com"));
    sql.insert("https://two.example.com");
    Eventually.await("two more rows", () -> api.allows("https://two.example.com"));
    assertThat(logs.count("\"http://plain.example\" is plain http")).isEqualTo(1);
  }

  @Test
  void invalidRow_isSkippedWithAWarning_evenWhenNotStrict() {
    sql.insert("https://app.example.com");
    sql.insert("/broken(/");
    LogRecords logs = logs();
    ApiServer api = serve(false, false);
    assertThat(api.allows("https://app.example.com")).isTrue();
    assertThat(jdbc.started().get(0).lastLoadSkipped()).containsExactly("/broken(/");
    assertThat(logs.messages())
        .anyMatch(
            m -> m.startsWith("WARNING") && m.contains("skipping") && m.contains("/broken(/"));
  }

  @Test
  void rowWithANewline_cannotForgeALogLine() {
    sql.insert("https://app.example.com");
    sql.insert("https://*.ex\nWARNING: jcors: FORGED LINE");
    sql.insert("https://esc.example\u001b[2J");
    LogRecords logs = logs();
    ApiServer api = serve(false, false);
    assertThat(api.allows("https://app.example.com")).isTrue();
    assertThat(logs.messages()).anyMatch(m -> m.contains("FORGED LINE"));
    for (String message : logs.messages()) {
      assertThat(message).doesNotContain("\n", "\r", "\u001b");
    }
    assertThat(logs.messages()).anyMatch(m -> m.contains("https://*.ex\\u000aWARNING"));
  }
}
