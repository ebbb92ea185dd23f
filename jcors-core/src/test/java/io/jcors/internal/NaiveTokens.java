package io.jcors.internal;

/**
 * A naive reference for comma-separated token lists (RFC 9110 sections 5.6.1 and 5.6.2), written
 * with {@link String#split}: {@link TokensFuzzTest} holds the one-pass scanner of {@link Tokens} to
 * it.
 */
public final class NaiveTokens {
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private NaiveTokens() {}

  public static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (char c : s.toCharArray()) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !digit && TCHAR_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} without the spaces and tabs (RFC 9110 OWS) at either end. */
  public static String trimOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  /** At most {@code maxLength} chars; each element empty or a token; at least one token. */
  public static boolean isTokenList(String value, int maxLength) {
    if (value.length() > maxLength) {
      return false;
    }
    boolean sawToken = false;
    for (String element : value.split(",", -1)) {
      String name = trimOws(element);
      if (name.isEmpty()) {
        continue;
      }
      if (!isToken(name)) {
        return false;
      }
      sawToken = true;
    }
    return sawToken;
  }

  /** Whether the token list {@code value} has an element equal to {@code name}, ignoring case. */
  public static boolean listContainsIgnoreCase(String value, String name) {
    for (String element : value.split(",", -1)) {
      if (trimOws(element).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
