package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsParseTest {
  @Test
  void javadocExample_runs() {
    Origins origins =
        Origins.parse(
            List.of(
                "https://app.example.com",
                "https://*.example.org",
                "/^https:\\/\\/[a-z]+\\.example\\.net$/"));
    assertTrue(origins.allows("https://shop.example.net"));
  }

  @Test
  void parse_exactPatternAndRegex_matchAsTheConfigFileDoes() {
    Origins origins =
        Origins.parse(
            List.of(
                "https://app.example.com", "https://*.example.org", "/^http:\\/\\/a\\.test$/i"));
    assertThat(origins.allows("https://app.example.com")).isTrue();
    assertThat(origins.allows("https://admin.example.org")).isTrue();
    assertThat(origins.allows("https://example.org")).isFalse();
    assertThat(origins.allows("HTTP://A.TEST")).isTrue();
    assertThat(origins.allows("https://evil.example")).isFalse();
    assertThat(origins.toString())
        .isEqualTo(
            "[\"https://app.example.com\", \"https://*.example.org\", /^http:\\/\\/a\\.test$/i]");
  }

  @Test
  void parse_emptyList_matchesNothing() {
    assertThat(Origins.parse(List.of()).allows("https://app.example.com")).isFalse();
  }

  @Test
  void parse_malformedEntries_listsEveryProblemWithItsIndex() {
    assertThatThrownBy(
            () -> Origins.parse(Arrays.asList("https://ok.example", "/a/g", "*", null, "/(/")))
        .isInstanceOfSatisfying(
            CorsConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(CorsProblem::option)
                    .containsExactlyInAnyOrder("origin[1]", "origin[2]", "origin[3]", "origin[4]"));
  }
}
