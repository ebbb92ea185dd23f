package io.jcors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the fuzz tests read their raw input: UTF-8 text (malformed bytes become U+FFFD, so every
 * control byte and non-ASCII character still reaches the code under test), split into fields at
 * line feeds. Corpus files stay readable and can be written by hand.
 */
public final class FuzzInput {
  private FuzzInput() {}

  /** The input as text. */
  public static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * The input as a JavaScript regex literal ({@code /source/flags}), compiled; null when it is not
   * one, or when {@link JsRegex#compile} refuses it, which it must do with a reason.
   */
  public static Pattern regex(byte[] data) {
    String literal = text(data);
    if (!JsRegex.isLiteral(literal)) {
      return null;
    }
    try {
      return JsRegex.compile(literal);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("reason for %s", literal).isNotBlank();
      return null;
    }
  }

  /** The input's lines; at least {@code min} of them (missing ones are empty). */
  public static List<String> fields(byte[] data, int min) {
    String[] lines = text(data).split("\n", -1);
    if (lines.length < min) {
      lines = Arrays.copyOf(lines, min);
      for (int i = 0; i < min; i++) {
        if (lines[i] == null) {
          lines[i] = "";
        }
      }
    }
    return Arrays.asList(lines);
  }
}
