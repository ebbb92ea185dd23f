package io.jcors.check.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK: the browser
 * is Debian's {@code /usr/bin/chromium} (or {@code $CHROMIUM}), started with a fresh profile and
 * {@code --remote-debugging-port=0}; the port comes from {@code DevToolsActivePort} in the profile
 * directory, and the protocol runs over {@link java.net.http.WebSocket}. No tool downloads a
 * browser or a driver.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.launchOrSkip()) {
 *   HeadlessChromium.Tab tab = chromium.open("http://127.0.0.1:5500/page.html");
 *   BrowserPage.Fetched result =
 *       tab.page().fetch("http://127.0.0.1:3000/data", "GET", List.of(), false, List.of("x-route"));
 *   assertTrue(result.ok());
 * }
 * }</pre>
 *
 * <p>Use one browser for a whole test class: it starts in about a second, a fetch takes
 * milliseconds. Instances are not thread-safe.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Duration CALL = Duration.ofSeconds(30);

  private final BrowserProcess process;
  private final JsonRpcSocket socket;

  private HeadlessChromium(BrowserProcess process, JsonRpcSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** The Chromium executable: {@code $CHROMIUM}, else the first of the usual Debian paths. */
  public static Optional<Path> executable() {
    return BrowserProcess.executable(
        "CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  }

  /**
   * Starts Chromium, or skips the calling test (JUnit assumption) when it is not installed; with
   * {@code CI=true} a missing Chromium fails the test instead, so CI never skips browser tests
   * silently.
   */
  public static HeadlessChromium launchOrSkip() throws IOException {
    Optional<Path> executable = executable();
    if (executable.isEmpty()) {
      BrowserProcess.missing(
          "Chromium not found (/usr/bin/chromium or $CHROMIUM); install Debian's chromium package");
    }
    return launch(executable.orElseThrow());
  }

  /**
   * The flags of every headless Chromium the tests start: no sandbox (containers), GPU, QUIC,
   * first-run page, background traffic, updates, sync or extensions, and {@code profile} as its
   * profile directory.
   */
  public static List<String> headlessFlags(Path profile) {
    return List.of(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
  }

  /** Starts Chromium headless with a fresh profile. */
  public static HeadlessChromium launch(Path executable) throws IOException {
    Path profile = Files.createTempDirectory("jcors-chromium-");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(headlessFlags(profile));
    command.addAll(
        List.of(
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"));
    BrowserProcess process = BrowserProcess.start(command, Map.of(), profile, "chromium.log");
    try {
      // Chromium writes the port and the browser's path to DevToolsActivePort in the profile.
      Path portFile = profile.resolve("DevToolsActivePort");
      URI endpoint =
          process.awaitOutput(
              output -> endpoint(portFile), STARTUP, "Chromium wrote no DevToolsActivePort");
      return new HeadlessChromium(process, new JsonRpcSocket(endpoint));
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      process.close();
      throw new IOException("Chromium did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.close();
      throw new IOException("interrupted while starting Chromium", e);
    }
  }

  /** The DevTools endpoint in {@code portFile}, or null while it is not (fully) written. */
  private static URI endpoint(Path portFile) {
    try {
      List<String> lines = Files.isRegularFile(portFile) ? Files.readAllLines(portFile) : List.of();
      return lines.size() >= 2
          ? URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip())
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a new tab on {@code url} and waits until the page has loaded. */
  public Tab open(String url) throws IOException {
    Map<String, Object> created =
        call(null, "Target.createTarget", "{\"url\":" + Json.quote(url) + "}");
    String targetId = (String) created.get("targetId");
    Map<String, Object> attached =
        call(
            null,
            "Target.attachToTarget",
            "{\"targetId\":" + Json.quote(targetId) + ",\"flatten\":true}");
    Tab tab = new Tab((String) attached.get("sessionId"));
    Instant deadline = Instant.now().plus(CALL);
    String loaded =
        "location.href === " + Json.quote(url) + " && document.readyState === 'complete'";
    while (!Boolean.TRUE.equals(tab.evaluate(loaded))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("page " + url + " did not load");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while loading " + url, e);
      }
    }
    return tab;
  }

  /** A tab, attached through a flat DevTools session. */
  public final class Tab {
    private final String sessionId;

    private Tab(String sessionId) {
      this.sessionId = sessionId;
    }

    /** This tab as a {@link BrowserPage}, to run the same scripts as in the other engines. */
    public BrowserPage page() {
      return expression -> {
        Object value = evaluate(expression);
        if (!(value instanceof String)) {
          throw new IOException("script returned " + value + ", not a string");
        }
        return (String) value;
      };
    }

    /**
     * Evaluates a JavaScript expression in the page, awaiting a promise, and returns its value as
     * JSON data ({@code String}, {@code Double}, {@code Boolean}, {@code Map}, {@code List}, null).
     */
    public Object evaluate(String expression) throws IOException {
      Map<String, Object> result =
          call(
              sessionId,
              "Runtime.evaluate",
              "{\"expression\":"
                  + Json.quote(expression)
                  + ",\"awaitPromise\":true,\"returnByValue\":true}");
      if (result.containsKey("exceptionDetails")) {
        throw new IOException("script failed: " + result.get("exceptionDetails"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> remote = (Map<String, Object>) result.get("result");
      return remote.get("value");
    }
  }

  private Map<String, Object> call(String sessionId, String method, String params)
      throws IOException {
    Map<String, Object> reply =
        socket.call(
            method,
            (sessionId == null ? "" : "\"sessionId\":" + Json.quote(sessionId) + ",")
                + "\"method\":"
                + Json.quote(method)
                + ",\"params\":"
                + params);
    if (reply.containsKey("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) reply.get("result");
    return result;
  }

  /** Closes the browser and deletes its profile. */
  @Override
  public void close() {
    process.closeBrowser(() -> call(null, "Browser.close", "{}"), socket);
  }
}
