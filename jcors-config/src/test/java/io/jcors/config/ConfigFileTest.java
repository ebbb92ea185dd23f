package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsConfig;
import io.jcors.CorsProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Config files read into trees, and core problems placed at their line and column. */
public class ConfigFileTest {
  /** Needed by JUnit on the class path with -Xlint:all. */
  public ConfigFileTest() {}

  /** Each problem of the file as {@code option@line:column}. */
  private static List<String> placed(ConfigFile file) {
    return CorsConfig.read(file.tree()).problems().stream()
        .map(p -> p.option() + "@" + file.locate(p))
        .toList();
  }

  /** The problems of {@code json} read as {@code cors.json}, each as {@code option@line:column}. */
  private static List<String> placedInJson(String json) throws ConfigFileException {
    return placed(ConfigFile.parse("cors.json", json, ConfigFile.Format.JSON));
  }

  @Nested
  class Json {
    /** Needed by JUnit on the class path with -Xlint:all. */
    Json() {}

    @Test
    void routes_everyPathMapsToItsValue() throws Exception {
      assertThat(
              placedInJson(
                  String.join(
                      "\n",
                      "{\"routes\": [",
                      "  {\"path\": \"/a\", \"cors\": {\"origin\": [\"https://ok.example\",",
                      "                               \"http://x.example/\"],",
                      "                               \"credentials\": true, \"maxAge\": 9000}},",
                      "  {\"path\": \"b\"}",
                      "]}")))
          .containsExactly(
              "routes[0].cors.origin[1]@3:32",
              "routes[0].cors.origin[1]@3:32",
              "routes[0].cors.maxAge@4:63",
              "routes[1].path@5:12");
    }

    @Test
    void unknownKey_pointsAtTheKey() throws Exception {
      assertThat(placedInJson("{\n  \"origin\": true,\n  \"maxage\": 5\n}"))
          .containsExactly("maxage@3:3");
    }

    @Test
    void elementOfAList_reportedOnTheList_pointsAtTheElement() throws Exception {
      assertThat(placedInJson("{\"methods\": [\"GET\",\n  \"TRACE\"]}"))
          .containsExactly("methods[1]@2:3");
    }

    @Test
    void optionNotInTheFile_pointsAtTheClosestParent() throws Exception {
      // credentials with the default origin: the problem names credentials, which is written.
      assertThat(
              placedInJson(
                  "{\"routes\": [{\"path\": \"/a\",\n \"cors\": {\"credentials\": true}}]}"))
          .containsExactly("routes[0].cors.credentials@2:26");
      assertThat(ConfigFile.parent("routes[0].cors.origin[1]")).isEqualTo("routes[0].cors.origin");
      assertThat(ConfigFile.parent("routes[0].cors")).isEqualTo("routes[0]");
      assertThat(ConfigFile.parent("routes[0]")).isEqualTo("routes");
      assertThat(ConfigFile.parent("routes")).isEmpty();
    }

    @Test
    void duplicateKeys_allReported_firstKept() throws Exception {
      ConfigFile file =
          ConfigFile.parse(
              "cors.json",
              "{\"origin\": \"https://a.example\",\n \"origin\": \"https://b.example\",\n"
                  + " \"maxAge\": 1, \"maxAge\": {\"x\": 1}}",
              ConfigFile.Format.JSON);

      assertThat(file.duplicates())
          .containsExactly(
              new ConfigFile.DuplicateKey("origin", new Location(2, 2), new Location(1, 2)),
              new ConfigFile.DuplicateKey("maxAge", new Location(3, 15), new Location(3, 2)));
      assertThat(file.tree())
          .containsEntry("origin", "https://a.example")
          .containsEntry("maxAge", 1);
    }

    @Test
    void values_keepTheirTypes() throws Exception {
      ConfigFile file =
          ConfigFile.parse(
              "cors.json",
              "{\"a\": 1, \"b\": 12345678901234567890, \"c\": 2.5, \"d\": null, \"e\": false}",
              ConfigFile.Format.JSON);

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("a", 1);
      expected.put("b", new java.math.BigInteger("12345678901234567890"));
      expected.put("c", new java.math.BigDecimal("2.5"));
      expected.put("d", null);
      expected.put("e", false);
      assertThat(file.tree()).isEqualTo(expected);
    }

