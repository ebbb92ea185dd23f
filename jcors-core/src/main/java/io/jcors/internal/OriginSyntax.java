package io.jcors.internal;

/**
 * The syntax of serialized origins (Fetch standard, "serialization of an origin"; HTML standard,
 * "ASCII serialization of an origin"): {@code scheme://host[:port]}, lower case, no path, no
 * default port. Browsers send exactly this form in the {@code Origin} header and compare {@code
 * Access-Control-Allow-Origin} to it byte for byte.
 */
public final class OriginSyntax {
  /**
   * The longest {@code Origin} value that is ever matched or reflected: a 64-byte scheme, {@code
   * ://}, a 253-byte host name and a port. Anything longer is not an origin a browser sends, and
   * refusing it up front bounds the cost of matching attacker-controlled input (regexes included).
   */
  public static final int MAX_LENGTH = 64 + 3 + 253 + 6;

  private OriginSyntax() {}

  /**
   * Why {@code s} is not a serialized origin, in words that complete the sentence {@code "<s>"
   * ...}; {@code null} when it is one. {@code "null"} is reported by the caller, not here.
   */
  public static String whyNotSerialized(String s) {
    if (s.isEmpty()) {
      return "is empty; an origin is scheme://host[:port]";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7e) {
        return "has non-ASCII characters; browsers send internationalized domain names in"
            + " Punycode";
      }
      if (c <= 0x20) {
        return "contains whitespace or a control character; an origin is scheme://host[:port]";
      }
    }
    int sep = s.indexOf("://");
    if (sep <= 0) {
      return "is not an origin; an origin is scheme://host[:port], e.g. https://app.example.com";
    }
    // Indexes into s rather than substrings: every row of a large table goes through here.
    if (!isScheme(s, 0, sep)) {
      return isScheme(Tokens.lower(s.substring(0, sep)))
          ? "has upper-case letters; browsers send origins in lower case"
          : "has an invalid scheme; an origin is scheme://host[:port]";
    }
    int restStart = sep + 3;
    if (s.endsWith("/") && s.indexOf('/', restStart) == s.length() - 1) {
      return "has a trailing slash; an origin is scheme://host[:port], without a path";
    }
    if (s.indexOf('/', restStart) >= 0
        || s.indexOf('?', restStart) >= 0
        || s.indexOf('#', restStart) >= 0) {
      return "has a path, query or fragment; an origin is scheme://host[:port]";
    }
    if (s.indexOf('@', restStart) >= 0) {
      return "has user info; an origin is scheme://host[:port]";
    }
    int hostEnd = hostEnd(s, restStart);
    if (hostEnd < 0) {
      return "has an invalid IPv6 address; write it in brackets, e.g. http://[::1]:8080";
    }
    String reason =
        s.startsWith("[", restStart)
            ? whyNotHost(s.substring(restStart, hostEnd))
            : whyNotName(s, restStart, hostEnd);
    if (reason != null) {
      return reason;
    }
    if (hostEnd < s.length()) {
      if (s.charAt(hostEnd) != ':') {
        return "is not an origin; an origin is scheme://host[:port]";
      }
      String port = s.substring(hostEnd + 1);
      int value = parsePort(port);
      if (value < 0) {
        return "has an invalid port; a port is a number from 0 to 65535 without leading zeros";
      }
      if (value == defaultPort(s.substring(0, sep))) {
        return "has the default port "
            + value
            + " of "
            + s.substring(0, sep)
            + "; browsers omit it";
      }
    }
    return null;
  }

  /** Where the host that starts at {@code from} in {@code s} ends: the port colon, or the end. */
  static int hostEnd(String s, int from) {
    if (s.startsWith("[", from)) {
      int close = s.indexOf(']', from);
      return close < 0 ? -1 : close + 1;
    }
    int colon = s.indexOf(':', from);
    return colon < 0 ? s.length() : colon;
  }

  /** Where the host of {@code hostAndPort} ends: its length, or the index of the port colon. */
  static int hostEnd(String hostAndPort) {
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      return close < 0 ? -1 : close + 1;
    }
    int colon = hostAndPort.indexOf(':');
    return colon < 0 ? hostAndPort.length() : colon;
  }

  /** Why {@code host} is not a host as browsers serialize it, or {@code null}. */
  static String whyNotHost(String host) {
    if (host.isEmpty()) {
      return "has no host; an origin is scheme://host[:port]";
    }
    if (host.startsWith("[")) {
      if (host.length() < 2 || !host.endsWith("]")) {
        return "has an invalid IPv6 address";
      }
      String canonical = canonicalIpv6(host.substring(1, host.length() - 1));
      if (canonical == null) {
        return "has an invalid IPv6 address";
      }
      if (!canonical.equals(host.substring(1, host.length() - 1))) {
        return "has an IPv6 address in a form browsers never send; they send [" + canonical + "]";
      }
      return null;
    }
    return whyNotName(host, 0, host.length());
  }

  /** Why the host name {@code s.substring(from, to)} (not an IPv6 address) is not one, or null. */
  private static String whyNotName(String s, int from, int to) {
    if (from == to) {
      return "has no host; an origin is scheme://host[:port]";
    }
    if (s.charAt(to - 1) == '.') {
      return "ends with a dot; browsers send the host without it";
    }
    if (to - from > 253) {
      return "has a host longer than 253 characters";
    }
    // One pass over the labels, without splitting: a million rows are checked on each refresh.
    boolean upper = false;
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      char c = i == to ? '.' : s.charAt(i);
      if (c == '.') {
        if (i == labelStart) {
          return "has an empty label in its host";
        }
        labelStart = i + 1;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (!isHostChar(c)) {
        return "has the character '" + c + "', which is not allowed in a host";
      }
    }
    return upper ? "has upper-case letters; browsers send origins in lower case" : null;
  }

  /**
   * The IPv6 address {@code text} (without brackets) as browsers serialize it (URL standard, "IPv6
   * serializer": lower-case hex pieces without leading zeros, the first longest run of two or more
   * zero pieces compressed to {@code ::}), or null when it is not an IPv6 address written in hex
   * pieces.
   */
  static String canonicalIpv6(String text) {
    if (text.isEmpty() || text.length() > 39) {
      return null;
    }
    int[] pieces = new int[8];
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    String[] front = head.isEmpty() ? new String[0] : head.split(":", -1);
    String[] back = tail.isEmpty() ? new String[0] : tail.split(":", -1);
    if (gap < 0 ? front.length != 8 : front.length + back.length > 7) {
      return null;
    }
    for (int i = 0; i < front.length; i++) {
      pieces[i] = hexPiece(front[i]);
    }
    for (int i = 0; i < back.length; i++) {
      pieces[8 - back.length + i] = hexPiece(back[i]);
    }
    for (int piece : pieces) {
      if (piece < 0) {
        return null;
      }
    }
    int runStart = -1;
    int runLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && pieces[j] == 0) {
        j++;
      }
      if (j - i > runLength) {
        runStart = i;
        runLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        out.append(i == 0 ? "::" : ":");
        i += runLength - 1;
        continue;
      }
      out.append(Integer.toHexString(pieces[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }

  /** A piece of 1 to 4 hex digits, or -1. */
  private static int hexPiece(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0 || s.charAt(i) > 'f') {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  static boolean isScheme(String s) {
    return isScheme(s, 0, s.length());
  }

  /** Whether {@code s.substring(from, to)} is a scheme, without making that substring. */
  static boolean isScheme(String s, int from, int to) {
    if (to <= from || to - from > 64 || !(s.charAt(from) >= 'a' && s.charAt(from) <= 'z')) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** The port number, or -1 when {@code s} is not 1 to 5 digits without a leading zero. */
  static int parsePort(String s) {
    if (s.isEmpty() || s.length() > 5 || (s.length() > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 65535 ? value : -1;
  }

  static int defaultPort(String scheme) {
    switch (scheme) {
      case "http":
      case "ws":
        return 80;
      case "https":
      case "wss":
        return 443;
      default:
        return -1;
    }
  }

  /**
   * Whether a request's {@code Origin} value may be copied into {@code
   * Access-Control-Allow-Origin}: within {@link #MAX_LENGTH}, visible ASCII only, no comma. This
   * keeps control bytes, CR/LF and lists out of responses whatever the policy matched.
   */
  public static boolean isReflectable(String origin) {
    int n = origin.length();
    if (n == 0 || n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = origin.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ',') {
        return false;
      }
    }
    return true;
  }

  /**
   * The host of a serialized origin, or {@code null}. Used when checking a configuration, never on
   * a request.
   */
  public static String hostOf(String origin) {
    int sep = origin.indexOf("://");
    if (sep < 0) {
      return null;
    }
    int end = hostEnd(origin, sep + 3);
    return end < 0 ? null : origin.substring(sep + 3, end);
  }

  /** The scheme of an origin or pattern ({@code "https"}), or {@code null}. */
  public static String schemeOf(String origin) {
    int sep = origin.indexOf("://");
    return sep <= 0 ? null : origin.substring(0, sep);
  }

  /**
   * Whether {@code host} (as an origin serializes it) is localhost or a loopback address, which
   * browsers treat as a potentially trustworthy origin even over {@code http:} (Secure Contexts,
   * section 3.1): {@code localhost} or a name under it, {@code [::1]}, or an IPv4 literal in
   * 127.0.0.0/8 written as browsers serialize it (URL standard, "IPv4 serializer": four decimal
   * parts without leading zeros). {@code 127.attacker.com} is a domain name, not loopback.
   */
  public static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("[::1]")
        || ipv4FirstOctet(host) == 127;
  }

  /** The first octet of a serialized IPv4 address ({@code a.b.c.d}, 0-255 each), or -1. */
  static int ipv4FirstOctet(String host) {
    int first = -1;
    int parts = 0;
    int start = 0;
    for (int i = 0; i <= host.length(); i++) {
      if (i < host.length() && host.charAt(i) != '.') {
        continue;
      }
      int value = decimalOctet(host, start, i);
      if (value < 0 || ++parts > 4) {
        return -1;
      }
      if (parts == 1) {
        first = value;
      }
      start = i + 1;
    }
    return parts == 4 ? first : -1;
  }

  /** {@code s[start, end)} as a number 0-255 of 1-3 digits without a leading zero, or -1. */
  private static int decimalOctet(String s, int start, int end) {
    if (end <= start || end - start > 3 || (end - start > 1 && s.charAt(start) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }
}
