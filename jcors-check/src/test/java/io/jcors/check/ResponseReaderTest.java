package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How each engine reads a malformed response (F46-F52): the table of what Chromium, Firefox and
 * WebKitGTK were seen to do by BrowserParityTest, one row per difference.
 */
class ResponseReaderTest {
  ResponseReaderTest() {}

  private static ResponseReader.Read read(Browser browser, String statusLine, String... lines) {
    return ResponseReader.read(
        browser,
        new RawResponse(statusLine, List.of(lines), 100, false, RawResponse.Body.COMPLETE),
        "response");
  }

  /** Each engine's status for a status line; -1 is a network error. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP/1.1 200 OK|200|200|200",
        "HTTP/1.1 200|200|200|200",
        "HTTP/1.0 404 Not Found|404|404|404",
        "HTTP/1.1  200 OK|200|200|200",
        "http/1.1 200 OK|200|-1|-1",
        "HTTP/1.1 200OK|200|-1|200",
        "HTTP/2 200 OK|200|200|-1",
        "HTTP/1.10 200 OK|200|200|-1",
        "HTTP/1 200 OK|200|-1|-1",
        "HTTP/1.1 20 OK|20|20|-1",
        "HTTP/1.1 099 OK|99|99|-1",
        "HTTP/1.1 600 OK|600|600|600",
        "HTTP/1.1 1000 OK|1000|-1|-1",
        "HTTP/1.1 abc OK|200|-1|-1",
        "HTTP/1.1\t200 OK|200|-1|200",
        "hello|-1|-1|-1",
      })
  void statusLine(String line, int chromium, int firefox, int webkit) {
    assertThat(ResponseReader.status(Browser.CHROMIUM, line)).isEqualTo(chromium);
    assertThat(ResponseReader.status(Browser.FIREFOX, line)).isEqualTo(firefox);
    assertThat(ResponseReader.status(Browser.SAFARI, line)).isEqualTo(webkit);
  }

  /** The value each engine sees for {@code X-Note}, or {@code error} for a network error. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'X-Note: a'|a|a|a",
        "'X-Note : a'|a|(none)|(none)",
        "'X-Note\t: a'|a|(none)|(none)",
        "'X-Note: \t a \t'|a|a|a",
        "'X-Note: a\u000b'|'a\u000b'|'a\u000b'|'a\u000b'",
        "'X-Note: a\u0000b'|error|error|error",
        "'X-N\u0000ote: a'|error|(none)|error",
        "'X-Note: a\rb'|a|(none)|a b",
        "'X Note: a'|(none)|(none)|(none)",
        "'no colon'|(none)|(none)|(none)",
      })
  void headerLine(String line, String chromium, String firefox, String webkit) {
    assertThat(note(read(Browser.CHROMIUM, "HTTP/1.1 200 OK", line))).isEqualTo(chromium);
    assertThat(note(read(Browser.FIREFOX, "HTTP/1.1 200 OK", line))).isEqualTo(firefox);
    assertThat(note(read(Browser.SAFARI, "HTTP/1.1 200 OK", line))).isEqualTo(webkit);
  }

  private static String note(ResponseReader.Read read) {
    if (read.networkError() != null) {
      return "error";
    }
    String value = read.response().get("X-Note");
    return value == null ? "(none)" : value;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'   b  '|a b|a   b|a b",
        "'\tb'|a b|a\tb|a b",
      })
  void obsFold(String continuation, String chromium, String firefox, String webkit) {
    assertThat(note(read(Browser.CHROMIUM, "HTTP/1.1 200 OK", "X-Note: a", continuation)))
        .isEqualTo(chromium);
    assertThat(note(read(Browser.FIREFOX, "HTTP/1.1 200 OK", "X-Note: a", continuation)))
        .isEqualTo(firefox);
    assertThat(note(read(Browser.SAFARI, "HTTP/1.1 200 OK", "X-Note: a", continuation)))
        .isEqualTo(webkit);
  }

  /** Whether each engine rejects the response for its Content-Length lines (split at " / "). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length: 2|ok|ok|ok",
        "Content-Length: 2, 2|ok|ok|error",
        "Content-Length: 2, 3|error|error|error",
        "Content-Length: 1 / Content-Length: 2|error|error|ok",
        "Content-Length: 2 / Content-Length: 02|error|error|ok",
        "Content-Length: x|ok|ok|error",
      })
  void contentLength(String lines, String chromium, String firefox, String webkit) {
    Browser[] browsers = {Browser.CHROMIUM, Browser.FIREFOX, Browser.SAFARI};
    String[] expected = {chromium, firefox, webkit};
    for (int i = 0; i < 3; i++) {
      ResponseReader.Read read = read(browsers[i], "HTTP/1.1 200 OK", lines.split(" / "));
      assertThat(read.networkError() == null ? "ok" : "error")
          .as(browsers[i] + " " + lines)
          .isEqualTo(expected[i]);
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({
    "60000,ok,ok,ok",
    "100000,ok,ok,error",
    "300000,error,ok,error",
    "500000,error,error,error"
  })
  void headSize(int bytes, String chromium, String firefox, String webkit) {
    Browser[] browsers = {Browser.CHROMIUM, Browser.FIREFOX, Browser.SAFARI};
    String[] expected = {chromium, firefox, webkit};
    for (int i = 0; i < 3; i++) {
      ResponseReader.Read read =
          ResponseReader.read(
              browsers[i],
              new RawResponse(
                  "HTTP/1.1 200 OK", List.of(), bytes, false, RawResponse.Body.COMPLETE),
              "response");
      assertThat(read.networkError() == null ? "ok" : "error")
          .as(browsers[i].name())
          .isEqualTo(expected[i]);
      if (read.networkError() != null) {
        assertThat(read.networkError().rule()).isEqualTo("F51");
      }
    }
  }

  /**
   * Random response bytes, read by every engine and carried through the whole check (redirects
   * included): always a verdict, never an exception, and the report stays printable.
   */
  @org.junit.jupiter.api.Test
  void randomResponses_alwaysEndInAVerdict() throws CheckException {
    java.util.Random random = new java.util.Random(46);
    String[] pieces = {
      "HTTP/1.1 ",
      "200",
      "302",
      "204",
      " OK",
      "http/1.1 ",
      "HTTP/2 ",
      "\u0000",
      "\r",
      " ",
      "\t",
      ":",
      ",",
      "Access-Control-Allow-Origin",
      "*",
      "null",
      "https://app.example.com",
      "Location",
      "/x",
      "//a.example/",
      "http://@b.example:1/",
      "http://[::1",
      "\\",
      "%2e%2e",
      "Content-Length",
      "Access-Control-Allow-Headers",
      "Access-Control-Max-Age",
      "-1",
      "abc",
      "Transfer-Encoding",
      "chunked",
      "\u00e9",
      "\u001b[2J",
      "\u000b",
    };
    for (int i = 0; i < 3000; i++) {
      List<String> lines = new java.util.ArrayList<>();
      for (int l = random.nextInt(6); l > 0; l--) {
        StringBuilder line = new StringBuilder();
        for (int p = random.nextInt(6); p > 0; p--) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
        lines.add(line.toString());
      }
      StringBuilder status = new StringBuilder();
      for (int p = random.nextInt(4); p > 0; p--) {
        status.append(pieces[random.nextInt(pieces.length)]);
      }
      RawResponse raw =
          new RawResponse(
              status.toString(),
              lines,
              random.nextInt(500_000),
              random.nextInt(20) == 0,
              RawResponse.Body.values()[random.nextInt(RawResponse.Body.values().length)]);
      CheckRequest request =
          CheckRequest.builder("https://api.example/x", "https://app.example.com")
              .method(random.nextBoolean() ? "GET" : "PUT")
              .header("X-Test", "1")
              .build();
      CheckReport report =
          CorsCheck.create((sent, deadline) -> raw, java.time.Duration.ofSeconds(5)).run(request);
      assertThat(report.verdict()).isNotNull();
      String text = report.toText();
      assertThat(text.replace("\n", "").codePoints().allMatch(PrintableText::isPrintable))
          .as(text)
          .isTrue();
    }
  }
}