    @Test
    void syntaxError_namesFileLineAndColumn() {
      assertThatThrownBy(
              () ->
                  ConfigFile.parse("cors.json", "{\n  \"origin\": tru\n}", ConfigFile.Format.JSON))
          .isInstanceOf(ConfigFileException.class)
          // Jackson places a bad token where it ends.
          .hasMessageStartingWith("cors.json:2:16: is not valid JSON: Unrecognized token 'tru'");
    }

    @Test
    void notAnObject_andEmpty() {
      assertThatThrownBy(() -> ConfigFile.parse("c.json", " \"*\"", ConfigFile.Format.JSON))
          .hasMessage(
              "c.json:1:2: the configuration is a string, not an object; write {\"origin\": ...}"
                  + " or {\"routes\": [...]}");
      assertThatThrownBy(() -> ConfigFile.parse("c.json", "\uFEFF  \n", ConfigFile.Format.JSON))
          .hasMessageStartingWith("c.json: is empty");
    }
  }

  @Nested
  class Yaml {
    /** Needed by JUnit on the class path with -Xlint:all. */
    Yaml() {}

    @Test
    void blockAndFlowStyles_mapToLineAndColumn() throws Exception {
      ConfigFile file =
          ConfigFile.parse(
              "cors.yaml",
              String.join(
                  "\n",
                  "# comment",
                  "routes:",
                  "  - path: /api/**",
                  "    cors:",
                  "      origin: [https://ok.example, \"null\"]",
                  "      credentials: true",
                  "      methods:",
                  "        - GET",
                  "        - CONNECT"),
              ConfigFile.Format.YAML);

      assertThat(placed(file))
          .containsExactly("routes[0].cors.origin[1]@5:36", "routes[0].cors.methods[1]@9:11");
    }

    @Test
    void duplicateKey_reported() throws Exception {
      ConfigFile file =
          ConfigFile.parse(
              "c.yaml", "origin: true\nmaxAge: 5\norigin: false\n", ConfigFile.Format.YAML);

      assertThat(file.duplicates())
          .containsExactly(
              new ConfigFile.DuplicateKey("origin", new Location(3, 1), new Location(1, 1)));
    }

    @Test
    void syntaxError_isOneLine() {
      assertThatThrownBy(
              () ->
                  ConfigFile.parse("c.yaml", "origin: [a\nmethods: GET\n", ConfigFile.Format.YAML))
          .isInstanceOf(ConfigFileException.class)
          .hasMessageStartingWith("c.yaml:2:8: is not valid YAML: ")
          .hasMessageNotContaining("\n");
    }

    @Test
    void aTabIndentation_isLocatedAtTheTab() {
      assertThatThrownBy(
              () ->
                  ConfigFile.parse(
                      "c.yaml",
                      "origin: \"https://a.example\"\nmethods:\n\t- GET\ncredentials: true\n",
                      ConfigFile.Format.YAML))
          .isInstanceOf(ConfigFileException.class)
          .hasMessageStartingWith("c.yaml:3:1: is not valid YAML: ")
          .hasMessageContaining("TAB");
    }
  }

  @Test
  void format_byExtension_elseByContent() {
    assertThat(ConfigFile.Format.of("a.YML", "{}")).isEqualTo(ConfigFile.Format.YAML);
    assertThat(ConfigFile.Format.of("a.json", "origin: x")).isEqualTo(ConfigFile.Format.JSON);
    assertThat(ConfigFile.Format.of("cors", "  {\"origin\": 1}")).isEqualTo(ConfigFile.Format.JSON);
    assertThat(ConfigFile.Format.of("cors", "origin: true")).isEqualTo(ConfigFile.Format.YAML);
  }

  @Test
  void severity_isKeptFromTheCore() throws Exception {
    ConfigFile file = ConfigFile.parse("c.json", "{\"origin\": \"null\"}", ConfigFile.Format.JSON);
    CorsProblem problem = CorsConfig.read(file.tree()).problems().get(0);

    ConfigProblem placed = ConfigProblem.of(problem, file.locate(problem), null);

    assertThat(placed.severity()).isEqualTo(CorsProblem.Severity.WARNING);
    assertThat(placed.problem()).isSameAs(problem);
    assertThat(placed.toString())
        .startsWith("1:12: origin: \"null\" trusts every page whose origin is opaque");
  }
}
