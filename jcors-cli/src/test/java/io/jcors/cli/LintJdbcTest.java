package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.jdbc.testing.Sql;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors lint} on a config whose origins come from a SQLite table it can reach: the row count
 * and every risky or skipped row, checked with the route's credentials and strict mode.
 */
public class LintJdbcTest {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public LintJdbcTest() {}

  private String table(String... rows) {
    String url = "jdbc:sqlite:" + dir.resolve("cors.db");
    new Sql(url, null).createOriginTable(rows);
    return url;
  }

  private static String config(String url, boolean strict) {
    return "{\"routes\": [{\"path\": \"/api/**\", \"cors\": {\"origin\": {\"jdbc\": {\"url\": \""
        + url
        + "\",\n \"query\": \"SELECT origin FROM cors_origins\"}}, \"credentials\": true,"
        + " \"strict\": "
        + strict
        + "}}]}";
  }

  @Test
  void strictRoute_reachableTable_countsTheRows_andNamesEachSkippedRow() throws Exception {
    String url = table("https://app.example.com", "https://*.github.io", "null", "*");
    LintRun run = LintRun.lint(dir, config(url, true));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "cors.json:1:61: warning: routes[0].cors.origin.jdbc: \"https://*.github.io\" (a row)"
                + " trusts every subdomain of the public suffix github.io with credentials: anyone"
                + " can register one (S11); the row is skipped",
            "routes[0].cors.origin.jdbc: \"null\" (a row) trusts every page whose origin is"
                + " opaque",
            "routes[0].cors.origin.jdbc: \"*\" (a row) in a list matches no origin",
            "cors.json: routes[0].cors.origin.jdbc: 4 rows: 1 in use, 3 skipped\n")
        .endsWith("cors.json: 0 errors, 3 warnings\n");
  }

  @Test
  void lenientRoute_riskyRowIsUsed_andSaidSo() throws Exception {
    String url = table("http://plain.example");
    LintRun run = LintRun.lint(dir, config(url, false));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "\"http://plain.example\" (a row) is plain http and trusted with credentials",
            "; the row is used",
            "routes[0].cors.origin.jdbc: 1 row: 1 in use, 0 skipped");
  }

  @Test
  void unreachableTable_isANote_notAProblem() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("cors.db"); // no table: the query fails
    LintRun run = LintRun.lint(dir, config(url, true), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"notes\" : [ \"routes[0].cors.origin.jdbc: the rows could not be read (")
        .contains("no such table: cors_origins")
        .contains("only the settings were checked");
  }
}
