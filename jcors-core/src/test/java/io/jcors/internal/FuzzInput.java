package io.jcors.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
