package io.jcors.check;

/**
 * Text made safe for a terminal: every character that is not printable is written as a {@code
 * \}{@code uXXXX} escape, so that bytes a server sent (a header value, a redirect target, an error
 * message) cannot move the cursor, clear the screen, reorder what follows or forge a line. The
 * report of {@link CheckReport#toText()} and every message of the {@code jcors} command line go
 * through {@link #escape(String)}.
 *
 * <pre>{@code
 * assertEquals("a\\u001b[2Jb", PrintableText.escape("a\u001b[2Jb"));
 * assertEquals("https://app.example.com", PrintableText.escape("https://app.example.com"));
 * }</pre>
 */
public final class PrintableText {
  private PrintableText() {}

  /**
   * Whether {@code codePoint} is printed as itself. Not printable: the C0 and C1 controls and DEL
   * (ESC, BEL, BS, NUL, CSI {@code U+009B}, also tab, CR and LF), the format characters (the bidi
   * overrides and isolates {@code U+202A}-{@code U+202E} and {@code U+2066}-{@code U+2069}, the
   * marks {@code U+200E}, {@code U+200F} and {@code U+061C}, zero-width characters, {@code
   * U+FEFF}), the line and paragraph separators {@code U+2028} and {@code U+2029}, lone surrogates
   * and unassigned code points.
   */
  public static boolean isPrintable(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
        return false;
      default:
        return true;
    }
  }

  /**
   * {@code text} with every character that is not {@linkplain #isPrintable(int) printable} written
   * as {@code \}{@code uXXXX} (lower-case hex; two escapes for a code point above {@code U+FFFF});
   * printable text, backslashes included, is returned as it is.
   */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (!isPrintable(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    if (i == text.length()) {
      return text; // the usual case: nothing to escape, nothing copied
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int n = Character.charCount(c);
      if (isPrintable(c)) {
        out.appendCodePoint(c);
      } else {
        for (int j = i; j < i + n; j++) {
          appendEscape(out, text.charAt(j));
        }
      }
      i += n;
    }
    return out.toString();
  }

  /** Appends {@code \}{@code uXXXX} for {@code c}. */
  static void appendEscape(StringBuilder out, char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u");
    for (int k = hex.length(); k < 4; k++) {
      out.append('0');
    }
    out.append(hex);
  }
}
