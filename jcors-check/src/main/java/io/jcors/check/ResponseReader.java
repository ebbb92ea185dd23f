package io.jcors.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link RawResponse} as one engine's HTTP/1.1 parser does (rules F46-F52 of
 * docs/fetch-rules.md): whether it is a response at all or a network error, its status, and the
 * header list the CORS checks see. RFC 9112 (sections 4, 5 and 6) and Fetch say what a response is;
 * where engines read malformed bytes differently, each engine's behaviour as BrowserParityTest
 * observed it is followed, and docs/fetch-rules.md lists every difference. WebKit's rules are
 * WebKitGTK's, which reads HTTP with libsoup; Safari reads it with CFNetwork, which may differ.
 */
final class ResponseReader {
  private ResponseReader() {}

  /**
   * The most bytes of response head each engine accepts: Chromium 256 KiB
   * (net/http/http_stream_parser.cc), Firefox 384 KiB (the default of {@code
   * network.http.max_response_header_size}), WebKitGTK 64 KiB (libsoup); each observed to the
   * kilobyte by BrowserParityTest.
   */
  static int maxHead(Browser browser) {
    switch (browser) {
      case CHROMIUM:
        return 256 * 1024;
      case FIREFOX:
        return 384 * 1024;
      default:
        return 64 * 1024;
    }
  }

  /** A response as an engine reads it: a network error, or the status and header list. */
  record Read(ReceivedResponse response, Check networkError, String bodyNote) {}

  static Read read(Browser browser, RawResponse raw, String what) {
    List<Header> headers = new ArrayList<>();
    Check error = null;
    if (raw.headTooLarge() || raw.headBytes() > maxHead(browser)) {
      error =
          fail(
              "F51",
              what,
              raw.headTooLarge()
                  ? "its head (status line and headers) goes on past "
                      + SocketTransport.MAX_HEAD / 1024
                      + " KiB; no browser reads that much"
                  : "its head (status line and headers) is "
                      + raw.headBytes()
                      + " bytes; "
                      + browser.displayName()
                      + " accepts at most "
                      + maxHead(browser) / 1024
                      + " KiB",
              "send fewer or shorter headers (large cookies and tokens are the usual cause)");
    }
    String statusLine = raw.statusLine();
    if (error == null && browser != Browser.FIREFOX && statusLine.indexOf('\0') >= 0) {
      error = nul(what, "the status line");
    }
    int status = status(browser, statusLine);
    if (error == null && status < 0) {
      error =
          fail(
              "F46",
              what,
              "its status line `"
                  + statusLine
                  + "` is not `HTTP/1.1 <3-digit status> <reason>`"
                  + statusLineNote(browser),
              "send a status line such as `HTTP/1.1 200 OK`");
    }
    Header previous = null;
    for (String line : raw.lines()) {
      if (!line.isEmpty() && Infra.isHttpTabOrSpace(line.charAt(0))) {
        // RFC 9112 section 5.2, obs-fold: a continuation of the previous field line. Right after
        // the status line there is none, and every engine takes it as part of the status line.
        if (previous != null) {
          Header joined = new Header(previous.name(), fold(browser, previous.value(), line));
          headers.set(headers.size() - 1, joined);
          previous = joined;
        }
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.indexOf('\0') >= 0 || (browser != Browser.FIREFOX && name.indexOf('\0') >= 0)) {
        if (error == null) {
          error = nul(what, "the header line `" + line + "`");
        }
        continue;
      }
      if (colon < 0) {
        continue; // RFC 9112 section 5: a field line without a colon is not a field; ignored
      }
      if (browser == Browser.CHROMIUM) {
        name = Infra.stripHttpTabOrSpace(name); // Chromium drops whitespace before the colon
      }
      if (!HeaderLists.isToken(name)) {
        continue; // an invalid name (Firefox and WebKit: whitespace before the colon); ignored
      }
      int cr = value.indexOf('\r');
      if (cr >= 0) {
        // RFC 9112 section 2.2: a bare CR is invalid or to be read as SP. Engines differ.
        if (browser == Browser.FIREFOX) {
          continue;
        }
        value = browser == Browser.CHROMIUM ? value.substring(0, cr) : value.replace('\r', ' ');
      }
      // Fetch "normalize": leading and trailing HTTP whitespace is not part of the value.
      previous = new Header(name, Infra.stripHttpWhitespace(value));
      headers.add(previous);
    }
    if (error == null) {
      error = framing(browser, headers, raw, what);
    }
    String note = null;
    if (error == null && raw.body() != RawResponse.Body.COMPLETE) {
      note = bodyNote(raw.body());
    }
    return new Read(new ReceivedResponse(Math.max(status, 0), headers), error, note);
  }

