package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors lint --json} gives every finding the id of the rule it breaks, so that a script can
 * gate on some rules and not others without reading the prose.
 */
class LintJsonRulesTest {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public LintJsonRulesTest() {}

  private List<String> rules(String name, String config) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, config);
    StringWriter out = new StringWriter();
    Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
        .execute("lint", "--json", file.toString());
    List<String> rules = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(out.toString()).get("findings")) {
      assertThat(finding.get("rule").isTextual()).as("%s", finding).isTrue();
      rules.add(finding.get("rule").asText());
    }
    return rules;
  }

  @Test
  void everyFinding_hasItsRule() throws Exception {
    String config =
        "{\"routes\": [\n"
            + "  {\"path\": \"/api/**\", \"cors\": {\"origin\": [\"null\", \"http://a.example\"],"
            + " \"credentials\": true, \"maxAge\": 9000, \"methods\": \"GET,TRACE\"}},\n"
            + "  {\"path\": \"/api/x\", \"cors\": {\"orign\": \"*\"}}\n"
            + "]}\n";
    assertThat(rules("cors.json", config))
        .containsExactlyInAnyOrder("S3", "S10", "S25", "F26", "C4", "C1");
  }

  @Test
  void aFileThatCannotBeRead_andADuplicateKey_areC7() throws Exception {
    assertThat(rules("broken.json", "{\"origin\": ")).containsExactly("C7");
    assertThat(rules("twice.json", "{\"origin\": \"*\", \"origin\": \"*\"}")).containsExactly("C7");
  }
}
