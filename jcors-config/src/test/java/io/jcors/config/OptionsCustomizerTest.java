package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link OptionsCustomizer}: its Javadoc example, and the order and copies it promises. */
class OptionsCustomizerTest {
  OptionsCustomizerTest() {}

  @Test
  void example() {
    OptionsCustomizer longerCache = (path, options) -> options.maxAge(600);
    Map<String, Object> tree = Map.of("origin", "https://app.example.com");
    Map<String, Object> customized = OptionsCustomizer.customized(tree, List.of(longerCache));
    assertEquals(600L, customized.get("maxAge"));

    assertThat(tree).doesNotContainKey("maxAge"); // the tree read stays as it was
    assertThat(io.jcors.CorsConfig.read(customized).problems()).isEmpty();
  }

  @Test
  void noCustomizer_theTreeItself() {
    Map<String, Object> tree = Map.of("origin", "https://app.example.com");
    assertThat(OptionsCustomizer.customized(tree, List.of())).isSameAs(tree);
  }

  @Test
  void everyCustomizer_inOrder_forEachRouteWithCors_laterOnesSeeEarlierOnes() {
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("path", "/api/**");
    api.put("cors", Map.of("origin", "https://app.example.com"));
    Map<String, Object> tree = Map.of("routes", List.of(api, Map.of("path", "/static/**")));
    List<String> calls = new ArrayList<>();
    OptionsCustomizer first =
        (path, options) -> {
          calls.add("first " + path);
          options.maxAge(60);
        };
    OptionsCustomizer second =
        (path, options) -> calls.add("second " + path + " maxAge=" + options.get("maxAge"));

    Map<String, Object> customized = OptionsCustomizer.customized(tree, List.of(first, second));

    assertThat(calls).containsExactly("first /api/**", "second /api/** maxAge=60");
    List<?> routes = (List<?>) customized.get("routes");
    assertThat(((Map<?, ?>) ((Map<?, ?>) routes.get(0)).get("cors")).get("maxAge")).isEqualTo(60L);
    assertThat(routes.get(1)).isEqualTo(Map.of("path", "/static/**"));
  }

  @Test
  void propertyProblemListed() {
    String message =
        PropertyProblem.listed(
            "invalid jcors configuration",
            List.of(new PropertyProblem("jcors.max-age", "\"ten\"", "is not a number", null)));
    assertEquals(
        "invalid jcors configuration (1 problem)\n  - jcors.max-age: \"ten\" is not a number",
        message);

    assertEquals(
        "cors.yaml: invalid CORS configuration (2 problems)\n  - a\n  - b",
        PropertyProblem.listed("cors.yaml: invalid CORS configuration", List.of("a", "b")));
  }
}
