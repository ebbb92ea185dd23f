package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is printed as itself and what is escaped, character class by character class. */
class PrintableTextTest {
  PrintableTextTest() {}

  static Stream<Arguments> escaped() {
    return Stream.of(
        Arguments.of("ESC: clear screen", "a\u001b[2Jb", "a\\u001b[2Jb"),
        Arguments.of("NUL", "a\u0000b", "a\\u0000b"),
        Arguments.of("BEL", "a\u0007", "a\\u0007"),
        Arguments.of("BS over text", "ok\b\bno", "ok\\u0008\\u0008no"),
        Arguments.of("DEL", "a\u007f", "a\\u007f"),
        Arguments.of("tab, CR, LF", "a\tb\rc\nd", "a\\u0009b\\u000dc\\u000ad"),
        Arguments.of("C1: CSI", "\u009b2J", "\\u009b2J"),
        Arguments.of("C1: first and last", "\u0080\u009f", "\\u0080\\u009f"),
        Arguments.of("bidi override", "abc\u202edcba", "abc\\u202edcba"),
        Arguments.of("bidi isolate", "\u2066x\u2069", "\\u2066x\\u2069"),
        Arguments.of("bidi marks", "\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
        Arguments.of("zero width and BOM", "a\u200bb\ufeff", "a\\u200bb\\ufeff"),
        Arguments.of("line and paragraph separators", "a\u2028b\u2029", "a\\u2028b\\u2029"),
        Arguments.of("lone surrogate", "a\ud800b", "a\\ud800b"),
        Arguments.of("tag character (above U+FFFF)", "a\udb40\udc41", "a\\udb40\\udc41"),
        Arguments.of("unassigned", "\u0378", "\\u0378"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escaped")
  void notPrintable_isEscaped(String description, String text, String expected) {
    String escaped = PrintableText.escape(text);

    assertThat(escaped).isEqualTo(expected);
    assertThat(escaped.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("printable")
  void printable_isReturnedAsItIs(String text) {
    assertThat(PrintableText.escape(text)).isSameAs(text);
  }

  static Stream<String> printable() {
    return Stream.of(
        "https://app.example.com",
        "/^https:\\/\\/[a-z]+\\.example\\.com$/",
        "caf\u00e9 \u65e5\u672c",
        "\ud83d\ude00 emoji",
        "\u00a0no-break space",
        "");
  }
}
