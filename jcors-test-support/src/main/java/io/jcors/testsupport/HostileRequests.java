package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Hostile HTTP sent over raw sockets (S15-S18, S26): huge, repeated, empty and malformed headers,
 * control bytes, non-ASCII and absurd methods, and the checks on what comes back. Whatever the
 * server lets through, jcors causes no 5xx, reflects no invalid byte and sends no {@code
 * Access-Control-Allow-Origin} for an origin that did not match. The server under test runs {@link
 * #policy()} in front of an application that answers 200.
 */
public final class HostileRequests {
  /** The one origin {@link #policy()} allows. */
  public static final String APP = "https://app.example.com";

  private static final int MIB = 1 << 20;

  private HostileRequests() {}

  /** Allows {@link #APP} only, with credentials. */
  public static CorsPolicy policy() {
    return CorsPolicy.of(CorsOptions.builder().origin(List.of(APP)).credentials(true).build());
  }

  private static String preflight(String origin, String requestHeaders) {
    return "OPTIONS /r HTTP/1.1\r\nHost: x\r\nOrigin: "
        + origin
        + "\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: "
        + requestHeaders
        + "\r\n";
  }

  /**
   * The hostile requests as {@code (mayMatch, name, head)}, for {@link #checkHostileRequest}: the
   * head is the request line and header lines, each ending in CRLF, without the blank line.
   */
  public static Stream<Arguments> cases() {
    String junkLines = "X-Junk: v\r\n".repeat(5000);
    return Stream.of(
        Arguments.of(false, "1 MiB Origin", preflight("https://" + "a".repeat(MIB), "x-a")),
        Arguments.of(
            true, "1 MiB Access-Control-Request-Headers", preflight(APP, "a,".repeat(MIB / 2))),
        Arguments.of(
            false, "6 KiB Origin", preflight("https://" + "a".repeat(6000) + ".com", "x-a")),
        Arguments.of(
            false,
            "6 KiB of commas in Access-Control-Request-Headers",
            preflight("https://attacker.example", ",".repeat(6000))),
        Arguments.of(
            true,
            "5000 header lines",
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n" + junkLines),
        Arguments.of(
            true,
            "50 empty Access-Control-Request-Headers lines",
            preflight(APP, "") + "Access-Control-Request-Headers:\r\n".repeat(49)),
        Arguments.of(
            true,
            "bare CR in Origin",
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\rSet-Cookie: x=1\r\n"),
        Arguments.of(
            true,
            "bare LF in Origin",
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\nSet-Cookie: x=1\r\n"),
        Arguments.of(
            true, "folded Origin", "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n x=1\r\n"),
        Arguments.of(
            true, "NUL in Origin", "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\0\r\n"),
        Arguments.of(
            true, "DEL in Origin", "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\u007f\r\n"),
        Arguments.of(true, "control byte in ACRH", preflight(APP, "x-a\u0001,x-b")),
        Arguments.of(
            false,
            "non-ASCII Origin",
            new String(
                ("GET /r HTTP/1.1\r\nHost: x\r\nOrigin: https://b\u00fccher.example\r\n")
                    .getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)),
        Arguments.of(
            true,
            "non-ASCII ACRH",
            new String(
                preflight(APP, "x-\u00fc").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)),
        Arguments.of(false, "empty Origin", "GET /r HTTP/1.1\r\nHost: x\r\nOrigin:\r\n"),
        Arguments.of(false, "empty Origin preflight", preflight("", "x-a")),
        Arguments.of(
            true,
            "empty Access-Control-Request-Method",
            "OPTIONS /r HTTP/1.1\r\nHost: x\r\nOrigin: "
                + APP
                + "\r\nAccess-Control-Request-Method:\r\n"),
        Arguments.of(
            true, "absurd method FOO", "FOO /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n"),
        Arguments.of(
            true,
            "4 KiB method",
            "A".repeat(4096) + " /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n"),
        Arguments.of(
            true,
            "method with separators",
            "G(T /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n"),
        Arguments.of(
            false,
            "Origin list",
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + ", " + APP + "\r\n"));
  }

  /**
   * Sends one of the {@link #cases()}: no 5xx, only clean bytes, no foreign origin and a valid
   * {@code Access-Control-Allow-Headers} if any. {@code mayMatch}: the request's Origin line starts
   * with the allowed origin, and the server may parse it as exactly that (it splits a bare CR or LF
   * into a new line, drops a NUL, or the hostile part is elsewhere in the request); then the
   * allowed origin may come back, and nothing else.
   */
  public static void checkHostileRequest(String base, boolean mayMatch, String name, String head)
      throws IOException {
    checkHostileRequest(base, mayMatch, name, head, false);
  }

  /**
   * {@link #checkHostileRequest(String, boolean, String, String)}, but where {@code serverFails}
   * (the server's own parser answers this request with a 5xx before any filter runs, which the
   * adapter's test shows on the server without the adapter), the response is a 5xx without any
   * {@code Access-Control-*} header: the adapter never saw the request.
   */
  public static void checkHostileRequest(
      String base, boolean mayMatch, String name, String head, boolean serverFails)
      throws IOException {
    RawHttp.Response response = RawHttp.send(base, head);
    if (serverFails) {
      assertThat(response.status()).as("status for %s", name).isBetween(500, 599);
      for (String[] header : response.headers()) {
        assertThat(header[0])
            .as("header for %s", name)
            .doesNotStartWithIgnoringCase("Access-Control-");
      }
    } else {
      assertThat(response.status()).as("status for %s", name).isLessThan(500);
    }
    assertThat(response.headBytesAreClean()).as("response bytes for %s", name).isTrue();
    String allowOrigin = response.header("Access-Control-Allow-Origin");
    if (mayMatch && allowOrigin != null) {
      assertThat(allowOrigin).as("ACAO for %s", name).isEqualTo(APP);
    } else {
      assertThat(allowOrigin).as("ACAO for %s", name).isNull();
    }
    String allowHeaders = response.header("Access-Control-Allow-Headers");
    if (allowHeaders != null) {
      assertThat(allowHeaders).matches("[A-Za-z0-9!#$%&'*+.^_`|~,\\t -]*").hasSizeLessThan(8193);
    }
  }

  /** Two Origin lines, the attacker's first: no {@code Access-Control-Allow-Origin}. */
  public static void checkDuplicateOriginAttackerFirst(String base) throws IOException {
    RawHttp.Response response =
        RawHttp.send(
            base,
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: https://attacker.example\r\nOrigin: "
                + APP
                + "\r\n");
    assertThat(response.status()).isLessThan(500);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  /** Two Origin lines, the allowed one first: only that one comes back. */
  public static void checkDuplicateOriginAttackerSecond(String base) throws IOException {
    RawHttp.Response response =
        RawHttp.send(
            base,
            "GET /r HTTP/1.1\r\nHost: x\r\nOrigin: "
                + APP
                + "\r\nOrigin: https://attacker.example\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  /** Sends every one of the {@link #cases()}, then a normal preflight, which still works. */
  public static void checkNormalPreflightAfterAll(String base) throws IOException {
    for (Arguments arguments : cases().toList()) {
      RawHttp.send(base, (String) arguments.get()[2]);
    }
    RawHttp.Response response = RawHttp.send(base, preflight(APP, "content-type,x-key"));
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("content-type,x-key");
  }
}
