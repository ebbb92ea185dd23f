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

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
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
          if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !validSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
