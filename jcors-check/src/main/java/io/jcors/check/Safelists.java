package io.jcors.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Fetch standard's safelists and forbidden names (rules F26-F30 of docs/fetch-rules.md), and
 * where each engine departs from them: which methods and request headers a page may use without a
 * preflight, which names a page cannot set at all, and which response headers a page can read
 * without {@code Access-Control-Expose-Headers}. Names are compared ASCII case-insensitively and
 * values are byte strings ({@link Infra}).
 */
final class Safelists {
  private Safelists() {}

  /** Fetch "CORS-safelisted method". */
  static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

  /** Fetch "normalize a method": these are upper-cased, every other method is sent as written. */
  private static final Set<String> NORMALIZED_METHODS =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

  /**
   * Fetch "forbidden method", compared ASCII case-insensitively. This module keeps its own copy of
   * the Fetch tables, to need nothing but java.base; FetchTablesTest asserts it equals the core's.
   */
  static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

  /** Fetch "forbidden request-header" names (lower case), besides {@code proxy-*} and sec-*. */
  static final Set<String> FORBIDDEN_REQUEST_HEADERS =
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
   * Fetch standard does not; Firefox and Safari preflight them (checked by BrowserParityTest in all
   * three engines).
   */
  static final Set<String> CHROMIUM_SAFELISTED_CLIENT_HINTS =
      Set.of("device-memory", "dpr", "save-data", "viewport-width", "width");

  /** The content types a page may send without a preflight. */
  static final Set<String> SAFELISTED_CONTENT_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  /** Chromium reads a range position as a signed 64-bit number and accepts up to 2^63 - 2. */
  private static final BigInteger CHROMIUM_MAX_RANGE = BigInteger.valueOf(Long.MAX_VALUE - 1);

  /** Firefox and WebKit read a range position as an unsigned 64-bit number: up to 2^64 - 1. */
  private static final BigInteger UNSIGNED_64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  static String normalizeMethod(String method) {
    String upper = Infra.asciiUppercase(method);
    return NORMALIZED_METHODS.contains(upper) ? upper : method;
  }

  static boolean isSafelistedMethod(String method) {
    return SAFELISTED_METHODS.contains(method);
  }

  static boolean isForbiddenMethod(String method) {
    return FORBIDDEN_METHODS.contains(Infra.asciiUppercase(method));
  }

