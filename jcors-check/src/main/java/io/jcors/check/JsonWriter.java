package io.jcors.check;

import java.util.List;

/** A minimal JSON writer (RFC 8259): objects, arrays, strings, booleans, numbers, null. */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private boolean needsComma;

  JsonWriter beginObject() {
    separator();
    out.append('{');
    needsComma = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    needsComma = true;
    return this;
  }

  JsonWriter beginArray() {
    separator();
    out.append('[');
    needsComma = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    needsComma = true;
    return this;
  }

  JsonWriter name(String name) {
    separator();
    string(name);
    out.append(':');
    needsComma = false;
    return this;
  }

  JsonWriter value(String value) {
    separator();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    needsComma = true;
    return this;
  }

  JsonWriter value(boolean value) {
    separator();
    out.append(value);
    needsComma = true;
    return this;
  }

  JsonWriter value(long value) {
    separator();
    out.append(value);
    needsComma = true;
    return this;
  }

  JsonWriter nullValue() {
    separator();
    out.append("null");
    needsComma = true;
    return this;
  }

  JsonWriter strings(List<String> values) {
    beginArray();
    for (String value : values) {
      value(value);
    }
    return endArray();
  }

  private void separator() {
    if (needsComma) {
      out.append(',');
      needsComma = false;
    }
  }

  /**
   * A JSON string. Besides what RFC 8259 requires ({@code "}, {@code \}, U+0000-U+001F), every
   * character {@link PrintableText} does not print is escaped as {@code \}{@code uXXXX}: the output
   * stays valid JSON with the same value, and printed raw to a terminal it cannot move the cursor
   * or reorder text.
   */
  private void string(String value) {
    out.append('"');
    int i = 0;
    while (i < value.length()) {
      int c = value.codePointAt(i);
      int n = Character.charCount(c);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (PrintableText.isPrintable(c)) {
            out.appendCodePoint(c);
          } else {
            for (int j = i; j < i + n; j++) {
              PrintableText.appendEscape(out, value.charAt(j));
            }
          }
      }
      i += n;
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
