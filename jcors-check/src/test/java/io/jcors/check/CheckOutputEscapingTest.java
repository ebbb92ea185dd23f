package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.check.browser.Json;
import io.jcors.testsupport.RawServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a server sends reaches the report escaped: a header value with {@code ESC [2J} once cleared
 * the terminal and could repaint the verdict; with BS it could overwrite it; a bidi override could
 * reorder it. The text report escapes every character that is not printable; the JSON report
 * escapes the same characters the JSON way, and stays valid JSON with the same values.
 */
class CheckOutputEscapingTest {
  private static final String PAGE = "https://app.example.com";

  /** Hostile header values: name, value, and how the text report shows the value. */
  private static final List<String[]> HOSTILE =
      List.of(
          new String[] {"X-Esc", "\u001b[2J\u001b[HVerdict: allowed", "\\u001b[2J\\u001b[HVerdict"},
          new String[] {"X-Bel", "a\u0007b", "a\\u0007b"},
          new String[] {"X-Bs", "blocked\b\b\b\b\b\b\ballowed", "blocked\\u0008\\u0008"},
          new String[] {"X-Csi", "\u009b2J", "\\u009b2J"},
          new String[] {"X-Bidi", "abc\u202edcba", "abc\\u202edcba"},
          new String[] {"X-Line", "a\u2028b", "a\\u2028b"});

  CheckOutputEscapingTest() {}

  /** Every character of the text is printable, apart from the report's own line breaks. */
  private static void assertPrintable(String text) {
    assertThat(text.replace("\n", "").codePoints().allMatch(PrintableText::isPrintable))
        .as("only printable characters and line breaks in:%n%s", text)
        .isTrue();
  }

  @Test
  void c1ControlFromARealServer_isEscapedInTextAndJson() throws Exception {
    try (RawServer server =
        RawServer.start(
            (head, out) ->
                RawServer.write(
                    out,
                    "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-Note: a\u009b2Jb\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n"))) {
      CheckReport report =
          CorsCheck.create().run(CheckRequest.builder(server.origin() + "/c1", PAGE).build());

      assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
      assertThat(report.steps().get(0).response().get("X-Note")).isEqualTo("a\u009b2Jb");
      assertThat(report.toText()).contains("   < X-Note: a\\u009b2Jb\n");
      assertPrintable(report.toText());
      String json = report.toJson();
      assertThat(json).contains("\"a\\u009b2Jb\"");
      assertPrintable(json);
      assertThat(headerValues(Json.parse(json))).contains("a\u009b2Jb");
    }
  }

  @Test
  void everyControlAndBidiCharacter_inHeadersAndInTheVerdict_isEscaped() throws Exception {
    // What an HTTP library may refuse to deliver (ESC, BEL inside a value), a browser accepts:
    // the report must stay safe whatever the response holds.
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Access-Control-Allow-Origin", PAGE + "\u001b[2J"));
    for (String[] hostile : HOSTILE) {
      headers.add(new Header(hostile[0], hostile[1]));
    }
    Transport transport = (request, deadline) -> RawResponse.of(200, headers);
    CheckRequest request = CheckRequest.builder("https://api.example.com/x", PAGE).build();

    CheckReport report = CorsCheck.create(transport, Duration.ofSeconds(5)).run(request);

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    String text = report.toText();
    assertPrintable(text);
    for (String[] hostile : HOSTILE) {
      assertThat(text).contains("   < " + hostile[0] + ": " + hostile[2]);
    }
    assertThat(text)
        .contains("   [FAIL] F9 ")
        .contains("https://app.example.com\\u001b[2J")
        .containsPattern("Verdict: blocked \\(F9: [^\n]*\\\\u001b\\[2J");
    String json = report.toJson();
    assertPrintable(json);
    List<String> values = headerValues(Json.parse(json));
    for (String[] hostile : HOSTILE) {
      assertThat(values).contains(hostile[1]);
    }
  }

  @Test
  void nulByte_isANetworkError_andItsLineIsShownEscaped() throws Exception {
    Transport transport =
        (request, deadline) -> RawResponse.of(200, List.of(new Header("X-Nul", "a\u0000b")));
    CheckRequest request = CheckRequest.builder("https://api.example.com/x", PAGE).build();

    CheckReport report = CorsCheck.create(transport, Duration.ofSeconds(5)).run(request);

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(report.failure().orElseThrow().rule()).isEqualTo("F47");
    assertPrintable(report.toText());
    assertThat(report.toText()).contains("the header line `X-Nul: a\\u0000b` contains a NUL byte");
    assertPrintable(report.toJson());
  }

  /** The values of every request and response header of every step of a parsed JSON report. */
  @SuppressWarnings("unchecked")
  private static List<String> headerValues(Object json) {
    List<String> values = new ArrayList<>();
    for (Map<String, Object> step :
        (List<Map<String, Object>>) ((Map<String, Object>) json).get("steps")) {
      for (String part : List.of("request", "response")) {
        Map<String, Object> message = (Map<String, Object>) step.get(part);
        for (Map<String, Object> header : (List<Map<String, Object>>) message.get("headers")) {
          values.add((String) header.get("value"));
        }
      }
    }
    return values;
  }
}
