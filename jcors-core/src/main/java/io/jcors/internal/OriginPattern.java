package io.jcors.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An origin pattern: {@code https://*.example.com} (one or more labels in front of {@code
 * example.com}, never the apex), {@code http://localhost:*} (any port, or none), or both. Matching
 * compares regions of the request's {@code Origin} in place: no allocation, no regex, and no suffix
 * test that would let {@code https://evil-example.com} through.
 */
public final class OriginPattern {
  private static final int NO_PORT = -1;
  private static final int ANY_PORT = -2;

  private final String source;
  private final String scheme;

  /**
   * The host, or for a subdomain wildcard the suffix with its leading dot ({@code .example.com}).
   */
  private final String host;

  private final boolean anySubdomain;
  private final int port;

  private OriginPattern(String source, String scheme, String host, boolean anySubdomain, int port) {
    this.source = source;
    this.scheme = scheme;
    this.host = host;
    this.anySubdomain = anySubdomain;
    this.port = port;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException with a reason that completes the sentence {@code "<s>" ...}
   */
  public static OriginPattern parse(String s) {
    String syntax =
        "; a pattern is scheme://*.domain (any subdomain) or scheme://host:* (any port),"
            + " e.g. https://*.example.com or http://localhost:*";
    int sep = s.indexOf("://");
    if (sep <= 0) {
      throw new IllegalArgumentException("is not a valid pattern" + syntax);
    }
    String scheme = s.substring(0, sep);
    if (!OriginSyntax.isScheme(scheme)) {
      throw new IllegalArgumentException(
          (scheme.indexOf('*') >= 0 ? "has a wildcard in its scheme" : "has an invalid scheme")
              + syntax);
    }
    String rest = s.substring(sep + 3);
    int hostEnd = OriginSyntax.hostEnd(rest);
    if (hostEnd < 0) {
      throw new IllegalArgumentException("has an invalid IPv6 address" + syntax);
    }
    String hostPart = rest.substring(0, hostEnd);
    int port = NO_PORT;
    if (hostEnd < rest.length()) {
      String portPart = rest.substring(hostEnd);
      if (portPart.equals(":*")) {
        port = ANY_PORT;
      } else if (portPart.startsWith(":") && OriginSyntax.parsePort(portPart.substring(1)) >= 0) {
        port = OriginSyntax.parsePort(portPart.substring(1));
        if (port == OriginSyntax.defaultPort(scheme)) {
          throw new IllegalArgumentException(
              "has the default port " + port + " of " + scheme + "; browsers omit it");
        }
      } else {
        throw new IllegalArgumentException(
            "has something other than a port or :* after its host" + syntax);
      }
    }
    boolean anySubdomain = hostPart.startsWith("*.");
    String host = anySubdomain ? hostPart.substring(1) : hostPart;
    if (host.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "has a '*' that is not a whole leftmost label or the whole port" + syntax);
    }
    String checkedHost = anySubdomain ? host.substring(1) : host;
    String reason = OriginSyntax.whyNotHost(checkedHost);
    if (reason != null) {
      throw new IllegalArgumentException(reason);
    }
    if (anySubdomain && (checkedHost.startsWith("[") || endsInANumber(checkedHost))) {
      throw new IllegalArgumentException("puts a subdomain wildcard in front of an IP address");
    }
    if (!anySubdomain && port != ANY_PORT) {
      throw new IllegalArgumentException("is not a valid pattern" + syntax);
    }
    return new OriginPattern(s, scheme, host, anySubdomain, port);
  }

  /**
   * The valid pattern (or origin) that a malformed pattern most likely meant, or {@code null} when
   * there is none or it would allow more than the pattern seems to ask for (a {@code *} inside the
   * host). Repairs what people get wrong: case, a missing {@code ://}, a path, a trailing dot,
   * doubled dots, {@code *example.com} for {@code *.example.com}, a default port, a partial port
   * wildcard ({@code :80*}), and non-ASCII host names (Punycode, as browsers send them).
   */
  public static String suggest(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    String scheme;
    String rest;
    int sep = t.indexOf("://");
    if (sep > 0) {
      scheme = t.substring(0, sep);
      rest = t.substring(sep + 3);
    } else if (t.indexOf(':') > 0 && t.indexOf(':') < t.indexOf('/')) {
      scheme = t.substring(0, t.indexOf(':')); // https:/*.example.com
      rest = t.substring(t.indexOf(':') + 1).replaceFirst("^/+", "");
    } else if (t.indexOf('/') > 0 && t.startsWith("//", t.indexOf('/'))) {
      scheme = t.substring(0, t.indexOf('/')); // https//*.example.com
      rest = t.substring(t.indexOf('/') + 2);
    } else if (t.indexOf('/') < 0 && t.indexOf(':') < 0) {
      scheme = "https"; // *.example.com
      rest = t;
    } else {
      return null;
    }
    if (!OriginSyntax.isScheme(scheme) || rest.startsWith("[")) {
      return null;
    }
    for (char c : new char[] {'/', '?', '#'}) {
      if (rest.indexOf(c) >= 0) {
        rest = rest.substring(0, rest.indexOf(c));
      }
    }
    int colon = rest.indexOf(':');
    String host = colon < 0 ? rest : rest.substring(0, colon);
    String port = colon < 0 ? null : rest.substring(colon + 1);
    if (port != null && port.indexOf('*') >= 0) {
      port = "*";
    } else if (port != null && OriginSyntax.parsePort(port) == OriginSyntax.defaultPort(scheme)) {
      port = null;
    }
    List<String> labels = new ArrayList<>();
    for (String label : host.split("\\.")) {
      if (label.isEmpty() || (label.equals("*") && labels.equals(List.of("*")))) {
        continue; // doubled or trailing dots, *.*.example.com
      }
      if (labels.isEmpty() && label.startsWith("*") && label.indexOf('*', 1) < 0) {
        labels.add("*"); // *example.com
        label = label.substring(1);
        if (label.isEmpty()) {
          continue;
        }
      }
      if (label.indexOf('*') >= 0) {
        return null;
      }
      labels.add(label);
    }
    boolean anySubdomain = !labels.isEmpty() && labels.get(0).equals("*");
    String base = String.join(".", anySubdomain ? labels.subList(1, labels.size()) : labels);
    try {
      base = IDN.toASCII(base, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String candidate =
        scheme + "://" + (anySubdomain ? "*." : "") + base + (port == null ? "" : ":" + port);
    if (candidate.equals(s)) {
      return null;
    }
    if (candidate.indexOf('*') < 0) {
      return OriginSyntax.whyNotSerialized(candidate) == null ? candidate : null;
    }
    try {
      parse(candidate);
      return candidate;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether the last label of {@code host} is all digits: the URL standard then parses the whole
   * host as an IPv4 address ("ends in a number"), so no browser sends a subdomain of it.
   */
  private static boolean endsInANumber(String host) {
    int start = host.lastIndexOf('.') + 1;
    if (start == host.length()) {
      return false;
    }
    for (int i = start; i < host.length(); i++) {
      if (host.charAt(i) < '0' || host.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The pattern as configured. */
  public String source() {
    return source;
  }

  /** The scheme the pattern requires. */
  public String scheme() {
    return scheme;
  }

  /** The host, without the subdomain wildcard ({@code example.com}). */
  public String baseHost() {
    return anySubdomain ? host.substring(1) : host;
  }

  /** Whether the pattern stands for the subdomains of {@link #baseHost()}. */
  public boolean anySubdomain() {
    return anySubdomain;
  }

  /** Whether {@code origin}, a request's {@code Origin} value, matches. Allocation-free. */
  public boolean matches(String origin) {
    int n = origin.length();
    int sl = scheme.length();
    if (n <= sl + 3 || !origin.startsWith(scheme) || !origin.startsWith("://", sl)) {
      return false;
    }
    int hostStart = sl + 3;
    int hostEnd;
    if (origin.charAt(hostStart) == '[') {
      int close = origin.indexOf(']', hostStart);
      if (close < 0) {
        return false;
      }
      hostEnd = close + 1;
    } else {
      int colon = origin.indexOf(':', hostStart);
      hostEnd = colon < 0 ? n : colon;
    }
    return portMatches(origin, hostEnd, n) && hostMatches(origin, hostStart, hostEnd);
  }

  private boolean portMatches(String origin, int from, int end) {
    if (from == end) {
      return port == NO_PORT || port == ANY_PORT;
    }
    if (origin.charAt(from) != ':' || port == NO_PORT) {
      return false;
    }
    int value = 0;
    int digits = end - from - 1;
    if (digits < 1 || digits > 5 || (digits > 1 && origin.charAt(from + 1) == '0')) {
      return false;
    }
    for (int i = from + 1; i < end; i++) {
      char c = origin.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 65535 && (port == ANY_PORT || port == value);
  }

  private boolean hostMatches(String origin, int start, int end) {
    int length = end - start;
    if (!anySubdomain) {
      return length == host.length() && origin.regionMatches(start, host, 0, length);
    }
    int labelsEnd = end - host.length();
    if (labelsEnd <= start || !origin.regionMatches(labelsEnd, host, 0, host.length())) {
      return false;
    }
    // The part in front of ".example.com" must be one or more non-empty host labels.
    boolean labelStart = true;
    for (int i = start; i < labelsEnd; i++) {
      char c = origin.charAt(i);
      if (c == '.') {
        if (labelStart) {
          return false;
        }
        labelStart = true;
      } else if (OriginSyntax.isHostChar(c)) {
        labelStart = false;
      } else {
        return false;
      }
    }
    return !labelStart;
  }

  @Override
  public String toString() {
    return source;
  }
}
