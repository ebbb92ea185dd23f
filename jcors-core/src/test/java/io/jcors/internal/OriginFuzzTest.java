package io.jcors.internal;

import static io.jcors.internal.NaiveOrigins.reference;
import static io.jcors.internal.NaiveOrigins.referenceReflectable;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jcors.CorsConfigException;
import io.jcors.Origins;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzz tests of the origin parsers and matchers against the naive reference {@link NaiveOrigins}
 * (S4, S5, S9, S15). Without {@code JAZZER_FUZZ} they replay the committed corpus in {@code
 * src/test/resources/io/jcors/internal/OriginFuzzTestInputs/<method>/}; each input is UTF-8 text
 * whose lines are the fields ({@link FuzzInput}).
 */
class OriginFuzzTest {
  OriginFuzzTest() {}

  /**
   * Line 1 a pattern, line 2 an origin: the pattern either parses or is refused with a reason, and
   * a parsed pattern matches exactly what the reference matches.
   */
  @FuzzTest(maxDuration = "60s")
  void patternMatcher(byte[] data) {
    List<String> fields = FuzzInput.fields(data, 2);
    String source = fields.get(0);
    String origin = fields.get(1);
    OriginPattern pattern;
    try {
      pattern = OriginPattern.parse(source);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("reason for %s", source).isNotBlank();
      return;
    }
    assertThat(source).contains("*");
    assertThat(pattern.matches(origin))
        .as("pattern \"%s\", origin \"%s\"", source, origin)
        .isEqualTo(reference(source, origin));
  }

  /**
   * The origin syntax checks used on configurations: they never throw, and whatever they accept as
   * a serialized origin is one the request side may reflect.
   */
  @FuzzTest(maxDuration = "30s")
  void originSyntax(byte[] data) {
    String s = FuzzInput.text(data);
    String reason = OriginSyntax.whyNotSerialized(s);
    OriginSyntax.hostOf(s);
    OriginSyntax.schemeOf(s);
    assertThat(OriginSyntax.isReflectable(s)).isEqualTo(referenceReflectable(s));
    if (reason == null) {
      assertThat(s.length()).isLessThanOrEqualTo(OriginSyntax.MAX_LENGTH);
      assertThat(referenceReflectable(s)).as("serialized origin \"%s\"", s).isTrue();
    }
  }

  /**
   * Every line but the last an entry of an origin list (exact origins and patterns), the last line
   * the request's origin: {@link Origins#allows} agrees with the reference, and never allows an
   * origin that could not be reflected.
   */
  @FuzzTest(maxDuration = "60s")
  void originList(byte[] data) {
    List<String> fields = FuzzInput.fields(data, 2);
    List<String> entries = fields.subList(0, fields.size() - 1);
    String origin = fields.get(fields.size() - 1);
    Origins origins;
    try {
      origins = Origins.of(entries);
    } catch (CorsConfigException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    Set<String> exact = new LinkedHashSet<>();
    List<String> patterns = new ArrayList<>();
    for (String entry : entries) {
      (entry.indexOf('*') >= 0 ? patterns : exact).add(entry);
    }
    boolean expected =
        referenceReflectable(origin)
            && (exact.contains(origin) || patterns.stream().anyMatch(p -> reference(p, origin)));
    assertThat(origins.allows(origin))
        .as("list %s, origin \"%s\"", entries, origin)
        .isEqualTo(expected);
  }
}
