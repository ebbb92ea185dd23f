package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcors.check.ScriptedServer.Reply;
import io.jcors.check.browser.Json;
import io.jcors.testsupport.RawServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole check against a real scripted server, without a browser. */
class CorsCheckTest {
  private static final String PAGE = "https://app.example.com";
  private static final String STAR = "Access-Control-Allow-Origin: *";
  private ScriptedServer server;
  private ScriptedServer other;

  CorsCheckTest() {}

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
    other = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  private CheckReport run(CheckRequest.Builder request) throws CheckException {
    return CorsCheck.create().run(request.build());
  }

  @Test
  void trailingSlash_blocked_withRuleExplanationAndFix() throws CheckException {
    server.route("/data", null, Reply.of(200, "Access-Control-Allow-Origin: " + PAGE + "/"));
    CheckReport report = run(CheckRequest.builder(server.origin() + "/data", PAGE));

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.preflight().sent()).isFalse();
    assertThat(report.preflight().reason())
        .isEqualTo(
            "not needed: `GET` is a CORS-safelisted method and every request header is"
                + " CORS-safelisted");
    Check failure = report.failure().orElseThrow();
    assertThat(failure.rule()).isEqualTo("F9");
    assertThat(failure.explanation())
        .isEqualTo(
            "the response allows `https://app.example.com/` (with a trailing slash) but the"
                + " page's origin is `https://app.example.com`; a browser compares them byte for"
                + " byte");
    assertThat(report.toText())
        .contains("   > GET " + server.origin() + "/data\n")
        .contains("   > Origin: https://app.example.com\n")
        .contains("   [FAIL] F9 the response allows `https://app.example.com/`")
        .contains("Verdict: blocked (F9: ")
        .contains(
            "Fix: send `Access-Control-Allow-Origin: https://app.example.com` exactly as the"
                + " browser sent it in `Origin`");
  }

  @Test
  void preflightedPut_allowed_json() throws CheckException {
    server.route(
        "/items",
        Reply.of(
            204,
            "Access-Control-Allow-Origin: " + PAGE,
            "Access-Control-Allow-Methods: PUT",
            "Access-Control-Allow-Headers: Content-Type, X-Token"),
        Reply.of(200, "Access-Control-Allow-Origin: " + PAGE, "X-Hidden: 1"));
    CheckReport report =
        run(
            CheckRequest.builder(server.origin() + "/items", PAGE)
                .method("put")
                .header("X-Token", "abc")
                .header("Content-Type", "application/json"));

    assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(report.exitCode()).isZero();
    assertThat(report.steps())
        .extracting(Step::kind)
        .containsExactly(Step.Kind.PREFLIGHT, Step.Kind.REQUEST);
    assertThat(report.steps().get(0).request().headers())
        .containsExactly(
            new Header("Accept", "*/*"),
            new Header("Access-Control-Request-Method", "PUT"),
            new Header("Access-Control-Request-Headers", "content-type,x-token"),
            new Header("Origin", PAGE));

    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
    assertThat(json.get("verdict")).isEqualTo("allowed");
    @SuppressWarnings("unchecked")
    Map<String, Object> preflight = (Map<String, Object>) json.get("preflight");
    assertThat(preflight.get("sent")).isEqualTo(true);
    assertThat((String) preflight.get("reason"))
        .isEqualTo(
            "needed: the method `PUT` is not CORS-safelisted (GET, HEAD, POST); the request header"
                + " `X-Token` is not CORS-safelisted: only Accept, Accept-Language,"
                + " Content-Language, Content-Type and Range can be safelisted; the request"
                + " header `Content-Type` is not CORS-safelisted: `application/json` is not"
                + " application/x-www-form-urlencoded, multipart/form-data or text/plain");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
    assertThat(steps).extracting(step -> step.get("kind")).containsExactly("preflight", "request");
    assertThat(steps).extracting(step -> step.get("result")).containsExactly("pass", "pass");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checks = (List<Map<String, Object>>) steps.get(0).get("checks");
    assertThat(checks)
        .extracting(check -> check.get("rule"))
        .containsExactly("F15", "F9", "F18", "F21", "F21", "F22");
    assertThat(json.get("failure")).isNull();
    assertThat(json.get("readableHeaders")).isEqualTo(List.of("content-length"));
  }

  @Test
  void preflight401_blocked_json() throws CheckException {
    server.route("/items", Reply.of(401, STAR), Reply.of(200));
    CheckReport report =
        run(CheckRequest.builder(server.origin() + "/items", PAGE).method("DELETE"));
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
    assertThat(json.get("verdict")).isEqualTo("blocked");
    @SuppressWarnings("unchecked")
    Map<String, Object> failure = (Map<String, Object>) json.get("failure");
    assertThat(failure.get("rule")).isEqualTo("F15");
    assertThat((String) failure.get("fix")).startsWith("answer OPTIONS with 204");
    assertThat(server.received())
        .extracting(ScriptedServer.Received::method)
        .containsExactly("OPTIONS");
  }

  @Test
  void crossOriginRedirect_sendsOriginNull() throws CheckException {
    server.route("/a", null, Reply.of(302, STAR, "Location: " + other.origin() + "/b"));
    other.route("/b", null, Reply.of(200, "Access-Control-Allow-Origin: " + PAGE));
    CheckReport report = run(CheckRequest.builder(server.origin() + "/a", PAGE));

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(other.received().get(0).header("Origin")).isEqualTo("null");
    assertThat(report.failure().orElseThrow().explanation())
        .contains("after a redirect to another origin the browser sends `Origin: null`");
  }

  @Test
  void sameOrigin_isNotCors() throws CheckException {
    server.route("/x", null, Reply.of(200));
    CheckReport report =
        run(CheckRequest.builder(server.origin() + "/x", server.origin()).header("X-A", "1"));
    assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(report.preflight().sent()).isFalse();
    assertThat(report.preflight().reason()).contains("same-origin requests are not CORS requests");
  }

  @Test
  void authorizationUnderStar_allowedWithAWarning() throws CheckException {
    server.route("/x", Reply.of(204, STAR, "Access-Control-Allow-Headers: *"), Reply.of(200, STAR));
    CheckReport report =
        run(CheckRequest.builder(server.origin() + "/x", PAGE).header("Authorization", "Bearer x"));
    assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(report.toText())
        .contains("[warn] F20")
        .contains("Warning: add `Authorization` to `Access-Control-Allow-Headers` explicitly");
    assertThat(report.toJson()).contains("\"result\":\"warn\"");
  }

  @Test
  void closedPort_isUnreachable_exitCode2() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    CheckException e =
        catchThrowableOfType(
            CheckException.class,
            () ->
                CorsCheck.create(Duration.ofSeconds(5))
                    .run(CheckRequest.builder("http://127.0.0.1:" + port + "/", PAGE).build()));
    assertThat(e.kind()).isEqualTo(CheckException.Kind.UNREACHABLE);
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot reach http://127.0.0.1:"
                + port
                + "/: connection refused (is the server running on that port?)");
  }

  // ---------------------------------------------------------------------------------------------
  // Bytes a browser sends and reads, which the JDK's HTTP client refused or cleaned.

  @Test
  void controlByteInARequestHeader_isSentAsIs_afterAPreflight() throws CheckException {
    // Once: "cannot reach ...: IllegalArgumentException: invalid header value", exit 2.
    server.route(
        "/x", Reply.of(204, STAR, "Access-Control-Allow-Headers: x-test"), Reply.of(200, STAR));
    CheckReport report =
        run(CheckRequest.builder(server.origin() + "/x", PAGE).header("X-Test", "a\u0001b\u007f"));

    assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(server.received().get(1).header("X-Test")).isEqualTo("a\u0001b\u007f");
    assertThat(report.toText()).contains("   > X-Test: a\\u0001b\\u007f\n");
  }

  @Test
  void nulInAllowOrigin_isANetworkError_notAnOrigin() throws Exception {
    // Once the JDK client dropped the NUL and the check said "allowed"; browsers reject it.
    try (RawServer raw =
        RawServer.start(
            (head, out) ->
                RawServer.write(
                    out,
                    "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\u0000\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n"))) {
      CheckReport report = run(CheckRequest.builder(raw.origin() + "/nul", PAGE));

      assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
      assertThat(report.outcomes()).hasSize(1);
      Check failure = report.failure().orElseThrow();
      assertThat(failure.rule()).isEqualTo("F47");
      assertThat(failure.explanation())
          .isEqualTo(
              "the response is not a valid HTTP response: the header line"
                  + " `Access-Control-Allow-Origin: *\u0000` contains a NUL byte, and a browser then"
                  + " rejects the whole response");
      assertThat(report.toText()).contains("Access-Control-Allow-Origin: *\\u0000");
    }
  }

  @Test
  void verticalTabAroundContentType_isKept_soAPreflightIsNeeded() throws CheckException {
    // String.strip() removed the vertical tab: no preflight, allowed; browsers preflight.
    server.route("/x", Reply.of(204, STAR), Reply.of(200, STAR));
    CheckReport report =
        run(
            CheckRequest.builder(server.origin() + "/x", PAGE)
                .method("POST")
                .headerLine("Content-Type: \u000btext/plain"));

    assertThat(report.preflight().sent()).isTrue();
    assertThat(report.preflight().reason())
        .contains("`Content-Type` is not CORS-safelisted: its value contains byte 0x0B");
    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void redirectToEmptyUserinfo_isFollowed_andToCredentialsElsewhere_isRefused()
      throws CheckException {
    // "http://@host/" has no credentials (URL standard); java.net.URI saw user information.
    server.route(
        "/a",
        null,
        Reply.of(302, STAR, "Location: http://@127.0.0.1:" + other.origin().split(":")[2] + "/b"));
    other.route("/b", null, Reply.of(200, STAR));
    assertThat(run(CheckRequest.builder(server.origin() + "/a", PAGE)).verdict())
        .isEqualTo(Verdict.ALLOWED);

    // A same-origin request that is redirected to credentials on another origin: refused too,
    // which the check once applied only after the first cross-origin hop.
    server.route(
        "/same",
        null,
        Reply.of(302, "Location: " + other.origin().replace("http://", "http://u:p@") + "/b"));
    CheckReport report = run(CheckRequest.builder(server.origin() + "/same", server.origin()));
    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(report.failure().orElseThrow().rule()).isEqualTo("F36");
  }

  @Test
  void forbiddenRequestHeader_isDropped_withAWarning_notAUsageError() throws CheckException {
    // Once: "header `Cookie` is a forbidden request header", exit 2.
    server.route("/x", null, Reply.of(200, STAR));
    CheckReport report =
        run(
            CheckRequest.builder(server.origin() + "/x", PAGE)
                .header("Cookie", "a=b")
                .header("Sec-Foo", "1"));

    assertThat(report.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(report.preflight().sent()).isFalse();
    assertThat(server.received().get(0).header("Cookie")).isNull();
    assertThat(server.received().get(0).header("Sec-Foo")).isNull();
    assertThat(report.toText())
        .contains(
            "   [warn] F29 the page sets `Cookie`, but it is a forbidden request header, which only"
                + " the browser sets; the browser drops it silently and sends the request without"
                + " it\n")
        .contains("   [warn] F29 the page sets `Sec-Foo`, but no page may set a `sec-*` header")
        .contains(
            "Warning: do not set `Cookie`; use --credentials (credentials: 'include') to send the"
                + " browser's cookies\n");
  }

  @Test
  void enginesThatDiffer_getASectionEach_andOneLineSaysWhere() throws CheckException {
    // Chromium safelists the client hint DPR; Firefox and Safari preflight it.
    server.route("/x", Reply.of(404), Reply.of(200, STAR));
    CheckReport report = run(CheckRequest.builder(server.origin() + "/x", PAGE).header("DPR", "2"));

    assertThat(report.summary()).isEqualTo("blocked in Firefox and Safari, allowed in Chrome");
    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.verdict(Browser.CHROMIUM)).isEqualTo(Verdict.ALLOWED);
    String text = report.toText();
    assertThat(text)
        .contains("\nBrowsers: blocked in Firefox and Safari, allowed in Chrome\n")
        .contains("\n== Chrome ==\nPreflight: not sent (")
        .contains("\n== Firefox and Safari ==\nPreflight: sent (")
        .contains("Verdict in Chrome: allowed (the page can read the response, status 200)")
        .contains("Verdict in Firefox and Safari: blocked (F15: ")
        .endsWith("\nVerdict: blocked in Firefox and Safari, allowed in Chrome\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
    assertThat(json.get("verdict")).isEqualTo("blocked");
    assertThat(json.get("browsers"))
        .isEqualTo(Map.of("chromium", "allowed", "firefox", "blocked", "safari", "blocked"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outcomes = (List<Map<String, Object>>) json.get("outcomes");
    assertThat(outcomes)
        .extracting(outcome -> outcome.get("browsers"))
        .containsExactly(List.of("chromium"), List.of("firefox", "safari"));
    // Only Chromium's exchange is sent once for all: the request without preflight; the
    // preflight of Firefox is reused by Safari.
    assertThat(server.received())
        .extracting(ScriptedServer.Received::method)
        .containsExactly("GET", "OPTIONS");
  }

  @Test
  void oneBrowser_onlyThatEngineIsChecked() throws CheckException {
    server.route("/x", Reply.of(404), Reply.of(200, STAR));
    CheckReport report =
        CorsCheck.create()
            .browsers(java.util.Set.of(Browser.FIREFOX))
            .run(CheckRequest.builder(server.origin() + "/x", PAGE).header("DPR", "2").build());
    assertThat(report.browsers()).containsExactly(Browser.FIREFOX);
    assertThat(report.toText()).contains("\nBrowsers: Firefox\n");
    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
  }
}
