package io.jcors.check;

import java.util.ArrayList;
import java.util.List;

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
          Infra.isAsciiDigit(c) || Infra.isAsciiAlpha(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  /** Splits at every comma, quotes or not. */
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

  /**
   * Fetch "get, decode, and split" on a value: split at the commas that are not inside an HTTP
   * quoted string, each element with HTTP tab or space trimmed. Quotes stay in the element ({@code
   * "TRACE"} is not the method {@code TRACE}); an unterminated quoted string runs to the end.
   */
  static List<String> getDecodeSplit(String input) {
    List<String> values = new ArrayList<>();
    StringBuilder temporary = new StringBuilder();
    int position = 0;
    while (true) {
      while (position < input.length()
          && input.charAt(position) != '"'
          && input.charAt(position) != ',') {
        temporary.append(input.charAt(position++));
      }
      if (position < input.length() && input.charAt(position) == '"') {
        // Fetch "collect an HTTP quoted string" with extract-value false: the quotes are kept.
        int start = position++;
        while (position < input.length()) {
          char c = input.charAt(position);
          if (c == '\\') {
            position = Math.min(position + 2, input.length());
          } else if (c == '"') {
            position++;
            break;
          } else {
            position++;
          }
        }
        temporary.append(input, start, position);
        if (position < input.length()) {
          continue;
        }
      }
      values.add(Infra.stripHttpTabOrSpace(temporary.toString()));
      temporary.setLength(0);
      if (position >= input.length()) {
        return values;
      }
      position++; // the comma
    }
  }

  /** The result of Fetch "extract header list values" for a {@code #token} list header. */
  record Extracted(boolean present, List<String> values, String invalidElement) {
    boolean failed() {
      return invalidElement != null;
    }

    boolean contains(String item) {
      return values.contains(item);
    }

    /** Byte-case-insensitive membership, as Fetch compares header names. */
    boolean containsIgnoreCase(String item) {
      for (String value : values) {
        if (Infra.asciiEqualsIgnoreCase(value, item)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Fetch "extract header list values" for {@code Access-Control-Allow-Methods} ({@code #method})
   * and {@code -Allow-Headers} / {@code -Expose-Headers} ({@code #field-name}): all lines joined,
   * split at commas, optional whitespace trimmed, empty elements skipped (the RFC 9110 section
   * 5.6.1 list rule); any element that is not a token makes the whole header fail (F17).
   */
  static Extracted extract(List<String> lines) {
    if (lines.isEmpty()) {
      return new Extracted(false, List.of(), null);
    }
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String part : splitCommas(line)) {
        String element = Infra.stripHttpTabOrSpace(part);
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
}
