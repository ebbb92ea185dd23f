package io.jcors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP tokens and comma-separated token lists (RFC 9110 section 5.6.1 lists, 5.6.2 tokens).
 *
 * <p>The scanning methods run on untrusted request headers: they make one pass over the value,
 * allocate nothing, and give up as soon as the value exceeds its length bound.
 */
public final class Tokens {
  /** {@code tchar} of RFC 9110 section 5.6.2, indexed by ASCII code. */
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) TCHAR[c] = true;
    for (char c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
  }

  private Tokens() {}

  /** Whether {@code c} may appear in a token. */
  public static boolean isTokenChar(char c) {
    return c < 128 && TCHAR[c];
  }

  /** Whether {@code s} is a non-empty token. */
  public static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code value} is a list of tokens separated by commas, with optional spaces and tabs
   * around each element and empty elements tolerated (RFC 9110 section 5.6.1), holding at least one
   * token, and no longer than {@code maxLength}. Such a value can be echoed in a response without
   * passing on any byte a browser would not parse as a field-name list.
   */
  public static boolean isTokenList(String value, int maxLength) {
    if (value == null || value.length() > maxLength) {
      return false;
    }
    boolean sawToken = false;
    // States: 0 = before a token (OWS allowed), 1 = inside a token, 2 = after a token (OWS).
    int state = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',') {
        state = 0;
      } else if (c == ' ' || c == '\t') {
        if (state == 1) {
          state = 2;
        }
      } else if (isTokenChar(c)) {
        if (state == 2) {
          return false; // two tokens separated by whitespace only
        }
        state = 1;
        sawToken = true;
      } else {
        return false;
      }
    }
    return sawToken;
  }

  /**
   * Whether the comma-separated list {@code value} (already known to be a token list) has an
   * element equal to {@code name}, ignoring ASCII case. Allocation-free.
   */
  public static boolean listContainsIgnoreCase(String value, String name) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n
          && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < n && isTokenChar(value.charAt(i))) {
        i++;
      }
      if (i - start == name.length() && value.regionMatches(true, start, name, 0, name.length())) {
        return true;
      }
      while (i < n && value.charAt(i) != ',') {
        i++;
      }
    }
    return false;
  }

  /**
   * Splits a configured list ({@code "GET, POST"}) into its elements, trimmed of spaces and tabs.
   * Empty elements are kept as empty strings so that validation can report them.
   */
  public static List<String> splitConfigList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      out.add(part.strip());
    }
    return out;
  }

  /** ASCII lower case, independent of the default locale. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** ASCII upper case, independent of the default locale. */
  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