  /**
   * The status code as {@code browser} reads the status line, or -1 when it is not one.
   *
   * <p>RFC 9112 section 4: {@code HTTP-version SP 3DIGIT SP [reason-phrase]}. Chromium takes any
   * line starting with {@code http} (any case), and as status the digits after the first space, or
   * 200 when there are none (net/http/http_response_headers.cc, {@code ParseStatusLine}). Firefox
   * wants {@code HTTP/} and a version, one space, then one to three digits ending at a space, a tab
   * or the end. WebKitGTK wants {@code HTTP/1.0} or {@code HTTP/1.1}, then exactly three digits
   * from 100 (libsoup, {@code soup_headers_parse_status_line}). All three observed by
   * BrowserParityTest.
   */
  static int status(Browser browser, String line) {
    switch (browser) {
      case CHROMIUM:
        {
          String trimmed = Infra.stripHttpTabOrSpace(line);
          if (!Infra.asciiStartsWithIgnoreCase(trimmed, "http")) {
            return -1;
          }
          int space = trimmed.indexOf(' ');
          if (space < 0) {
            return 200;
          }
          int p = space;
          while (p < trimmed.length() && trimmed.charAt(p) == ' ') {
            p++;
          }
          int start = p;
          while (p < trimmed.length() && Infra.isAsciiDigit(trimmed.charAt(p)) && p - start < 9) {
            p++;
          }
          return p == start ? 200 : Integer.parseInt(trimmed.substring(start, p));
        }
      case FIREFOX:
        {
          String trimmed = line.replaceFirst("^[ \t]+", "");
          int space = trimmed.indexOf(' ');
          String version = space < 0 ? trimmed : trimmed.substring(0, space);
          if (!version.matches("HTTP/([23]|[1-9][0-9]*\\.[0-9]+)") || space < 0) {
            return -1;
          }
          int p = space;
          while (p < trimmed.length() && trimmed.charAt(p) == ' ') {
            p++;
          }
          int start = p;
          while (p < trimmed.length() && Infra.isAsciiDigit(trimmed.charAt(p))) {
            p++;
          }
          boolean ends =
              p == trimmed.length() || trimmed.charAt(p) == ' ' || trimmed.charAt(p) == '\t';
          if (p == start || p - start > 3 || !ends) {
            return -1;
          }
          return Integer.parseInt(trimmed.substring(start, p));
        }
      default:
        {
          if (!line.startsWith("HTTP/1.0") && !line.startsWith("HTTP/1.1")) {
            return -1;
          }
          int p = "HTTP/1.x".length();
          int separators = p;
          while (p < line.length() && Infra.isHttpTabOrSpace(line.charAt(p))) {
            p++;
          }
          if (p == separators) {
            return -1;
          }
          int start = p;
          while (p < line.length() && Infra.isAsciiDigit(line.charAt(p))) {
            p++;
          }
          if (p - start != 3) {
            return -1;
          }
          int code = Integer.parseInt(line.substring(start, p));
          return code < 100 ? -1 : code;
        }
    }
  }

