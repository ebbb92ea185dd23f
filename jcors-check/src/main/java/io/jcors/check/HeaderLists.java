package io.jcors.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Header-value syntax: RFC 9110 tokens and {@code #rule} lists, as Fetch reads them. */
final class HeaderLists {
  private HeaderLists() {}

  /** RFC 9110 section 5.6.2 {@code token}: one or more tchar. */
  static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean tchar =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  static List<String> splitCommas(String value) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == ',') {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    return parts;
  }

  /** The result of Fetch "extract header list values" for a {@code #token} list header. */
  record Extracted(boolean present, List<String> values, String invalidElement) {
    boolean failed() {
      return invalidElement != null;
    }

    boolean contains(String item) {
      return values.contains(item);
    }

    boolean containsIgnoreCase(String item) {
      for (String value : values) {
        if (value.equalsIgnoreCase(item)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Fetch "extract header list values" for {@code Access-Control-Allow-Methods} ({@code #method})
   * and {@code -Allow-Headers} / {@code -Expose-Headers} ({@code #field-name}): all lines joined,
   * split at commas, optional whitespace trimmed, empty elements skipped; any element that is not a
   * token makes the whole header fail (F17).
   */
  static Extracted extract(List<String> lines) {
    if (lines.isEmpty()) {
      return new Extracted(false, List.of(), null);
    }
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String part : splitCommas(line)) {
        String element = trimOws(part);
        if (element.isEmpty()) {
          continue;
        }
        if (!isToken(element)) {
          return new Extracted(true, List.copyOf(values), element);
        }
        values.add(element);
      }
    }
    return new Extracted(true, List.copyOf(values), null);
  }

  /** Removes RFC 9110 optional whitespace (spaces and tabs) at both ends. */
  static String trimOws(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
