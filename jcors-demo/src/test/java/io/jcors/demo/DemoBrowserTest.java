package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
  private static final Path SCREENSHOT = Path.of("target", "demo.png");

  private static Demo demo;
  private static HeadlessChromium chromium;
  private static HeadlessChromium.Tab tab;

  DemoBrowserTest() {}

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launchOrSkip();
    demo = Demo.start(0, 0);
    tab = chromium.open(demo.pageUrl() + "/");
    Object ready = tab.evaluate(waitFor("document.body.dataset.ready === 'true'"));
    assertThat(ready).as("the page loaded its scenarios").isEqualTo(Boolean.TRUE);
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
  @SuppressWarnings("unchecked")
  private static Map<String, Object> click(Scenario scenario) throws IOException {
    String card = "document.getElementById('scenario-" + scenario.id() + "')";
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
      HeadlessChromium.FetchResult own =
          tab.fetch(
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
  void screenshot_ofThePageAfterEveryButton() throws Exception {
    // "Run all" clicks every button in order, as the screenshot should show them.
    tab.evaluate("document.getElementById('run-all').click()");
    assertThat(tab.evaluate(waitFor("document.body.dataset.ranAll === 'true'")))
        .isEqualTo(Boolean.TRUE);
    assertThat(tab.evaluate("document.getElementById('summary').textContent"))
        .isEqualTo("6 allowed, 4 blocked");
    // The page's height at the screenshot's width: the same page in a 1400-pixel-wide frame.
    Object height =
        tab.evaluate(
            "(async () => { const frame = document.createElement('iframe');"
                + " frame.style.width = '1400px'; frame.src = location.origin + '/#run-all';"
                + " document.body.append(frame);"
                + " const end = Date.now() + 20000;"
                + " while (frame.contentDocument?.body?.dataset.ranAll !== 'true') {"
                + "   if (Date.now() > end) return 0;"
                + "   await new Promise((r) => setTimeout(r, 20)); }"
                + " const height = frame.contentDocument.documentElement.scrollHeight;"
                + " frame.remove(); return height; })()");
    long pageHeight = Math.round(((Number) height).doubleValue());
    assertThat(pageHeight).as("the page's height at 1400 pixels").isPositive();

    // The driver has no screenshot call, so a second headless Chromium renders the page at full
    // height after running every button (the page's #run-all), and writes the PNG.
    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    Path profile = Files.createTempDirectory("jcors-demo-chromium-");
    Process process =
        new ProcessBuilder(
                HeadlessChromium.executable().orElseThrow().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=1400," + (pageHeight + 20),
                "--virtual-time-budget=20000",
                "--screenshot=" + SCREENSHOT.toAbsolutePath(),
                demo.pageUrl() + "/#run-all")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    deleteRecursively(profile);

    assertThat(exited).as("chromium --screenshot finished").isTrue();
    assertThat(SCREENSHOT).isNotEmptyFile();
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
