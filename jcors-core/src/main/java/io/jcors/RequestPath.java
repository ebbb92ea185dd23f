package io.jcors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The path a request is routed on, from the path of its request target as received: percent-decoded
 * as UTF-8, path parameters ({@code ;name=value}) removed from each segment, dot segments and empty
 * segments resolved. Routes ({@link CorsPolicy#routes()}) are matched on this form, which is the
 * one servlet containers dispatch on, so that the route jcors picks is the one the server serves.
 *
 * <pre>{@code
 * assertEquals("/api/admin/users", RequestPath.normalize("/api/%61dmin;x//users"));
 * assertEquals("/api/admin/users", RequestPath.normalize("/api/x/../admin/./users"));
 * assertNull(RequestPath.normalize("/api%2Fadmin/users"));
 * }</pre>
 *
 * <p>A path that cannot be read one way only is refused ({@code null}), and gets no CORS headers
 * from routes: an encoded {@code /} or {@code \} ({@code %2F}, {@code %5C}: servers read them as a
 * separator or as part of a segment), a raw {@code \} (browsers and some servers turn it into
 * {@code /}), NUL, invalid percent-encoding ({@code %zz}, a truncated {@code %4}), bytes that are
 * not UTF-8 (overlong forms such as {@code %C0%AF}, surrogates, Latin-1), a {@code ..} above the
 * root, and anything that does not start with {@code /}. An encoded dot is a dot ({@code %2e%2e} is
 * {@code ..}), as in the URL standard and Tomcat; {@code %25} decodes once, to {@code %}; an
 * encoded {@code ;} ({@code %3B}) is part of its segment, not a parameter. A trailing {@code /} is
 * kept.
 *
 * <p>A path already in that form (no {@code %}, {@code ;}, {@code \}, NUL, empty or dot segment) is
 * returned as it is, without allocating. The work is linear in the length of the path.
 */
public final class RequestPath {
  private RequestPath() {}

  /**
   * {@code rawPath} decoded, without path parameters, its dot and empty segments resolved; {@code
   * null} when it cannot be normalised without ambiguity (or is null).
   *
   * @param rawPath the path of the request target as received, still percent-encoded, without the
   *     query
   */
  public static String normalize(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    if (isNormal(rawPath)) {
      return rawPath;
    }
    return parse(rawPath, null);
  }

  /**
   * {@link #normalize normalize(rawPath)} when a server that matches its routes on the path as
   * received, still percent-encoded, is sure to read it the same way; otherwise {@code null}.
   *
   * <p>Javalin (Jetty's raw request URI), Micronaut and Jakarta REST (Jersey, RESTEasy: Jakarta
   * REST 4.0 section 3.7.3 encodes a template's literal characters to match the encoded path) do
   * not route on the normal form: {@code /api/%61dmin/users} does not reach a route written {@code
   * /api/admin/*}, although its normal form names that route. A route chosen on the normal form is
   * the route that serves the request only when the two readings cannot differ, so the normal form
   * is given only when {@code rawPath} is normal already, or differs from it by the decoding of
   * characters a route would write encoded too ({@code %C3%A9} is {@code é} on both sides). It is
   * {@code null} when {@code rawPath} percent-encodes an unreserved character ({@link
   * #encodesUnreserved}), has {@code ;} parameters, dot segments ({@code %2e} included) or empty
   * segments, or when {@link #normalize} refuses it. Such a path gets no CORS headers from routes
   * or options functions. Servers that route on the decoded, resolved path (servlet containers,
   * WebFlux, Vert.x) need {@link #normalize} only.
   *
   * <pre>{@code
   * assertEquals("/api/new items", RequestPath.normalizeRoutedAsReceived("/api/new%20items"));
   * assertNull(RequestPath.normalizeRoutedAsReceived("/api/%61dmin/users"));
   * assertNull(RequestPath.normalizeRoutedAsReceived("/api/admin;x/users"));
   * }</pre>
   *
   * @param rawPath the path as the server's router reads it, still percent-encoded, without the
   *     query
   * @return the normal form, or {@code null} when the router could read {@code rawPath} differently
   *     (or it is null)
   */
  public static String normalizeRoutedAsReceived(String rawPath) {
    String normal = normalize(rawPath);
    if (normal == null || normal == rawPath) {
      return normal; // ambiguous, or already normal (the usual case, nothing allocated)
    }
    if (encodesUnreserved(rawPath)) {
      return null;
    }
    // Only decoded: equal to the normal form when there was no parameter, dot or empty segment.
    int n = rawPath.length();
    StringBuilder decoded = new StringBuilder(n);
    String problem = decode(rawPath, 0, n, decoded, new byte[Math.max(16, n)]);
    return problem == null && normal.contentEquals(decoded) ? normal : null;
  }

  /**
   * Whether {@code rawPath} percent-encodes an unreserved character (RFC 3986 section 2.3: a
   * letter, a digit, {@code -}, {@code .}, {@code _}, {@code ~}), which URI producers should not
   * encode and a route writes as it is. An invalid escape ({@code %zz}) is not one: {@link
   * #normalize} refuses it.
   *
   * @param rawPath the path as received, still percent-encoded; null is none
   * @return true when some {@code %XX} in it stands for an unreserved character
   */
  public static boolean encodesUnreserved(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    int n = rawPath.length();
    for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < n; i = rawPath.indexOf('%', i + 1)) {
      int high = hex(rawPath.charAt(i + 1));
      int low = hex(rawPath.charAt(i + 2));
      if (high < 0 || low < 0) {
        continue;
      }
      int c = high << 4 | low;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        return true;
      }
    }
    return false;
  }

  /** Why {@link #normalize} refuses {@code rawPath}, for a log line; null when it does not. */
  static String whyRefused(String rawPath) {
    if (rawPath == null) {
      return "the request has no path";
    }
    String[] why = new String[1];
    return isNormal(rawPath) || parse(rawPath, why) != null ? null : why[0];
  }

  /** Whether {@code s} is already what {@link #normalize} returns. */
  private static boolean isNormal(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == ';' || c == '\\' || c == 0) {
        return false;
      }
      if (c == '/' && i + 1 < n) {
        char next = s.charAt(i + 1);
        if (next == '/') {
          return false;
        }
        if (next == '.') {
          int after = i + 2;
          if (after < n && s.charAt(after) == '.') {
            after++;
          }
          if (after == n || s.charAt(after) == '/') {
            return false; // a "." or ".." segment
          }
        }
      }
    }
    return true;
  }

  /** The slow path: segment by segment (RFC 3986 section 5.2.4 for the dot segments). */
  private static String parse(String s, String[] why) {
    int n = s.length();
    if (n == 0) {
      return "/"; // an absolute-form target without a path: RFC 9112 section 3.2.1
    }
    if (s.charAt(0) != '/') {
      return refuse(why, "it does not start with /");
    }
    StringBuilder out = new StringBuilder(n);
    StringBuilder segment = new StringBuilder();
    byte[] bytes = null;
    boolean trailingSlash = false;
    int parameter = s.indexOf(';'); // the next ';', searched once per ';' so the work stays linear
    int i = 1;
    while (true) {
      int end = s.indexOf('/', i);
      if (end < 0) {
        end = n;
      }
      if (parameter >= 0 && parameter < i) {
        parameter = s.indexOf(';', i);
      }
      int rawEnd = parameter >= 0 && parameter < end ? parameter : end;
      segment.setLength(0);
      if (bytes == null || bytes.length < rawEnd - i) {
        bytes = new byte[Math.max(16, rawEnd - i)];
      }
      String problem = decode(s, i, rawEnd, segment, bytes);
      if (problem != null) {
        return refuse(why, problem);
      }
      boolean last = end == n;
      if (segment.length() == 0 || isDot(segment)) {
        trailingSlash = last; // "/a/", "/a/." and "/a//" end in "/"
      } else if (isDotDot(segment)) {
        if (out.length() == 0) {
          return refuse(why, "a .. segment climbs above the root");
        }
        out.setLength(out.lastIndexOf("/"));
        trailingSlash = last;
      } else {
        out.append('/').append(segment);
        trailingSlash = false;
      }
      if (last) {
        break;
      }
      i = end + 1;
    }
    if (out.length() == 0) {
      return "/";
    }
    return trailingSlash ? out.append('/').toString() : out.toString();
  }

  /**
   * Appends {@code s[from, to)} percent-decoded to {@code segment}; the reason it cannot, or null.
   * {@code bytes} holds at least {@code to - from} bytes of a run of escapes.
   */
  private static String decode(String s, int from, int to, StringBuilder segment, byte[] bytes) {
    int pending = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int high = i + 2 < to ? hex(s.charAt(i + 1)) : -1;
        int low = high >= 0 ? hex(s.charAt(i + 2)) : -1;
        if (low < 0) {
          return "it has an invalid percent-encoding at index " + i;
        }
        int b = high << 4 | low;
        if (b == '/') {
          return "it has an encoded / (%2F), which servers read as a separator or inside a segment";
        }
        if (b == '\\') {
          return "it has an encoded \\ (%5C), which some servers read as /";
        }
        if (b == 0) {
          return "it has an encoded NUL (%00)";
        }
        bytes[pending++] = (byte) b;
        i += 2;
        continue;
      }
      if (c == '\\') {
        return "it has a \\, which browsers and some servers turn into /";
      }
      if (c == 0) {
        return "it has a NUL";
      }
      if (pending > 0) {
        if (!utf8(bytes, pending, segment)) {
          return "its percent-encoded bytes are not UTF-8";
        }
        pending = 0;
      }
      segment.append(c);
    }
    if (pending > 0 && !utf8(bytes, pending, segment)) {
      return "its percent-encoded bytes are not UTF-8";
    }
    return null;
  }

  /**
   * Appends {@code bytes[0, length)} as UTF-8; false when they are not UTF-8. The JDK's decoder
   * refuses overlong forms, surrogates and code points above U+10FFFF (RFC 3629 section 3), which
   * lenient decoders turn into {@code /} or {@code .}.
   */
  private static boolean utf8(byte[] bytes, int length, StringBuilder segment) {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      for (int i = 0; i < length; i++) {
        segment.append((char) bytes[i]);
      }
      return true;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
      segment.append(chars);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDot(CharSequence segment) {
    return segment.length() == 1 && segment.charAt(0) == '.';
  }

  private static boolean isDotDot(CharSequence segment) {
    return segment.length() == 2 && segment.charAt(0) == '.' && segment.charAt(1) == '.';
  }

  private static String refuse(String[] why, String reason) {
    if (why != null) {
      why[0] = reason;
    }
    return null;
  }
}