  private static String statusLineNote(Browser browser) {
    switch (browser) {
      case CHROMIUM:
        return "; Chrome reads almost any line starting with `HTTP`, but not this one";
      case FIREFOX:
        return "; Firefox wants `HTTP/` and a version, one space and at most three digits";
      default:
        return "; Safari (WebKit) wants `HTTP/1.0` or `HTTP/1.1` and three digits from 100";
    }
  }

  /**
   * Joins a continuation line to the value it continues. Chromium and WebKit replace the line break
   * and the whitespace around it by one space; Firefox keeps the continuation's leading whitespace
   * (RFC 9112 section 5.2 allows "one or more SP").
   */
  private static String fold(Browser browser, String value, String continuation) {
    String next =
        browser == Browser.FIREFOX
            ? continuation.replaceFirst("[ \t]+$", "")
            : " " + Infra.stripHttpTabOrSpace(continuation);
    return Infra.stripHttpWhitespace(value + next);
  }

  /**
   * RFC 9112 section 6.3 and RFC 9110 section 8.6: {@code Content-Length} values that disagree make
   * the framing invalid, and a user agent discards the response. Chromium and Firefox compare every
   * value of every line (a list of equal values is accepted, {@code 2} and {@code 02} differ) and
   * ignore one that is not a number; WebKitGTK uses the first line only and rejects it unless it is
   * an integer (observed). Firefox also rejects a response whose chunked body has a chunk size that
   * is not hexadecimal.
   */
  private static Check framing(
      Browser browser, List<Header> headers, RawResponse raw, String what) {
    List<String> lengths = new ArrayList<>();
    for (Header header : headers) {
      if (Infra.asciiEqualsIgnoreCase(header.name(), "content-length")) {
        lengths.add(header.value());
      }
    }
    String fix = "send one `Content-Length` with the body's length, or none with chunked encoding";
    if (browser == Browser.SAFARI) {
      if (!lengths.isEmpty() && !lengths.get(0).matches("[+-]?[0-9]+")) {
        return fail(
            "F50",
            what,
            "its `Content-Length: "
                + lengths.get(0)
                + "` is not a number, and Safari (WebKit) then rejects the response",
            fix);
      }
    } else {
      Set<String> distinct = new LinkedHashSet<>();
      for (String length : lengths) {
        for (String element : HeaderLists.splitCommas(length)) {
          distinct.add(Infra.stripHttpTabOrSpace(element));
        }
      }
      if (distinct.size() > 1) {
        return fail(
            "F50",
            what,
            "its `Content-Length` values disagree (`"
                + String.join("`, `", distinct)
                + "`), so its framing is invalid (RFC 9112 section 6.3) and "
                + browser.displayName()
                + " rejects it",
            fix);
      }
    }
    if (browser == Browser.FIREFOX && raw.body() == RawResponse.Body.INVALID_CHUNK) {
      return fail(
          "F52",
          what,
          "its chunked body has a chunk size that is not hexadecimal, and Firefox then rejects the"
              + " whole response",
          "send a valid chunked body (RFC 9112 section 7.1), or a Content-Length");
    }
    return null;
  }

  private static String bodyNote(RawResponse.Body body) {
    switch (body) {
      case CLOSED_EARLY:
        return "the connection closed before the end of the body; the page gets the response, but"
            + " reading its body fails";
      case INVALID_CHUNK:
        return "the chunked body has a chunk size that is not hexadecimal; the page gets the"
            + " response, but reading its body fails";
      default:
        return "the check did not read the body past "
            + SocketTransport.MAX_BODY / (1024 * 1024)
            + " MiB";
    }
  }

  private static Check nul(String what, String where) {
    return fail(
        "F47",
        what,
        where + " contains a NUL byte, and a browser then rejects the whole response",
        "remove the NUL byte (0x00) from the response headers");
  }

  private static Check fail(String rule, String what, String explanation, String fix) {
    return Check.fail(
        rule, "http", "the " + what + " is not a valid HTTP response: " + explanation, fix);
  }
}
