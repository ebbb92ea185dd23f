package io.jcors.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcors.check.ScriptedServer.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of jcors-check, verbatim, against a scripted server. */
class JavadocExamplesTest {
  private static final String PAGE = "https://app.example.com";

  private ScriptedServer server;
  private String api;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    api = server.origin();
    server.route(
        "/trailing-slash", null, Reply.of(200, "Access-Control-Allow-Origin: " + PAGE + "/"));
    server.route(
        "/cached",
        Reply.of(
            204,
            "Access-Control-Allow-Origin: " + PAGE,
            "Access-Control-Allow-Methods: PUT",
            "Access-Control-Allow-Headers: X-Token",
            "Access-Control-Max-Age: 600"),
        Reply.of(200, "Access-Control-Allow-Origin: " + PAGE));
    server.route(
        "/items",
        Reply.of(204, "Access-Control-Allow-Origin: " + PAGE, "Access-Control-Allow-Methods: PUT"),
        Reply.of(200, "Access-Control-Allow-Origin: " + PAGE));
  }

  @AfterEach
  void stop() throws CheckException {
    server.close();
  }

  private CheckReport put(String path, String header) throws CheckException {
    return CorsCheck.create()
        .run(CheckRequest.builder(api + path, PAGE).method("PUT").headerLine(header).build());
  }

  @Test
  void check() throws CheckException {
    CheckReport report =
        CorsCheck.create().run(CheckRequest.builder(api + "/trailing-slash", PAGE).build());
    Check check = report.failure().orElseThrow();
    assertEquals("F9", check.rule());
    assertFalse(check.passed());
    System.out.println(check.explanation() + "\nFix: " + check.fix());
  }

  @Test
  void printableText() {
    assertEquals("a\\u001b[2Jb", PrintableText.escape("a\u001b[2Jb"));
    assertEquals("https://app.example.com", PrintableText.escape("https://app.example.com"));
  }

  @Test
  void checkException() throws CheckException {
    CheckException e =
        assertThrows(
            CheckException.class,
            () -> CheckRequest.builder("http://127.0.0.1:8080/", "https://a.example/").build());
    assertEquals(CheckException.Kind.USAGE, e.kind());
  }

  @Test
  void checkReport() throws CheckException {
    CheckRequest request = CheckRequest.builder(api + "/items", PAGE).build();
    CheckReport report = CorsCheck.create().run(request);
    System.out.print(report.toText());
    int exitCode = report.exitCode(); // 0: the page can read it, 1: the browser blocks it
    assertEquals(0, exitCode);
  }

  @Test
  void checkRequest() throws CheckException {
    CheckRequest request =
        CheckRequest.builder("https://api.example.com/items", "https://app.example.com")
            .method("PUT")
            .header("Content-Type", "application/json")
            .credentials(true)
            .build();
    assertEquals("PUT", request.method());
  }

  @Test
  void corsCheck() throws CheckException {
    CheckRequest request =
        CheckRequest.builder(api + "/items", "https://app.example.com")
            .method("PUT")
            .header("X-Token", "abc")
            .build();
    CheckReport report = CorsCheck.create().run(request);
    if (report.verdict() == Verdict.BLOCKED) {
      System.out.println(report.failure().orElseThrow().fix());
    }
    // The preflight allows PUT but not the X-Token header.
    assertEquals(Verdict.BLOCKED, report.verdict());
  }

  @Test
  void header() throws CheckException {
    Header header = Header.parse("X-Token: abc");
    assertEquals("X-Token", header.name());
    assertEquals("abc", header.value());
  }

  @Test
  void preflightStepsAndResponses() throws CheckException {
    CheckReport report = put("/items", "Content-Type: text/plain");
    Preflight preflight = report.preflight();
    if (preflight.sent()) {
      System.out.println("preflight: " + preflight.reason());
    }
    assertTrue(preflight.sent());

    ReceivedResponse response = report.steps().get(0).response();
    assertEquals(
        List.of("https://app.example.com"), response.values("access-control-allow-origin"));

    SentRequest preflightRequest = sentRequest(report);
    assertEquals("OPTIONS", preflightRequest.method());

    for (Step step : report.steps()) {
      System.out.println(step.kind() + " " + step.request().url() + " -> " + step.passed());
    }
    assertEquals(2, report.steps().size());
  }

  private static SentRequest sentRequest(CheckReport report) {
    SentRequest preflight = report.steps().get(0).request();
    assertEquals("OPTIONS", preflight.method());
    return preflight;
  }

  @Test
  void browser() {
    assertEquals("Chrome", Browser.CHROMIUM.displayName());
    assertEquals("firefox", Browser.FIREFOX.json());
    assertEquals(Optional.of(Browser.SAFARI), Browser.parse("safari"));
    assertEquals("Firefox and Safari", Browser.names(Set.of(Browser.SAFARI, Browser.FIREFOX)));
  }

  @Test
  void outcome() throws CheckException {
    CheckReport report =
        CorsCheck.create()
            .run(
                CheckRequest.builder(api + "/items", PAGE)
                    .method("PUT")
                    .header("DPR", "2")
                    .build());
    for (Outcome outcome : report.outcomes()) {
      System.out.println(Browser.names(outcome.browsers()) + ": " + outcome.verdict());
    }
    // Chrome safelists the client hint DPR; Firefox and Safari preflight for it, and the
    // preflight does not allow it.
    assertEquals(2, report.outcomes().size());
    assertEquals(Verdict.ALLOWED, report.verdict(Browser.CHROMIUM));
    assertEquals(Verdict.BLOCKED, report.verdict(Browser.FIREFOX));
  }

  @Test
  void preflightCache() throws CheckException {
    CheckReport report = put("/cached", "X-Token: abc");
    PreflightCache cache = report.preflightCache(Browser.FIREFOX).orElseThrow();
    assertEquals(600, cache.seconds());
    assertFalse(cache.reusedFor(true)); // Firefox keeps entries per credentials mode
    assertEquals(600, report.preflightCache(Browser.SAFARI).orElseThrow().seconds());
  }

  @Test
  void verdict() throws CheckException {
    assertEquals("allowed", Verdict.ALLOWED.json());
    assertEquals(0, Verdict.ALLOWED.exitCode());
    assertEquals(1, Verdict.BLOCKED.exitCode());
  }
}
