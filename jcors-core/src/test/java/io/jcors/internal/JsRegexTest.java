package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsRegexTest {
  @ParameterizedTest(name = "{0} anchored: {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "^https://app\\.example\\.com$ true",
        "^https://(?:a|b)\\.example\\.com$ true",
        "^https://a\\.example\\.com$|^https://b\\.example\\.com$ true",
        "^https://[|]\\.example\\.com$ true",
        "^https://a\\|b\\.example\\.com$ true",
        "^https://a\\.example\\.com|b\\.example\\.com$ false",
        "^https://(a)|(b)\\.example\\.com$ false",
        "^https://a\\.example\\.com$|b\\.example\\.com false",
        "example\\.com$ false",
        "^https://example\\.com false",
        "^https://example\\.com\\$ false",
        "^https://example\\.com\\\\$ true",
        "^https://example\\.com$| false",
        "^ false",
      })
  void isAnchored_everyTopLevelAlternativeAtBothEnds(String regex, boolean anchored) {
    assertThat(JsRegex.isAnchored(Pattern.compile(regex))).isEqualTo(anchored);
  }

  @ParameterizedTest(name = "{0} anchored is {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "example\\.com$ ^https:\\/\\/example\\.com$",
        "^https:\\/\\/app\\.example\\.com ^https:\\/\\/app\\.example\\.com$",
        "https://a\\.example|https://b\\.example ^(?:https://a\\.example|https://b\\.example)$",
        "^https://example\\.com\\$ ^https://example\\.com\\$$",
        ".* NONE",
        "^https://.+\\.example\\.com NONE",
        "a\\.example|b\\.example NONE",
      })
  void anchored_buildsTheFixFromTheUsersRegex(String regex, String expected) {
    Pattern anchored = JsRegex.anchored(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    if (expected.equals("NONE")) {
      assertThat(anchored).isNull();
    } else {
      assertThat(anchored.pattern()).isEqualTo(expected);
      assertThat(anchored.flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
      assertThat(JsRegex.isAnchored(anchored)).isTrue();
    }
  }
}
