package io.jcors;

import static io.jcors.CorsProblem.Severity.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option written {@code null} (a YAML key without a value, a template that rendered nothing)
 * is an error whose fix fits that option, in a single options object and in a route. A null was
 * once read as "absent" for the boolean and number options ({@code strict: null} silently turned
 * strict mode off), and {@code allowedHeaders: null} suggested {@code write "GET,POST"}, a method
 * list.
 */
class ConfigNullValuesTest {
  ConfigNullValuesTest() {}

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of(
            "origin",
            "is not a valid origin option",
            "use \"*\", true, false, an origin, a pattern, a regex, or a list of them"),
        Arguments.of(
            "methods",
            "is neither a string nor a list of strings",
            "write \"GET,POST\" or [\"GET\", \"POST\"]"),
        Arguments.of(
            "allowedHeaders",
            "is neither a string nor a list of strings",
            "write \"Content-Type,Authorization\" or [\"Content-Type\", \"Authorization\"]"),
        Arguments.of(
            "exposedHeaders",
            "is neither a string nor a list of strings",
            "write \"ETag,X-Total-Count\" or [\"ETag\", \"X-Total-Count\"]"),
        Arguments.of("credentials", "is not a boolean", "write true or false"),
        Arguments.of("maxAge", "is not a whole number", "write a number such as 600"),
        Arguments.of("preflightContinue", "is not a boolean", "write true or false"),
        Arguments.of("optionsSuccessStatus", "is not a whole number", "write a number such as 204"),
        Arguments.of("strict", "is not a boolean", "write true or false"),
        Arguments.of("debug", "is not a boolean", "write true or false"));
  }

  private static Map<String, Object> nullOption(String option) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(option, null);
    return map;
  }

  private static List<Tuple> problems(CorsConfig config) {
    return config.problems().stream()
        .map(p -> Tuple.tuple(p.severity(), p.option(), p.value(), p.reason(), p.fix()))
        .toList();
  }

  @ParameterizedTest(name = "{0}: null")
  @MethodSource("options")
  void nullOption_isAnError_withAFixForThatOption(String option, String reason, String fix) {
    CorsConfig config = CorsConfig.read(nullOption(option));

    assertThat(problems(config)).containsExactly(Tuple.tuple(ERROR, option, "null", reason, fix));
    assertThat(config.hasErrors()).isTrue();
  }

  @ParameterizedTest(name = "routes[0].cors.{0}: null")
  @MethodSource("options")
  void nullOption_inARoute_isAnError_withAFixForThatOption(
      String option, String reason, String fix) {
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("path", "/api/**");
    route.put("cors", nullOption(option));
    CorsConfig config = CorsConfig.read(Map.of("routes", List.of(route)));

    assertThat(problems(config))
        .containsExactly(Tuple.tuple(ERROR, "routes[0].cors." + option, "null", reason, fix));
  }

  @ParameterizedTest(name = "{0}: null beside routes")
  @ValueSource(strings = {"strict", "debug"})
  void nullStrictOrDebug_besideRoutes_isAnError(String option) {
    Map<String, Object> tree = nullOption(option);
    tree.put("routes", List.of(Map.of("path", "/api/**", "cors", Map.of())));
    CorsConfig config = CorsConfig.read(tree);

    assertThat(problems(config))
        .containsExactly(
            Tuple.tuple(ERROR, option, "null", "is not a boolean", "write true or false"));
  }
}
