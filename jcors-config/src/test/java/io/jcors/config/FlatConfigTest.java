package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.Route;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flat key/value configurations (init-params, properties) read into trees and policies. */
class FlatConfigTest {
  /** An ordered map of keys and values. */
  private static Map<String, String> entries(String... keyValue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValue.length; i += 2) {
      map.put(keyValue[i], keyValue[i + 1]);
    }
    return map;
  }

  private static LoadedConfig read(String... keyValue) {
    return ConfigReader.readMap("init-params", entries(keyValue), OriginSources.none());
  }

  @Nested
  class Values {
    @Test
    void origin_commaList_keepsRegexesWithCommas() {
      assertThat(
              FlatConfig.origin(
                  "https://a.example, /^https:\\/\\/(a|b){1,2}\\.example$/i ,https://*.example.org"))
          .isEqualTo(
              List.of(
                  "https://a.example",
                  "/^https:\\/\\/(a|b){1,2}\\.example$/i",
                  "https://*.example.org"));
    }

    @Test
    void origin_singleValues_keepTheirConfigFileShape() {
      assertThat(FlatConfig.origin("true")).isEqualTo(true);
      assertThat(FlatConfig.origin("false")).isEqualTo(false);
      assertThat(FlatConfig.origin("*")).isEqualTo("*");
      assertThat(FlatConfig.origin("https://a.example")).isEqualTo("https://a.example");
      assertThat(FlatConfig.origin("/\\.example\\.com$/")).isEqualTo("/\\.example\\.com$/");
      assertThat(FlatConfig.origin("https://a.example,")).isEqualTo(List.of("https://a.example"));
    }

    @Test
    void tree_booleansAndNumbers_asAConfigFileWouldGiveThem() {
      assertThat(
              FlatConfig.read(
                      entries("credentials", "true", "maxAge", " 600 ", "methods", "GET,POST"))
                  .tree())
          .containsEntry("credentials", true)
          .containsEntry("maxAge", "600")
          .containsEntry("methods", "GET,POST");
    }

    @Test
    void routes_andOriginSourceSettings_asNestedObjects() {
      FlatConfig flat =
          FlatConfig.read(
              entries(
                  "routes[0].path", "/api/**",
                  "routes[0].cors.origin", "https://a.example,https://*.b.example",
                  "routes[0].cors.credentials", "true",
                  "routes[1].path", "/public/**",
                  "routes[1].cors", "{}",
                  "routes[2].path", "/db",
                  "routes[2].cors.origin.jdbc.refreshSeconds", "30",
                  "routes[2].cors.origin.jdbc.password", "\"12345\""));

      assertThat(flat.problems()).isEmpty();
      assertThat(flat.tree())
          .isEqualTo(
              Map.of(
                  "routes",
                  List.of(
                      Map.of(
                          "path",
                          "/api/**",
                          "cors",
                          Map.of(
                              "origin",
                              List.of("https://a.example", "https://*.b.example"),
                              "credentials",
                              true)),
                      Map.of("path", "/public/**", "cors", Map.of()),
                      Map.of(
                          "path",
                          "/db",
                          "cors",
                          Map.of(
                              "origin",
                              Map.of(
                                  "jdbc",
                                  Map.of(
                                      "refreshSeconds",
                                      new BigDecimal("30"),
                                      "password",
                                      "12345")))))));
    }
  }

  @Nested
  class Policies {
    @Test
    void routes_eachWithItsOwnPolicy() throws Exception {
      LoadedConfig config =
          read(
              "routes[0].path", "/api/**",
              "routes[0].cors.origin", "https://a.example, /^https:\\/\\/[a-z]+\\.b\\.example$/",
              "routes[1].path", "/public/**",
              "routes[1].cors", "{}",
              "routes[2].path", "/internal/**");

      assertThat(config.problems()).isEmpty();
      assertThat(config.policy().routes())
          .extracting(Route::path)
          .containsExactly("/api/**", "/public/**", "/internal/**");
      assertThat(Requests.allowOrigin(config.policy(), "/api/x", "https://x.b.example"))
          .isEqualTo("https://x.b.example");
      assertThat(Requests.allowOrigin(config.policy(), "/api/x", "https://evil.example")).isNull();
      assertThat(Requests.allowOrigin(config.policy(), "/public/x", "https://evil.example"))
          .isEqualTo("*");
      assertThat(Requests.allowOrigin(config.policy(), "/internal/x", "https://a.example"))
          .isNull();
    }

    @Test
    void problemsOfTheCore_areAtTheirKey() {
      LoadedConfig config =
          read(
              "origin", "https://*, /[/",
              "credentials", "yes",
              "maxAg", "5");

      assertThat(config.hasErrors()).isTrue();
      assertThat(config.problems())
          .extracting(p -> p.key() + " " + p.option())
          .containsExactlyInAnyOrder(
              "origin origin[0]", "origin origin[1]", "credentials credentials", "maxAg maxAg");
    }

    static Stream<Arguments> oneProblem() {
      return Stream.of(
          Arguments.of(
              "malformedRoutePath_isAtItsKey_withTheFix_andAPatternIsRead",
              List.of("routes[0].path", "/products/:id", "routes[1].path", "/files/:name.json"),
              "routes[1].path",
              "routes[1].path: \"/files/:name.json\" has a parameter that is not a whole"
                  + " segment (:name.json at index 7). Fix: a parameter is a whole"
                  + " segment (/files/:name); for part of a segment write *"
                  + " (/files/*.json)"),
          Arguments.of(
              "optionsOfARoute_areAtTheirKey",
              List.of("routes[0].path", "/api/**", "routes[0].cors.maxAg", "5"),
              "routes[0].cors.maxAg",
              "routes[0].cors.maxAg: is not a known option. Fix: did you mean \"maxAge\"?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneProblem")
    void oneProblem_atItsKey(String name, List<String> keyValues, String key, String problem) {
      ConfigProblem only = Problems.only(read(keyValues.toArray(String[]::new)));

      assertThat(only.key()).isEqualTo(key);
      assertThat(only).hasToString(problem);
    }
  }

  @Nested
  class Keys {
    static Stream<Arguments> shapeErrors() {
      return Stream.of(
          Arguments.of(
              "gapInAList_isAnError_atTheKeyThatMadeIt",
              List.of("routes[0].path", "/a", "routes[2].path", "/c"),
              "routes[0].path: routes[1] is missing, and a later entry is given. Fix: number"
                  + " the entries from 0 without gaps"),
          Arguments.of(
              "valueAndObjectAtOnePath_isAnError",
              List.of("origin", "https://a.example", "origin.jdbc.url", "jdbc:sqlite:x.db"),
              "origin.jdbc.url: origin is a value (origin) and has keys under it. Fix: keep the"
                  + " value or the keys under it, not both"),
          Arguments.of(
              "listAndObjectAtOnePath_isAnError",
              List.of("routes[0].path", "/a", "routes.path", "/b"),
              "routes.path: routes is a list (routes[0].path), and this key uses it as an object."
                  + " Fix: write every key under routes in one shape"),
          Arguments.of(
              "emptyObjectWithKeysUnderIt_isAnError",
              List.of("routes[0].path", "/a", "routes[0].cors", "{}", "routes[0].cors.origin", "*"),
              "routes[0].cors.origin: routes[0].cors is given as {} and has keys under it. Fix:"
                  + " keep one of the two"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeErrors")
    void keysOfTwoShapes_firstProblem(String name, List<String> keyValues, String problem) {
      assertThat(read(keyValues.toArray(String[]::new)).problems()).first().hasToString(problem);
    }

    @Test
    void unreadableKeys_eachAnError() {
      LoadedConfig config =
          read(
              "routes[x].path", "/a",
              "routes[0]cors", "{}",
              ".origin", "*",
              "a..b", "1",
              "routes[1000].path", "/a");

      assertThat(config.problems())
          .extracting(ConfigProblem::toString)
          .contains(
              "routes[x].path: is not an option path. Fix: write option names joined by dots,"
                  + " with list indexes in brackets, as in routes[0].cors.origin",
              "routes[0]cors: is not an option path. Fix: write option names joined by dots,"
                  + " with list indexes in brackets, as in routes[0].cors.origin",
              ".origin: is not an option path. Fix: write option names joined by dots, with"
                  + " list indexes in brackets, as in routes[0].cors.origin",
              "a..b: is not an option path. Fix: write option names joined by dots, with list"
                  + " indexes in brackets, as in routes[0].cors.origin",
              "routes[1000].path: has the index 1000; a list in a flat configuration has at most"
                  + " 1000 entries. Fix: number the entries from 0");
    }

    @Test
    void controlCharactersInKeys_areEscaped() {
      LoadedConfig config = read("origin\nWARNING: forged", "*");

      assertThat(config.problems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.toString()).doesNotContain("\n"));
    }
  }
}
