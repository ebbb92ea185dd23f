package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;

/**
 * Fuzz test of the regex-string parser ({@link JsRegex}): whatever a config file holds, it either
 * compiles or fails with an {@link IllegalArgumentException} whose message is the reason, never
 * anything else. The corpus is in {@code
 * src/test/resources/io/jcors/internal/JsRegexFuzzTestInputs/compile/}.
 */
class JsRegexFuzzTest {
  JsRegexFuzzTest() {}

  @FuzzTest(maxDuration = "60s")
  void compile(byte[] data) {
    String literal = FuzzInput.text(data);
    if (!JsRegex.isLiteral(literal)) {
      return;
    }
    Pattern pattern;
    try {
      pattern = JsRegex.compile(literal);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("reason for %s", literal).isNotBlank();
      return;
    }
    String written = JsRegex.literal(pattern);
    assertThat(JsRegex.isLiteral(written)).isTrue();
    assertThat(JsRegex.compile(written).pattern()).isEqualTo(pattern.pattern());
    JsRegex.isAnchored(pattern);
    JsRegex.hasUnescapedDot(pattern);
  }
}