  /**
   * Fetch "forbidden request-header": the browser silently drops these from a page's fetch (the
   * {@code Headers} object's guard "request" ignores them) and sends the request without them.
   *
   * <p>The method-override headers are forbidden when their value lists a forbidden method. The
   * standard reads the list with "get, decode, and split" (commas inside a quoted string do not
   * split; HTTP tab or space is trimmed), as Chromium does; Firefox and WebKit split at every
   * comma, and WebKit also trims vertical tab and form feed, so that {@code "a,TRACE} (an open
   * quote) is dropped by Firefox and WebKit and sent by Chromium, and {@code TRACE} followed by a
   * vertical tab is dropped by WebKit only (both observed by BrowserParityTest).
   */
  static boolean isForbiddenRequestHeader(Browser browser, String name, String value) {
    String lower = Infra.asciiLowercase(name);
    if (FORBIDDEN_REQUEST_HEADERS.contains(lower)
        || lower.startsWith("proxy-")
        || lower.startsWith("sec-")) {
      return true;
    }
    if (METHOD_OVERRIDE_HEADERS.contains(lower)) {
      List<String> methods =
          browser == Browser.CHROMIUM
              ? HeaderLists.getDecodeSplit(value)
              : splitAtCommas(browser, value);
      for (String method : methods) {
        if (isForbiddenMethod(method)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Why {@link #isForbiddenRequestHeader} is true, for the warning that the header was dropped. */
  static String forbiddenReason(String name) {
    String lower = Infra.asciiLowercase(name);
    if (METHOD_OVERRIDE_HEADERS.contains(lower)) {
      return "its value names a forbidden method (CONNECT, TRACE or TRACK)";
    }
    if (lower.startsWith("proxy-") || lower.startsWith("sec-")) {
      return "no page may set a `" + lower.substring(0, lower.indexOf('-') + 1) + "*` header";
    }
    return "it is a forbidden request header, which only the browser sets";
  }

  private static List<String> splitAtCommas(Browser browser, String value) {
    List<String> parts = new ArrayList<>();
    for (String part : HeaderLists.splitCommas(value)) {
      parts.add(
          browser == Browser.SAFARI ? stripCWhitespace(part) : Infra.stripHttpTabOrSpace(part));
    }
    return parts;
  }

  /** WebKit trims space, tab, LF, VT, FF and CR (C's isspace) around a list element. */
  private static String stripCWhitespace(String value) {
    String whitespace = " \t\n\u000b\f\r";
    int start = 0;
    int end = value.length();
    while (start < end && whitespace.indexOf(value.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && whitespace.indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(start, end);
  }

  /**
   * Fetch "CORS-unsafe request-header byte": a byte below 0x20 other than tab, {@code
   * "():<>?@[\]{}}, or DEL. Firefox also counts every byte above 0x7F (observed: {@code Accept: té}
   * and {@code Content-Type: text/plain; charset=é} get a preflight in Firefox only).
   */
  static boolean isUnsafeByte(Browser browser, char c) {
    return (c < 0x20 && c != '\t')
        || c == 0x7F
        || "\"():<>?@[\\]{}".indexOf(c) >= 0
        || (browser == Browser.FIREFOX && c > 0x7F);
  }

  /**
   * Why a header is not CORS-safelisted in {@code browser} (Fetch "CORS-safelisted
   * request-header"), or null when it is. The value is the one the browser sends (normalized).
   */
  static String unsafeReason(Browser browser, String name, String value) {
    int length = value.length(); // header values are byte strings: one char per byte
    if (length > 128) {
      return "its value is " + length + " bytes long; a safelisted value has at most 128 bytes";
    }
    String lower = Infra.asciiLowercase(name);
    if (CHROMIUM_SAFELISTED_CLIENT_HINTS.contains(lower) && browser != Browser.CHROMIUM) {
      return "only Chrome safelists the client hint `" + name + "`";
    }
    switch (lower) {
      case "accept":
        return unsafeByteReason(browser, value);
      case "accept-language":
      case "content-language":
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          boolean allowed =
              Infra.isAsciiDigit(c) || Infra.isAsciiAlpha(c) || " *,-.;=".indexOf(c) >= 0;
          if (!allowed) {
            return "its value contains "
                + describe(c)
                + "; only letters, digits, space and * , - . ; = are safelisted";
          }
        }
        return null;
      case "content-type":
        {
          String unsafe = unsafeByteReason(browser, value);
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
        return isSafelistedRange(browser, value)
            ? null
            : "`"
                + value
                + "` is not a single range `bytes=N-` or `bytes=N-M` (no suffix range, no spaces"
                + (browser == Browser.CHROMIUM
                    ? ", positions below 2^63 - 1"
                    : ", 64-bit positions")
                + ")";
      case "save-data":
        return Infra.asciiEqualsIgnoreCase(value, "on")
            ? null
            : "Chrome safelists only `Save-Data: on`";
      case "dpr":
      case "device-memory":
        return isDecimal(value)
            ? null
            : "Chrome safelists `" + name + "` only with a decimal number value";
      case "width":
      case "viewport-width":
        return Infra.isAsciiDigits(value)
            ? null
            : "Chrome safelists `" + name + "` only with an integer value";
      default:
        return "only Accept, Accept-Language, Content-Language, Content-Type and Range can be"
            + " safelisted";
    }
  }

  /** {@code 2}, {@code 2.5}: digits, optionally a dot and digits. */
  private static boolean isDecimal(String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Infra.isAsciiDigits(value);
    }
    return Infra.isAsciiDigits(value.substring(0, dot))
        && Infra.isAsciiDigits(value.substring(dot + 1));
  }

  private static String unsafeByteReason(Browser browser, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnsafeByte(browser, c)) {
        return "its value contains "
            + describe(c)
            + (c > 0x7F ? ", which Firefox counts as a CORS-unsafe byte" : ", a CORS-unsafe byte");
      }
    }
    return null;
  }

  private static String describe(char c) {
    return c < 0x20 || c >= 0x7F ? String.format("byte 0x%02X", (int) c) : "`" + c + "`";
  }

  /**
   * The lower-case essence ({@code type/subtype}) of a MIME type per the WHATWG MIME Sniffing
   * standard's "parse a MIME type", or null when parsing fails. Parameters never make it fail.
   */
  static String mimeEssence(String value) {
    String input = Infra.stripHttpWhitespace(value);
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
    return Infra.asciiLowercase(type + "/" + subtype);
  }

  /**
   * Fetch "parse a single range header value" without whitespace; suffix ranges are unsafe. The
   * unit {@code bytes} is matched case-sensitively, except by WebKit, which accepts {@code BYTES=}
   * too (observed). The standard sets no limit on the positions; Chromium accepts up to 2^63 - 2,
   * Firefox and WebKit up to 2^64 - 1 (observed).
   */
  static boolean isSafelistedRange(Browser browser, String value) {
    boolean unit =
        browser == Browser.SAFARI
            ? Infra.asciiStartsWithIgnoreCase(value, "bytes=")
            : value.startsWith("bytes=");
    if (!unit) {
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
    BigInteger max = browser == Browser.CHROMIUM ? CHROMIUM_MAX_RANGE : UNSIGNED_64_MAX;
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
    while (i < value.length() && Infra.isAsciiDigit(value.charAt(i))) {
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
  static List<UnsafeHeader> unsafeHeaders(Browser browser, List<Header> headers) {
    List<UnsafeHeader> unsafe = new ArrayList<>();
    List<Header> safelisted = new ArrayList<>();
    int safelistedSize = 0;
    for (Header header : headers) {
      String reason = unsafeReason(browser, header.name(), header.value());
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
      names.add(Infra.asciiLowercase(header.name()));
    }
    return List.copyOf(names);
  }

  private static String stripTrailingHttpWhitespace(String value) {
    int end = value.length();
    while (end > 0 && Infra.isHttpWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }
}
