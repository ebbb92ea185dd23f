package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcors.jdbc.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors lint} on a route whose origin list merges static origins, a file and a SQLite table:
 * the problems of each source with the source named, a file's entries at {@code tenants.txt:LINE},
 * in text and in JSON.
 */
public class LintMergedSourcesTest {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public LintMergedSourcesTest() {}

  /** Lint, with the path of the origin file printed as {@code tenants.txt}. */
  private LintRun lint(String json, String... flags) throws Exception {
    return LintRun.lint(dir, json, flags).withFileNamed(dir.resolve("tenants.txt"));
  }

  private String config() throws Exception {
    Files.writeString(
        dir.resolve("tenants.txt"),
        "# one tenant per line\nhttps://file-only.example\nhttp://plain.example\n\n*\nhttps://both.example\n");
    String url = "jdbc:sqlite:" + dir.resolve("cors.db");
    new Sql(url, null)
        .createOriginTable(
            "https://table-only.example", "https://both.example", "https://*.github.io");
    return "{\"routes\": [{\"path\": \"/api/**\", \"cors\": {\"credentials\": true, \"origin\": [\n"
        + "  \"https://static.example\",\n"
        + "  {\"file\": \""
        + dir.resolve("tenants.txt")
        + "\"},\n"
        + "  {\"jdbc\": {\"url\": \""
        + url
        + "\", \"query\": \"SELECT origin FROM cors_origins\"}}\n"
        + "]}}]}\n";
  }

  @Test
  void text_namesEachSource_aFilesEntriesAtTheirLine() throws Exception {
    LintRun run = lint(config());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "cors.json:4:12: warning: routes[0].cors.origin[2].jdbc: \"https://*.github.io\" (a"
                + " row) trusts every subdomain of the public suffix github.io with credentials:"
                + " anyone can register one (S11); the row is used\n"
                + "    fix: list your own subdomains, e.g. \"https://myapp.github.io\"\n"
                + "tenants.txt:3: warning: routes[0].cors.origin[1].file: \"http://plain.example\""
                + " (an entry) is plain http and trusted with credentials: anyone on the network"
                + " path can inject script into that origin and read your users' authenticated"
                + " responses (S10); the entry is used\n"
                + "    fix: allow only the https:// origin\n"
                + "tenants.txt:5: warning: routes[0].cors.origin[1].file: \"*\" (an entry) in a list"
                + " matches no origin (Express compares list entries as strings); the entry is"
                + " skipped\n"
                + "    fix: write origin: \"*\" on its own to allow every origin\n"
                + "cors.json: routes[0].cors.origin[1].file: \"tenants.txt\": 4 entries: 3 in use, 1"
                + " skipped\n"
                + "cors.json: routes[0].cors.origin[2].jdbc: 3 rows: 3 in use, 0 skipped\n"
                + "cors.json: 0 errors, 3 warnings\n");
  }

  @Test
  void json_givesEachFindingItsSource() throws Exception {
    LintRun run = lint(config(), "--json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("exitCode").asInt()).isEqualTo(1);
    JsonNode findings = report.get("findings");
    assertThat(findings).hasSize(3);
    JsonNode row = findings.get(0);
    assertThat(row.get("rule").asText()).isEqualTo("S11");
    assertThat(row.get("line").asInt()).isEqualTo(4);
    assertThat(row.get("source").get("key").asText()).isEqualTo("jdbc");
    assertThat(row.get("source").get("option").asText()).isEqualTo("routes[0].cors.origin[2].jdbc");
    assertThat(row.get("source").get("file").isNull()).isTrue();
    JsonNode entry = findings.get(1);
    assertThat(entry.get("rule").asText()).isEqualTo("S10");
    assertThat(entry.get("line").asInt()).isEqualTo(3);
    assertThat(entry.get("column").isNull()).isTrue();
    assertThat(entry.get("option").asText()).isEqualTo("routes[0].cors.origin[1].file");
    assertThat(entry.get("source").get("key").asText()).isEqualTo("file");
    assertThat(entry.get("source").get("file").asText()).isEqualTo("tenants.txt");
    assertThat(findings.get(2).get("line").asInt()).isEqualTo(5);
    assertThat(report.get("notes").toString())
        .contains(
            "routes[0].cors.origin[1].file: \\\"tenants.txt\\\": 4 entries: 3 in use, 1 skipped");
  }

  @Test
  void aMissingFile_isAnErrorAtItsKey() throws Exception {
    LintRun run =
        lint(
            "{\"origin\": [\"https://static.example\", {\"file\": \""
                + dir.resolve("tenants.txt")
                + "\"}]}");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .startsWith(
            "cors.json:1:40: error: origin[1].file: the file \"tenants.txt\" does not exist\n")
        .endsWith("cors.json: 1 error, 0 warnings\n");
  }

  @Test
  void aSourceThatFindsNothing_isNoFinding() throws Exception {
    Files.writeString(dir.resolve("tenants.txt"), "https://a.example\n");
    LintRun run =
        lint(
            "{\"origin\": [\"https://a.example\", {\"file\": {\"path\": \""
                + dir.resolve("tenants.txt")
                + "\", \"refreshSeconds\": 5}}]}");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .isEqualTo(
            "cors.json: origin[1].file: \"tenants.txt\": 1 entry: 1 in use, 0 skipped\n"
                + "cors.json: no problems\n");
  }
}
