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
    Pattern pattern = FuzzInput.regex(data);
    if (pattern == null) {
      return;
    }
    String written = JsRegex.literal(pattern);
    assertThat(JsRegex.isLiteral(written)).isTrue();
    assertThat(JsRegex.compile(written).pattern()).isEqualTo(pattern.pattern());
    JsRegex.isAnchored(pattern);
    JsRegex.hasUnescapedDot(pattern);
  }
}
