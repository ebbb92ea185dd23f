package io.jcors.check;

/**
 * The string operations of the WHATWG Infra standard and of Fetch, for the strings the check reads
 * from the wire and from a page: header names and values are byte strings (one char per byte,
 * ISO-8859-1), and their case and whitespace rules are ASCII-only. Java's own {@link
 * String#strip()}, {@link String#toLowerCase()} and {@link String#equalsIgnoreCase(String)} are
 * Unicode-aware and differ (strip removes vertical tab, form feed and U+001C-U+001F;
 * equalsIgnoreCase folds {@code À} to {@code à}), so they are not used on such strings.
 */
final class Infra {
  private Infra() {}

  /** Fetch "HTTP whitespace": U+0009 TAB, U+000A LF, U+000D CR, U+0020 SPACE. */
  static boolean isHttpWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Fetch "HTTP tab or space": U+0009 and U+0020 (RFC 9110 OWS). */
  static boolean isHttpTabOrSpace(char c) {
    return c == ' ' || c == '\t';
  }

  /** Infra "ASCII digit". */
  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Infra "ASCII alpha". */
  static boolean isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Infra "ASCII hex digit". */
  static boolean isAsciiHexDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Infra "ASCII whitespace": TAB, LF, FF, CR, SPACE (no vertical tab). */
  static boolean isAsciiWhitespace(char c) {
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  }

  /**
   * Fetch "normalize" a header value: remove leading and trailing HTTP whitespace bytes; vertical
   * tab, form feed and other controls stay.
   */
  static String stripHttpWhitespace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isHttpWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Removes HTTP tab or space (RFC 9110 OWS) at both ends. */
  static String stripHttpTabOrSpace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isHttpTabOrSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isHttpTabOrSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Infra "ASCII lowercase" (Fetch "byte-lowercase"): only A-Z change. */
  static String asciiLowercase(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = value.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return value;
  }

  /** Infra "ASCII uppercase" (Fetch "byte-uppercase"): only a-z change. */
  static String asciiUppercase(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** Infra "ASCII case-insensitive" match (Fetch "byte-case-insensitive"). */
  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && lower(x) != lower(y)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} starts with {@code prefix}, ASCII case-insensitively. */
  static boolean asciiStartsWithIgnoreCase(String value, String prefix) {
    return value.length() >= prefix.length()
        && asciiEqualsIgnoreCase(value.substring(0, prefix.length()), prefix);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Whether every char is an ASCII digit (and there is at least one). */
  static boolean isAsciiDigits(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isAsciiDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} is a byte string: every char at most U+00FF. */
  static boolean isByteString(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
