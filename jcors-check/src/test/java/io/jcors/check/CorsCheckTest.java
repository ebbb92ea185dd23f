package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcors.check.ScriptedServer.Reply;
import io.jcors.check.browser.Json;
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
    server.route("/items", Reply.of(401, "Access-Control-Allow-Origin: *"), Reply.of(200));
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
    server.route(
        "/a",
        null,
        Reply.of(302, "Access-Control-Allow-Origin: *", "Location: " + other.origin() + "/b"));
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
    server.route(
        "/x",
        Reply.of(204, "Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: *"),
        Reply.of(200, "Access-Control-Allow-Origin: *"));
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
}
