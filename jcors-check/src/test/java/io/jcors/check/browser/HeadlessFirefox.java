package io.jcors.check.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Firefox (Debian's {@code firefox-esr}, or {@code $FIREFOX}) driven over its built-in
 * WebDriver BiDi with nothing but the JDK: started with {@code --headless
 * --remote-debugging-port=0} and a fresh profile, the endpoint read from what it prints, the
 * protocol run over {@link java.net.http.WebSocket}. No geckodriver, nothing downloaded.
 *
 * <p>The profile turns off everything that would reach the network on its own (updates, telemetry,
 * captive-portal and connectivity checks, safe browsing, remote settings and experiments, DNS
 * prefetching), since the tests run without one and must not depend on it.
 *
 * <pre>{@code
 * try (HeadlessFirefox firefox = HeadlessFirefox.launchOrSkip()) {
 *   BrowserPage page = firefox.open("http://127.0.0.1:5500/page.html");
 *   assertTrue(page.fetch(api + "/data", "GET", List.of(), false, List.of()).ok());
 * }
 * }</pre>
 *
 * <p>Use one browser for a whole test class: it starts in a few seconds. Not thread-safe.
 */
public final class HeadlessFirefox implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Pattern ENDPOINT =
      Pattern.compile("WebDriver BiDi listening on (ws://[0-9.:\\[\\]a-z]+)");

  /**
   * The profile's preferences: nothing that phones home. Each is a {@code user.js} line's name and
   * JavaScript value.
   */
  private static final List<String[]> PREFERENCES =
      List.of(
          // Updates of the browser, add-ons and plugins.
          new String[] {"app.update.disabledForTesting", "true"},
          new String[] {"app.update.auto", "false"},
          new String[] {"app.update.checkInstallTime", "false"},
          new String[] {"extensions.update.enabled", "false"},
          new String[] {"extensions.getAddons.cache.enabled", "false"},
          new String[] {"extensions.blocklist.enabled", "false"},
          new String[] {"media.gmp-manager.url", "\"\""},
          new String[] {"media.gmp-gmpopenh264.enabled", "false"},
          new String[] {"browser.search.update", "false"},
          // Telemetry and studies.
          new String[] {"toolkit.telemetry.enabled", "false"},
          new String[] {"toolkit.telemetry.unified", "false"},
          new String[] {"toolkit.telemetry.archive.enabled", "false"},
          new String[] {"toolkit.telemetry.server", "\"\""},
          new String[] {"datareporting.healthreport.uploadEnabled", "false"},
          new String[] {"datareporting.policy.dataSubmissionEnabled", "false"},
          new String[] {"app.normandy.enabled", "false"},
          new String[] {"app.normandy.api_url", "\"\""},
          new String[] {"app.shield.optoutstudies.enabled", "false"},
          new String[] {"messaging-system.rsexperimentloader.enabled", "false"},
          new String[] {"browser.ping-centre.telemetry", "false"},
          // Captive portal and network connectivity checks.
          new String[] {"network.captive-portal-service.enabled", "false"},
          new String[] {"captivedetect.canonicalURL", "\"\""},
          new String[] {"network.connectivity-service.enabled", "false"},
          // Safe browsing.
          new String[] {"browser.safebrowsing.malware.enabled", "false"},
          new String[] {"browser.safebrowsing.phishing.enabled", "false"},
          new String[] {"browser.safebrowsing.downloads.enabled", "false"},
          new String[] {"browser.safebrowsing.downloads.remote.enabled", "false"},
          new String[] {"browser.safebrowsing.blockedURIs.enabled", "false"},
          new String[] {"browser.safebrowsing.provider.google.updateURL", "\"\""},
          new String[] {"browser.safebrowsing.provider.google4.updateURL", "\"\""},
          new String[] {"browser.safebrowsing.provider.mozilla.updateURL", "\"\""},
          // Remote settings (and what they feed: certificate revocation, intermediates).
          new String[] {"services.settings.server", "\"data:,#remote-settings-disabled\""},
          new String[] {"security.remote_settings.crlite_filters.enabled", "false"},
          new String[] {"security.remote_settings.intermediates.enabled", "false"},
          new String[] {"security.OCSP.enabled", "0"},
          // Geolocation, region, start pages, default-browser checks.
          new String[] {"geo.provider.network.url", "\"\""},
          new String[] {"browser.region.network.url", "\"\""},
          new String[] {"browser.region.update.enabled", "false"},
          new String[] {"browser.startup.homepage_override.mstone", "\"ignore\""},
          new String[] {"startup.homepage_welcome_url", "\"\""},
          new String[] {"browser.startup.page", "0"},
          new String[] {"browser.shell.checkDefaultBrowser", "false"},
          new String[] {"browser.newtabpage.enabled", "false"},
          new String[] {"browser.topsites.contile.enabled", "false"},
          // Speculative connections and DNS over HTTPS.
          new String[] {"network.dns.disablePrefetch", "true"},
          new String[] {"network.prefetch-next", "false"},
          new String[] {"network.predictor.enabled", "false"},
          new String[] {"network.http.speculative-parallel-limit", "0"},
          new String[] {"network.trr.mode", "5"},
          // Plain http://127.0.0.1 stays plain http.
          new String[] {"dom.security.https_first", "false"},
          new String[] {"dom.security.https_only_mode", "false"},
          new String[] {"network.proxy.type", "0"});

  private final BrowserProcess process;
  private final JsonRpcSocket socket;

  private HeadlessFirefox(BrowserProcess process, JsonRpcSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** The Firefox executable: {@code $FIREFOX}, else Debian's {@code firefox-esr} or firefox. */
  public static Optional<Path> executable() {
    return BrowserProcess.executable("FIREFOX", "/usr/bin/firefox-esr", "/usr/bin/firefox");
  }

  /**
   * Starts Firefox, or skips the calling test when it is not installed; with {@code CI=true} a
   * missing Firefox fails the test instead.
   */
  public static HeadlessFirefox launchOrSkip() throws IOException {
    Optional<Path> executable = executable();
    if (executable.isEmpty()) {
      BrowserProcess.missing(
          "Firefox not found (/usr/bin/firefox-esr or $FIREFOX); install Debian's firefox-esr"
              + " package");
    }
    return launch(executable.orElseThrow());
  }

  /** Starts Firefox headless with a fresh profile. */
  public static HeadlessFirefox launch(Path executable) throws IOException {
    Path profile = Files.createTempDirectory("jcors-firefox-");
    StringBuilder prefs = new StringBuilder();
    for (String[] pref : PREFERENCES) {
      prefs.append("user_pref(\"").append(pref[0]).append("\", ").append(pref[1]).append(");\n");
    }
    Files.writeString(profile.resolve("user.js"), prefs);
    BrowserProcess process =
        BrowserProcess.start(
            List.of(
                executable.toString(),
                "--headless",
                "--no-remote",
                "--remote-debugging-port=0",
                "--profile",
                profile.toString(),
                "about:blank"),
            Map.of("MOZ_CRASHREPORTER_DISABLE", "1"),
            profile,
            "firefox.log");
    try {
      String endpoint =
          process.awaitOutput(
              output -> {
                Matcher matcher = ENDPOINT.matcher(output);
                return matcher.find() ? matcher.group(1) : null;
              },
              STARTUP,
              "Firefox did not start WebDriver BiDi");
      HeadlessFirefox firefox =
          new HeadlessFirefox(process, new JsonRpcSocket(URI.create(endpoint + "/session")));
      firefox.call("session.new", "{\"capabilities\":{}}");
      return firefox;
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      process.close();
      throw new IOException("Firefox did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.close();
      throw new IOException("interrupted while starting Firefox", e);
    }
  }

  /** Navigates the first tab to {@code url} and waits until the page has loaded. */
  public BrowserPage open(String url) throws IOException {
    Map<String, Object> tree = call("browsingContext.getTree", "{}");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> contexts = (List<Map<String, Object>>) tree.get("contexts");
    String context = (String) contexts.get(0).get("context");
    call(
        "browsingContext.navigate",
        "{\"context\":"
            + Json.quote(context)
            + ",\"url\":"
            + Json.quote(url)
            + ",\"wait\":\"complete\"}");
    return expression -> evaluate(context, expression);
  }

  private String evaluate(String context, String expression) throws IOException {
    Map<String, Object> result =
        call(
            "script.evaluate",
            "{\"expression\":"
                + Json.quote(expression)
                + ",\"target\":{\"context\":"
                + Json.quote(context)
                + "},\"awaitPromise\":true,\"resultOwnership\":\"none\"}");
    if (!"success".equals(result.get("type"))) {
      throw new IOException("script failed: " + result.get("exceptionDetails"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) result.get("result");
    if (!"string".equals(value.get("type"))) {
      throw new IOException("script returned " + value + ", not a string");
    }
    return (String) value.get("value");
  }

  private Map<String, Object> call(String method, String params) throws IOException {
    Map<String, Object> reply =
        socket.call(method, "\"method\":" + Json.quote(method) + ",\"params\":" + params);
    if ("error".equals(reply.get("type"))) {
      throw new IOException(
          method + " failed: " + reply.get("error") + ": " + reply.get("message"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) reply.get("result");
    return result;
  }

  /** Closes the browser and deletes its profile. */
  @Override
  public void close() {
    process.closeBrowser(() -> call("browser.close", "{}"), socket);
  }
}
