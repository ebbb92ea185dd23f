package io.jcors.internal;

/**
 * A naive reference for origin patterns and reflectable origins, written from the README's pattern
 * syntax and the S4/S5/S9/S15 rows of docs/security.md: split the origin into scheme, host and port
 * with plain string operations, then compare. Slow and obvious on purpose; {@link
 * OriginPatternPropertyTest} and {@link OriginFuzzTest} hold the optimized matcher to it.
 */
final class NaiveOrigins {
  private NaiveOrigins() {}

  /** scheme, host, port (null when absent); null when the text has no "://" or junk after host. */
  static String[] split(String s) {
    int sep = s.indexOf("://");
    if (sep < 0) {
      return null;
    }
    String scheme = s.substring(0, sep);
    String rest = s.substring(sep + 3);
    String host;
    String after;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = rest.substring(0, close + 1);
      after = rest.substring(close + 1);
    } else {
      int colon = rest.indexOf(':');
      host = colon < 0 ? rest : rest.substring(0, colon);
      after = colon < 0 ? "" : rest.substring(colon);
    }
    if (after.isEmpty()) {
      return new String[] {scheme, host, null};
    }
    if (!after.startsWith(":")) {
      return null;
    }
    return new String[] {scheme, host, after.substring(1)};
  }

  /** 1 to 5 digits, no leading zero (except "0" itself), at most 65535. */
  static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (char c : port.toCharArray()) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (port.length() > 1 && port.startsWith("0")) {
      return false;
    }
    return Integer.parseInt(port) <= 65535;
  }

  /** A label of a serialized host: non-empty, lower-case letters, digits, '-' and '_'. */
  static boolean validLabel(String label) {
    if (label.isEmpty()) {
      return false;
    }
    for (char c : label.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code origin} matches the pattern {@code pattern} (already known to parse). */
  static boolean reference(String pattern, String origin) {
    String[] p = split(pattern);
    String[] o = split(origin);
    if (o == null || !o[0].equals(p[0])) {
      return false;
    }
    boolean portOk;
    if (p[2] == null) {
      portOk = o[2] == null;
    } else if (p[2].equals("*")) {
      portOk = o[2] == null || validPort(o[2]);
    } else {
      portOk = o[2] != null && validPort(o[2]) && Integer.parseInt(o[2]) == Integer.parseInt(p[2]);
    }
    if (!portOk) {
      return false;
    }
    if (!p[1].startsWith("*.")) {
      return o[1].equals(p[1]);
    }
    String suffix = p[1].substring(1); // ".example.com"
    if (!o[1].endsWith(suffix)) {
      return false;
    }
    String labels = o[1].substring(0, o[1].length() - suffix.length());
    if (labels.isEmpty()) {
      return false;
    }
    for (String label : labels.split("\\.", -1)) {
      if (!validLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** What Origins may ever reflect: 1 to 326 visible ASCII characters without a comma. */
  static boolean referenceReflectable(String origin) {
    if (origin.isEmpty() || origin.length() > 326) {
      return false;
    }
    for (char c : origin.toCharArray()) {
      if (c <= ' ' || c >= 127 || c == ',') {
        return false;
      }
    }
    return true;
  }
}
