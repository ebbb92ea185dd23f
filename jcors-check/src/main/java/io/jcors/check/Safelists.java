package io.jcors.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Fetch standard's safelists and forbidden names (rules F26-F30 of docs/fetch-rules.md): which
 * methods and request headers a page may use without a preflight, which names a page cannot set at
 * all, and which response headers a page can read without {@code Access-Control-Expose-Headers}.
 */
final class Safelists {
  private Safelists() {}

  /** Fetch "CORS-safelisted method". */
  static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

  /** Fetch "normalize a method": these are upper-cased, every other method is sent as written. */
  private static final Set<String> NORMALIZED_METHODS =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

  /** Fetch "forbidden method", compared case-insensitively. */
  private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

  /** Fetch "forbidden request-header" names (lower case), besides {@code proxy-*} and sec-*. */
  private static final Set<String> FORBIDDEN_REQUEST_HEADERS =
      Set.of(
          "accept-charset",
          "accept-encoding",
          "access-control-request-headers",
          "access-control-request-method",
          "connection",
          "content-length",
          "cookie",
          "cookie2",
          "date",
          "dnt",
          "expect",
          "host",
          "keep-alive",
          "origin",
          "referer",
          "set-cookie",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via");

  private static final Set<String> METHOD_OVERRIDE_HEADERS =
      Set.of("x-http-method", "x-http-method-override", "x-method-override");

  /** Fetch "CORS-safelisted response-header name" (lower case). */
  static final Set<String> SAFELISTED_RESPONSE_HEADERS =
      Set.of(
          "cache-control",
          "content-language",
          "content-length",
          "content-type",
          "expires",
          "last-modified",
          "pragma");

  /** Fetch "forbidden response-header name": never readable by a page. */
  static final Set<String> FORBIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

  /** Fetch "request-body-header name": dropped when a redirect turns the request into a GET. */
  static final Set<String> REQUEST_BODY_HEADERS =
      Set.of("content-encoding", "content-language", "content-location", "content-type");

  /**
   * Client-hint headers that Chromium treats as CORS-safelisted (with value rules) although the
   * Fetch standard does not; Firefox and Safari preflight them. Checked against Chromium 156 by
   * BrowserParityTest.
   */
  static final Set<String> CHROMIUM_SAFELISTED_CLIENT_HINTS =
      Set.of("device-memory", "dpr", "save-data", "viewport-width", "width");

  /** The content types a page may send without a preflight. */
  static final Set<String> SAFELISTED_CONTENT_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  static String normalizeMethod(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return NORMALIZED_METHODS.contains(upper) ? upper : method;
  }

  static boolean isSafelistedMethod(String method) {
    return SAFELISTED_METHODS.contains(method);
  }

  static boolean isForbiddenMethod(String method) {
    return FORBIDDEN_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  /** Fetch "forbidden request-header": the browser silently drops these from a page's fetch. */
  static boolean isForbiddenRequestHeader(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (FORBIDDEN_REQUEST_HEADERS.contains(lower)
        || lower.startsWith("proxy-")
        || lower.startsWith("sec-")) {
      return true;
    }
    if (METHOD_OVERRIDE_HEADERS.contains(lower)) {
      for (String method : HeaderLists.splitCommas(value)) {
        if (isForbiddenMethod(method.strip())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Fetch "CORS-unsafe request-header byte". */
  static boolean isUnsafeByte(char c) {
    return (c < 0x20 && c != '\t') || c == 0x7F || "\"():<>?@[\\]{}".indexOf(c) >= 0;
  }

  /**
   * Why a header is not CORS-safelisted (Fetch "CORS-safelisted request-header"), or null when it
   * is. The value is the one the browser sends (already normalized).
   */
  static String unsafeReason(String name, String value) {
    int length = value.length(); // header values are byte strings: one char per byte
    if (length > 128) {
      return "its value is " + length + " bytes long; a safelisted value has at most 128 bytes";
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "accept":
        return unsafeByteReason(value);
      case "accept-language":
      case "content-language":
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          boolean allowed =
              (c >= '0' && c <= '9')
                  || (c >= 'A' && c <= 'Z')
                  || (c >= 'a' && c <= 'z')
                  || " *,-.;=".indexOf(c) >= 0;
          if (!allowed) {
            return "its value contains "
                + describe(c)
                + "; only letters, digits, space and * , - . ; = are safelisted";
          }
        }
        return null;
      case "content-type":
        {
          String unsafe = unsafeByteReason(value);
          if (unsafe != null) {
            return unsafe;
          }
          String essence = mimeEssence(value);
          if (essence == null) {
            return "`" + value + "` is not a valid MIME type (type/subtype)";
          }
          if (!SAFELISTED_CONTENT_TYPES.contains(essence)) {
            return "`"
                + essence
                + "` is not application/x-www-form-urlencoded, multipart/form-data or text/plain";
          }
          return null;
        }
      case "range":
        return isSafelistedRange(value)
            ? null
            : "`"
                + value
                + "` is not a single range `bytes=N-` or `bytes=N-M` (no suffix range, no spaces)";
      case "save-data":
        return value.equalsIgnoreCase("on") ? null : "Chromium safelists only `Save-Data: on`";
      case "dpr":
      case "device-memory":
        return value.matches("[0-9]+(\\.[0-9]+)?")
            ? null
            : "Chromium safelists `" + name + "` only with a decimal number value";
      case "width":
      case "viewport-width":
        return value.matches("[0-9]+")
            ? null
            : "Chromium safelists `" + name + "` only with an integer value";
      default:
        return "only Accept, Accept-Language, Content-Language, Content-Type and Range can be"
            + " safelisted";
    }
  }

  private static String unsafeByteReason(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnsafeByte(c)) {
        return "its value contains " + describe(c) + ", a CORS-unsafe byte";
      }
    }
    return null;
  }

  private static String describe(char c) {
    return c < 0x20 || c == 0x7F ? String.format("byte 0x%02X", (int) c) : "`" + c + "`";
  }

  /**
   * The lower-case essence ({@code type/subtype}) of a MIME type per the WHATWG MIME Sniffing
   * standard's "parse a MIME type", or null when parsing fails. Parameters never make it fail.
   */
  static String mimeEssence(String value) {
    String input = stripHttpWhitespace(value);
    int slash = input.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String type = input.substring(0, slash);
    int semicolon = input.indexOf(';', slash + 1);
    String subtype = input.substring(slash + 1, semicolon < 0 ? input.length() : semicolon);
    subtype = stripTrailingHttpWhitespace(subtype);
    if (!HeaderLists.isToken(type) || !HeaderLists.isToken(subtype)) {
      return null;
    }
    return (type + "/" + subtype).toLowerCase(Locale.ROOT);
  }

  /** Fetch "parse a single range header value" without whitespace; suffix ranges are unsafe. */
  static boolean isSafelistedRange(String value) {
    if (!value.startsWith("bytes=")) {
      return false;
    }
    int position = "bytes=".length();
    int startEnd = digitsEnd(value, position);
    String start = value.substring(position, startEnd);
    if (startEnd >= value.length() || value.charAt(startEnd) != '-') {
      return false;
    }
    int endEnd = digitsEnd(value, startEnd + 1);
    String end = value.substring(startEnd + 1, endEnd);
    if (endEnd != value.length() || start.isEmpty()) {
      return false; // trailing garbage, or a suffix range (bytes=-N) which is never safelisted
    }
    // Chromium accepts positions up to 2^63 - 2 only: a larger number is not a safelisted range
    // (found with Chromium 156 by BrowserParityTest); the standard has no limit.
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE - 1);
    BigInteger first = new BigInteger(start);
    if (first.compareTo(max) > 0) {
      return false;
    }
    if (end.isEmpty()) {
      return true;
    }
    BigInteger last = new BigInteger(end);
    return last.compareTo(max) <= 0 && first.compareTo(last) <= 0;
  }

  private static int digitsEnd(String value, int from) {
    int i = from;
    while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** One request header that makes a preflight necessary, and why. */
  record UnsafeHeader(String name, String reason) {}

  /**
   * Fetch "CORS-unsafe request-header names": each header that is not safelisted, and when the
   * safelisted values add up to more than 1024 bytes, all of them (F27, F28). In request order.
   */
  static List<UnsafeHeader> unsafeHeaders(List<Header> headers) {
    List<UnsafeHeader> unsafe = new ArrayList<>();
    List<Header> safelisted = new ArrayList<>();
    int safelistedSize = 0;
    for (Header header : headers) {
      String reason = unsafeReason(header.name(), header.value());
      if (reason == null) {
        safelisted.add(header);
        safelistedSize += header.value().length();
      } else {
        unsafe.add(new UnsafeHeader(header.name(), reason));
      }
    }
    if (safelistedSize > 1024) {
      for (Header header : safelisted) {
        unsafe.add(
            new UnsafeHeader(
                header.name(),
                "the safelisted header values add up to "
                    + safelistedSize
                    + " bytes; above 1024 bytes none of them is safelisted"));
      }
    }
    return unsafe;
  }

  /** Fetch "convert header names to a sorted-lowercase set". */
  static List<String> sortedLowercase(List<UnsafeHeader> headers) {
    Set<String> names = new TreeSet<>();
    for (UnsafeHeader header : headers) {
      names.add(header.name().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  /** Fetch "HTTP whitespace": tab, line feed, carriage return and space. */
  static String stripHttpWhitespace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isHttpWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static String stripTrailingHttpWhitespace(String value) {
    int end = value.length();
    while (end > 0 && isHttpWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  private static boolean isHttpWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
