package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz tests of the {@code Access-Control-Request-Headers} scanner ({@link Tokens}) against the
 * naive reference {@link NaiveTokens} (S17). The corpus is in {@code
 * src/test/resources/io/jcors/internal/TokensFuzzTestInputs/<method>/}.
 */
class TokensFuzzTest {
  TokensFuzzTest() {}

  /** The whole input a header value: the one-pass scanner agrees with split-and-check. */
  @FuzzTest(maxDuration = "60s")
  void tokenList(byte[] data) {
    String value = FuzzInput.text(data);
    for (int max : new int[] {0, 16, 8192}) {
      assertThat(Tokens.isTokenList(value, max))
          .as("\"%s\" within %d chars", value, max)
          .isEqualTo(NaiveTokens.isTokenList(value, max));
    }
    assertThat(Tokens.isToken(value)).isEqualTo(NaiveTokens.isToken(value));
  }

  /** Line 1 a token list, line 2 a name: membership agrees with the reference. */
  @FuzzTest(maxDuration = "30s")
  void listContains(byte[] data) {
    List<String> fields = FuzzInput.fields(data, 2);
    String value = fields.get(0);
    String name = fields.get(1);
    if (!Tokens.isTokenList(value, Integer.MAX_VALUE) || !Tokens.isToken(name)) {
      return;
    }
    assertThat(Tokens.listContainsIgnoreCase(value, name))
        .as("\"%s\" in \"%s\"", name, value)
        .isEqualTo(NaiveTokens.listContainsIgnoreCase(value, name));
  }
}
