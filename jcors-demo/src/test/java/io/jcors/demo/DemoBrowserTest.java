package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.check.browser.BrowserPage;
import io.jcors.check.browser.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end in headless Chromium: every button of the page, clicked as a user would; the
 * outcome the page shows must be the expected one, and must agree with the browser's own result for
 * the same fetch and with the check engine's prediction. Skipped when Chromium is absent, except
 * under {@code CI=true}.
 */
class DemoBrowserTest {
  private static Demo demo;
  private static HeadlessChromium chromium;
  private static HeadlessChromium.Tab tab;

  DemoBrowserTest() {}

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launchOrSkip();
    demo = Demo.start(0, 0);
    tab = openReady(demo);
  }

  /** A tab on the demo's page, once the page has loaded its scenarios. */
  private static HeadlessChromium.Tab openReady(Demo demo) throws IOException {
    HeadlessChromium.Tab tab = chromium.open(demo.pageUrl() + "/");
    Object ready = tab.evaluate(waitFor("document.body.dataset.ready === 'true'"));
    assertThat(ready).as("the page loaded its scenarios").isEqualTo(Boolean.TRUE);
    return tab;
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  /** A script that resolves to true once {@code condition} holds, or false after 20 seconds. */
  private static String waitFor(String condition) {
    return "(async () => { const end = Date.now() + 20000;"
        + " while (!("
        + condition
        + ")) { if (Date.now() > end) return false;"
        + " await new Promise((r) => setTimeout(r, 20)); }"
        + " return true; })()";
  }

  /** Clicks the scenario's button, waits for its result, and returns what the card shows. */
  private static Map<String, Object> click(Scenario scenario) throws IOException {
    return click(tab, "document.getElementById('scenario-" + scenario.id() + "')");
  }

  /**
   * Clicks the first button of {@code card} (a script expression), waits for its result, and
   * returns what it shows.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> click(HeadlessChromium.Tab tab, String card)
      throws IOException {
    String script =
        "(async () => { const card = "
            + card
            + "; const runs = Number(card.dataset.runs || 0);"
            + " card.querySelector('button').click();"
            + " const end = Date.now() + 20000;"
            + " while (Number(card.dataset.runs || 0) === runs) {"
            + "   if (Date.now() > end) return {outcome: 'timeout'};"
            + "   await new Promise((r) => setTimeout(r, 20)); }"
            + " return {outcome: card.dataset.outcome, fetch: card.dataset.fetch,"
            + " check: card.dataset.check, preflight: card.dataset.preflight,"
            + " badge: card.querySelector('.badge').textContent,"
            + " text: card.querySelector('.result').innerText}; })()";
    return (Map<String, Object>) tab.evaluate(script);
  }

  @Test
  void everyButton_showsTheExpectedOutcome_andTheBrowserAndCheckAgree() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (Scenario scenario : Scenario.all()) {
      Map<String, Object> card = click(scenario);
      String expected = scenario.expected();

      assertThat(card.get("outcome")).as(scenario.id() + ": outcome").isEqualTo(expected);
      assertThat(card.get("badge")).as(scenario.id()).isEqualTo(expected.toUpperCase());
      assertThat(card.get("fetch"))
          .as(scenario.id() + ": the page's own fetch() promise")
          .isEqualTo(expected.equals("allowed") ? "resolved" : "rejected");
      assertThat(card.get("check"))
          .as(scenario.id() + ": jcors check's prediction")
          .isEqualTo(expected);
      assertThat((String) card.get("text"))
          .as(scenario.id())
          .contains(expected.equals("allowed") ? "fetch() resolved" : "fetch() rejected");
      if (expected.equals("blocked")) {
        assertThat((String) card.get("text")).as(scenario.id()).contains("Why (jcors check, rule");
        assertThat((String) card.get("text")).as(scenario.id()).contains("Fix: ");
      }

      // The browser's own verdict for the same request, made by the test and not by the page.
      BrowserPage.Fetched own =
          tab.page()
              .fetch(
                  demo.apiUrl() + scenario.path(),
                  scenario.method(),
                  scenario.headers().entrySet().stream()
                      .map(header -> new String[] {header.getKey(), header.getValue()})
                      .toList(),
                  scenario.credentials(),
                  List.of());
      assertThat(own.ok())
          .as(scenario.id() + ": the browser's fetch from the test")
          .isEqualTo(expected.equals("allowed"));
      outcomes.add(scenario.id() + "=" + card.get("outcome"));
    }
    assertThat(outcomes).hasSize(Scenario.all().size());
  }

  @Test
  void preflightedButtons_showThePreflightTheBrowserSent() throws Exception {
    for (String id : List.of("put-product", "delete-product", "patch-product")) {
      Scenario scenario = scenario(id);
      // A fresh path each time: the browser caches preflight answers per URL for a few seconds.
      Map<String, Object> card = click(scenario);
      if ("sent".equals(card.get("preflight"))) {
        assertThat((String) card.get("text"))
            .contains("OPTIONS " + scenario.path())
            .contains("Access-Control-Request-Method: " + scenario.method());
      } else {
        assertThat((String) card.get("text")).contains("reused the answer of an earlier preflight");
      }
    }
    assertThat((String) click(scenario("patch-product")).get("text"))
        .contains("Never sent: the preflight answer did not allow it");
  }

  @Test
  void simpleButtons_sendNoPreflight() throws Exception {
    for (String id : List.of("data", "with-cors", "without-cors", "admin")) {
      Map<String, Object> card = click(scenario(id));

      assertThat(card.get("preflight")).as(id).isEqualTo("none");
      assertThat((String) card.get("text")).as(id).contains("No preflight (not needed");
    }
  }

  @Test
  void sessionButton_secondClick_sendsTheCookieTheFirstSet() throws Exception {
    Scenario session = scenario("session");
    click(session);
    Map<String, Object> second = click(session);

    assertThat((String) second.get("text"))
        .contains("Cookie: demo_visits=")
        .contains("\"cookieReceived\":true");
  }

  @Test
  void tutorial_step1_blockedThenFixedOnTheRunningApi_thenAllowed() throws Exception {
    String step = "document.getElementById('tutorial-1')";
    String before = stage(step, "before");
    String after = stage(step, "after");
    resetTutorial(tab, step);

    assertShows(
        click(tab, before),
        "blocked",
        "none",
        "GET /tutorial/greeting",
        "The browser's error, all the page gets: TypeError: Failed to fetch",
        "Why (jcors check, rule F7)");

    fix(tab, step);
    String code = (String) tab.evaluate(step + ".querySelector('.codes').innerText");
    assertThat(code)
        .contains("-   .route(\"/tutorial/greeting\", CorsPolicy.disabled())")
        .contains(
            "+   .route(\n+       \"/tutorial/greeting\",\n"
                + "+       CorsOptions.builder().origin(\""
                + demo.pageUrl()
                + "\").build())")
        .contains("- app.get('/tutorial/greeting', greeting);")
        .contains("+   cors({ origin: '" + demo.pageUrl() + "' }),\n+   greeting,");

    Map<String, Object> allowed = click(tab, after);
    assertThat(allowed.get("outcome")).isEqualTo("allowed");
    assertThat(allowed.get("check")).isEqualTo("allowed");
    assertThat((String) allowed.get("text"))
        .contains("Access-Control-Allow-Origin: " + demo.pageUrl())
        .contains("\"greeting\":\"hello from the API\"");
  }

  @Test
  void tutorial_step2_preflightRefusedThenFixed_thenThePutIsSent() throws Exception {
    // A demo of its own: new origins, so that no earlier test left the preflight in the cache.
    try (Demo fresh = Demo.start(0, 0)) {
      HeadlessChromium.Tab own = openReady(fresh);
      tutorialStep2(own);
    }
  }

  private static void tutorialStep2(HeadlessChromium.Tab tab) throws IOException {
    String step = "document.getElementById('tutorial-2')";
    String before = stage(step, "before");
    String after = stage(step, "after");

    assertShows(
        click(tab, before),
        "blocked",
        "sent",
        "OPTIONS /tutorial/notes/1",
        "Access-Control-Request-Method: PUT",
        "Never sent: the preflight answer did not allow it");

    fix(tab, step);
    assertShows(
        click(tab, after),
        "allowed",
        "sent",
        "Access-Control-Allow-Methods: GET,PUT",
        "Access-Control-Allow-Headers: Content-Type,X-Demo-Token",
        "The browser sent the PUT",
        "\"body\":\"{\\\"text\\\":\\\"Buy milk\\\"}\"");
  }

  /** The tutorial step's stage ({@code before} or {@code after}), as a script expression. */
  private static String stage(String step, String stage) {
    return step + ".querySelector('[data-stage=" + stage + "]')";
  }

  /**
   * The card shows this outcome, says whether the browser sent a preflight, and its text contains
   * each of {@code texts}.
   */
  private static void assertShows(
      Map<String, Object> card, String outcome, String preflight, String... texts) {
    assertThat(card.get("outcome")).isEqualTo(outcome);
    assertThat(card.get("preflight")).isEqualTo(preflight);
    for (String text : texts) {
      assertThat((String) card.get("text")).contains(text);
    }
  }

  private static void resetTutorial(HeadlessChromium.Tab tab, String step) throws IOException {
    tab.evaluate(step + ".querySelector('button.reset').click()");
    assertThat(tab.evaluate(waitFor(step + ".dataset.fixed === 'false'"))).isEqualTo(Boolean.TRUE);
  }

  private static void fix(HeadlessChromium.Tab tab, String step) throws IOException {
    tab.evaluate(step + ".querySelector('button.fix').click()");
    assertThat(tab.evaluate(waitFor(step + ".dataset.fixed === 'true'")))
        .as("the fix was applied")
        .isEqualTo(Boolean.TRUE);
  }

  @Test
  void preflightedButton_clickedTwice_sendsOnePreflight_theSecondIsCached() throws Exception {
    // A demo of its own: new origins, so that no earlier test filled the preflight cache.
    try (Demo fresh = Demo.start(0, 0)) {
      HeadlessChromium.Tab own = openReady(fresh);
      String card = "document.getElementById('scenario-put-product')";

      Map<String, Object> first = click(own, card);
      Map<String, Object> second = click(own, card);

      assertShows(first, "allowed", "sent");
      assertShows(
          second,
          "allowed",
          "none",
          "None this time: the browser reused the answer of an earlier preflight");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> log =
          (List<Map<String, Object>>)
              own.evaluate(
                  "fetch('/api-log?after=0').then((r) => r.json()).then((l) => l.entries)");
      List<String> received =
          log.stream()
              .filter(entry -> entry.get("path").equals("/products/42"))
              // The page's jcors check sends its own requests too, with Java's HTTP client.
              .filter(entry -> String.valueOf(entry.get("userAgent")).contains("Chrome"))
              .map(entry -> (String) entry.get("method"))
              .toList();
      assertThat(received).as("what the API received").containsExactly("OPTIONS", "PUT", "PUT");
    }
  }

  @Test
  void screenshots_at1280And390PixelsWide_afterTheTutorialAndEveryButton() throws Exception {
    // "Run all" clicks every button in order, as the screenshots should show them.
    tab.evaluate("document.getElementById('run-all').click()");
    assertThat(tab.evaluate(waitFor("document.body.dataset.ranAll === 'true'")))
        .isEqualTo(Boolean.TRUE);
    assertThat(tab.evaluate("document.getElementById('summary').textContent"))
        .isEqualTo("6 allowed, 4 blocked");
    for (int width : new int[] {1280, 390}) {
      Map<String, Object> layout = layoutAt(width);
      assertThat(((Number) layout.get("scrollWidth")).intValue())
          .as("the page fits %d pixels without scrolling sideways", width)
          .isLessThanOrEqualTo(width);
      assertThat((List<?>) layout.get("badgesBelowTheirButton"))
          .as("at %d pixels, each badge is on its button's line", width)
          .isEmpty();
      assertThat((List<?>) layout.get("wordsBrokenInHeaders"))
          .as("at %d pixels, no header name or value wraps inside a word", width)
          .isEmpty();
      Path screenshot = Path.of("target", "demo-" + width + ".png");
      screenshot(width, ((Number) layout.get("height")).intValue(), screenshot);
      assertThat(screenshot).isNotEmptyFile();
    }
  }

  /**
   * The page in an iframe {@code width} pixels wide (its media queries see that width) after it
   * played #run-all: its height, its width, the cards whose badge is not on its button's line, and
   * the header names and values broken inside a word or too wide for their box.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> layoutAt(int width) throws IOException {
    Object layout =
        tab.evaluate(
            "(async () => { const frame = document.createElement('iframe');"
                + " frame.style.width = '"
                + width
                + "px'; frame.style.height = '800px'; frame.style.border = '0';"
                + " frame.src = location.origin + '/#run-all';"
                + " document.body.append(frame);"
                + " const end = Date.now() + 30000;"
                + " while (frame.contentDocument?.body?.dataset.ranAll !== 'true') {"
                + "   if (Date.now() > end) return {height: 0, scrollWidth: 1e9,"
                + "     badgesBelowTheirButton: ['timeout'], wordsBrokenInHeaders: []};"
                + "   await new Promise((r) => setTimeout(r, 20)); }"
                + " const d = frame.contentDocument;"
                + " const below = [...d.querySelectorAll('.card-head, .stage-head')].filter((head) => {"
                + "   const b = head.querySelector('.badge'); const button = head.querySelector('button');"
                + "   if (!b || !b.textContent) return false;"
                + "   const br = b.getBoundingClientRect(), r = button.getBoundingClientRect();"
                + "   return br.top >= r.bottom || br.bottom <= r.top; })"
                + "   .map((head) => head.parentElement.id || head.textContent);"
                + " const broken = [];"
                + " for (const unit of d.querySelectorAll('.http .name, .http .value > span')) {"
                + "   if (unit.getClientRects().length > 1) broken.push(unit.textContent); }"
                + " for (const box of d.querySelectorAll('.http')) {"
                + "   if (box.scrollWidth > box.clientWidth) broken.push('too wide: ' + box.innerText); }"
                + " const result = {height: d.documentElement.scrollHeight,"
                + "   scrollWidth: d.documentElement.scrollWidth,"
                + "   badgesBelowTheirButton: below, wordsBrokenInHeaders: broken};"
                + " frame.remove(); return result; })()");
    return (Map<String, Object>) layout;
  }

  /**
   * The driver has no screenshot call, so a second headless Chromium renders the page at full
   * height after it played #run-all, and writes the PNG.
   */
  private static void screenshot(int width, int height, Path file) throws Exception {
    assertThat(height).as("the page's height at %d pixels", width).isPositive();
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Path profile = Files.createTempDirectory("jcors-demo-chromium-");
    List<String> command = new ArrayList<>();
    command.add(HeadlessChromium.executable().orElseThrow().toString());
    command.addAll(HeadlessChromium.headlessFlags(profile));
    command.addAll(
        List.of(
            "--hide-scrollbars",
            "--window-size=" + width + "," + (height + 20),
            "--virtual-time-budget=30000",
            "--screenshot=" + file.toAbsolutePath(),
            demo.pageUrl() + "/#run-all"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    deleteRecursively(profile);
    assertThat(exited).as("chromium --screenshot finished").isTrue();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static Scenario scenario(String id) {
    return Scenario.all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
