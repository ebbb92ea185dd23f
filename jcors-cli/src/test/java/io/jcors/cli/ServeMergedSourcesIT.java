package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors serve}, run from the jar, on a route whose origin list merges a static origin, a
 * file and a SQLite table: an origin in any of them is allowed, one in none refused; a change of
 * the file and a change of the table are each seen after a refresh, and each load is logged with
 * the source's name.
 */
public class ServeMergedSourcesIT {
  private static final String STATIC = "https://static.example";
  private static final String FILE_ONLY = "https://file-only.example";
  private static final String TABLE_ONLY = "https://table-only.example";
  private static final String BOTH = "https://both.example";
  private static final String NEITHER = "https://neither.example";

  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServeMergedSourcesIT() {}

  @Test
  void anOriginInAnySource_isAllowed_andEachSourcesChangeIsSeen() throws Exception {
    Files.writeString(
        dir.resolve("tenants.txt"),
        "# tenants\n" + FILE_ONLY + "\n" + BOTH + "\n",
        StandardCharsets.UTF_8);
    Sql sql = new Sql("jdbc:sqlite:" + dir.resolve("origins.db"), null);
    sql.run("CREATE TABLE cors_origins (origin TEXT PRIMARY KEY)");
    sql.insert(TABLE_ONLY);
    sql.insert(BOTH);
    // serve runs in the config's directory: both relative names are read there.
    Path config =
        Files.writeString(
            dir.resolve("cors.json"),
            "{\"routes\": [{\"path\": \"/api/**\", \"cors\": {\"credentials\": true, \"origin\": [\n"
                + "  \""
                + STATIC
                + "\",\n"
                + "  {\"file\": {\"path\": \"tenants.txt\", \"refreshSeconds\": 1}},\n"
                + "  {\"jdbc\": {\"url\": \"jdbc:sqlite:origins.db\", \"query\": \"SELECT origin FROM"
                + " cors_origins\", \"refreshSeconds\": 1}}\n"
                + "]}}]}\n",
            StandardCharsets.UTF_8);

    try (JcorsProcess.Server server = JcorsProcess.Server.start(config)) {
      for (String origin : new String[] {STATIC, FILE_ONLY, TABLE_ONLY, BOTH}) {
        Eventually.await(origin + " allowed", () -> ServeJdbcIT.allows(server, origin));
      }
      assertThat(ServeJdbcIT.allowOrigin(server, NEITHER)).isEmpty();

      Files.writeString(
          dir.resolve("tenants.txt"),
          "# tenants\n" + FILE_ONLY + "\n" + BOTH + "\nhttps://new-in-file.example\n",
          StandardCharsets.UTF_8);
      Eventually.await(
          "the file's new origin allowed",
          () -> ServeJdbcIT.allows(server, "https://new-in-file.example"));
      sql.insert("https://new-in-table.example");
      sql.delete(TABLE_ONLY);
      Eventually.await(
          "the table's new origin allowed",
          () -> ServeJdbcIT.allows(server, "https://new-in-table.example"));
      Eventually.await(
          "the table's deleted origin refused",
          () -> ServeJdbcIT.allowOrigin(server, TABLE_ONLY).isEmpty());
      // Still in the file: a row deleted from the table does not take it from the other source.
      assertThat(ServeJdbcIT.allows(server, BOTH)).isTrue();
      sql.delete(BOTH);
      Thread.sleep(2500); // two refreshes of the table
      assertThat(ServeJdbcIT.allows(server, BOTH)).isTrue();
      assertThat(ServeJdbcIT.allowOrigin(server, NEITHER)).isEmpty();

      JcorsProcess.Result stopped = server.stop();
      assertThat(stopped.exitCode()).isEqualTo(143);
      assertThat(stopped.err())
          .contains(
              "jcors: loaded 2 entries from file \"tenants.txt\": 2 origins in use, 0 skipped",
              "jcors: loaded 3 entries from file \"tenants.txt\": 3 origins in use, 0 skipped",
              "jcors: loaded 2 rows from \"jdbc:sqlite:origins.db\"");
    }
  }
}
