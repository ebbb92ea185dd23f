package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CorsConfig.Option} is the list the config-file reader goes by: every option in it is read,
 * with the kind of value the list gives it, and a name not in it is refused with the list as the
 * fix. The flat-map reader and the frameworks' properties take the names and kinds from it, so a
 * mismatch here would reach every one of them.
 */
class CorsConfigOptionTest {
  CorsConfigOptionTest() {}

  private static final String UNKNOWN = "is not a known option";

  @Test
  void theOptions_areExpresssNames_inTheDocumentedOrder() {
    assertThat(Arrays.stream(CorsConfig.Option.values()).map(CorsConfig.Option::key))
        .containsExactly(
            "origin",
            "methods",
            "allowedHeaders",
            "exposedHeaders",
            "credentials",
            "maxAge",
            "preflightContinue",
            "optionsSuccessStatus",
            "strict",
            "debug");
  }

  @Test
  void aNameNotInTheList_isRefused_andTheFixNamesExactlyTheList() {
    List<CorsProblem> problems = CorsConfig.read(Map.of("zzzzzzzzzzzz", 1)).problems();

    TreeSet<String> keys = new TreeSet<>();
    for (CorsConfig.Option option : CorsConfig.Option.values()) {
      keys.add(option.key());
    }
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).reason()).isEqualTo(UNKNOWN);
    assertThat(problems.get(0).fix()).isEqualTo("the known options are " + String.join(", ", keys));
  }

  @ParameterizedTest
  @EnumSource(CorsConfig.Option.class)
  void everyOption_isRead_asTheKindTheListGivesIt(CorsConfig.Option option) {
    List<CorsProblem> right = CorsConfig.read(Map.of(option.key(), rightValue(option))).problems();
    List<CorsProblem> wrong = CorsConfig.read(Map.of(option.key(), wrongValue(option))).problems();

    assertThat(right).extracting(CorsProblem::reason).doesNotContain(UNKNOWN, wrongKind(option));
    assertThat(wrong)
        .filteredOn(problem -> problem.option().equals(option.key()))
        .extracting(CorsProblem::reason)
        .containsExactly(wrongKind(option));
  }

  /** A value of the option's kind. */
  private static Object rightValue(CorsConfig.Option option) {
    if (option == CorsConfig.Option.ORIGIN) {
      return List.of("https://app.example.com");
    }
    if (option.isList()) {
      return List.of("X-Custom");
    }
    if (option.isBoolean()) {
      return false;
    }
    return 204; // a status, and seconds too
  }

  /**
   * A value of another kind: an object (a number for {@code origin}, where an object names an
   * origin source).
   */
  private static Object wrongValue(CorsConfig.Option option) {
    return option == CorsConfig.Option.ORIGIN ? (Object) 5 : Map.of("x", 1);
  }

  /** The reason the reader gives for {@link #wrongValue}. */
  private static String wrongKind(CorsConfig.Option option) {
    if (option == CorsConfig.Option.ORIGIN) {
      return "is not a valid origin option";
    }
    if (option.isList()) {
      return "is neither a string nor a list of strings";
    }
    if (option.isBoolean()) {
      return "is not a boolean";
    }
    return "is not a whole number";
  }
}
