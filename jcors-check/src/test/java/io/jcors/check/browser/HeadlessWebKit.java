package io.jcors.check.browser;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WebKit, as Debian ships it: WebKitGTK's MiniBrowser driven by {@code WebKitWebDriver} (package
 * {@code webkit2gtk-driver}, classic WebDriver over HTTP), in a virtual X display of its own
 * ({@code Xvfb}, package {@code xvfb}), since WebKitGTK has no headless mode. Nothing is
 * downloaded.
 *
 * <p>WebKitGTK shares WebKit's CORS code (WebCore) with Safari, but not its network stack: HTTP is
 * parsed by libsoup here, by CFNetwork in Safari.
 *
 * <pre>{@code
 * try (HeadlessWebKit webkit = HeadlessWebKit.launchOrSkip()) {
 *   BrowserPage page = webkit.open("http://127.0.0.1:5500/page.html");
 *   assertTrue(page.fetch(api + "/data", "GET", List.of(), false, List.of()).ok());
 * }
 * }</pre>
 *
 * <p>Use one browser for a whole test class. Not thread-safe.
 */
public final class HeadlessWebKit implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration CALL = Duration.ofSeconds(30);

  private final BrowserProcess display;
  private final BrowserProcess driver;
  private final HttpClient http;
  private final String session;

  private HeadlessWebKit(
      BrowserProcess display, BrowserProcess driver, HttpClient http, String session) {
    this.display = display;
    this.driver = driver;
    this.http = http;
    this.session = session;
  }

  /** {@code WebKitWebDriver}: {@code $WEBKIT_WEBDRIVER}, else Debian's. */
  public static Optional<Path> driverExecutable() {
    return BrowserProcess.executable("WEBKIT_WEBDRIVER", "/usr/bin/WebKitWebDriver");
  }

  /** WebKitGTK's MiniBrowser: {@code $MINIBROWSER}, else where Debian's WebKitGTK puts it. */
  public static Optional<Path> browserExecutable() {
    return BrowserProcess.executable(
        "MINIBROWSER",
        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
        "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
        "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
        "/usr/libexec/webkit2gtk-4.0/MiniBrowser");
  }

  /** {@code Xvfb}: {@code $XVFB}, else Debian's. */
  public static Optional<Path> displayExecutable() {
    return BrowserProcess.executable("XVFB", "/usr/bin/Xvfb");
  }

  /**
   * Starts WebKit, or skips the calling test when {@code WebKitWebDriver}, the MiniBrowser or
   * {@code Xvfb} is not installed; with {@code CI=true} a missing one fails the test instead.
   */
  public static HeadlessWebKit launchOrSkip() throws IOException {
    Optional<Path> driver = driverExecutable();
    Optional<Path> browser = browserExecutable();
    Optional<Path> display = displayExecutable();
    if (driver.isEmpty() || browser.isEmpty() || display.isEmpty()) {
      BrowserProcess.missing(
          "WebKit not found (WebKitWebDriver, WebKitGTK's MiniBrowser and Xvfb, or"
              + " $WEBKIT_WEBDRIVER, $MINIBROWSER and $XVFB); install Debian's webkit2gtk-driver"
              + " and xvfb packages");
    }
    return launch(driver.orElseThrow(), browser.orElseThrow(), display.orElseThrow());
  }

  /** Starts a virtual display, the driver on a free port, and a MiniBrowser session. */
  public static HeadlessWebKit launch(Path driverPath, Path browserPath, Path displayPath)
      throws IOException {
    Path directory = Files.createTempDirectory("jcors-webkit-");
    BrowserProcess display = null;
    BrowserProcess driver = null;
    try {
      // -displayfd 1: Xvfb picks a free display number and writes it on standard output.
      display =
          BrowserProcess.start(
              List.of(
                  displayPath.toString(),
                  "-displayfd",
                  "1",
                  "-screen",
                  "0",
                  "1280x1024x24",
                  "-nolisten",
                  "tcp"),
              Map.of(),
              directory,
              "xvfb.log");
      String number =
          display.awaitOutput(
              output -> {
                java.util.regex.Matcher matcher =
                    java.util.regex.Pattern.compile("(?m)^([0-9]+)$").matcher(output);
                return matcher.find() ? matcher.group(1) : null;
              },
              STARTUP,
              "Xvfb did not start");
      int port = freePort();
      Path data = Files.createDirectories(directory.resolve("data"));
      driver =
          BrowserProcess.start(
              List.of(driverPath.toString(), "--port=" + port, "--host=local"),
              Map.of(
                  "DISPLAY", ":" + number,
                  "XDG_DATA_HOME", data.toString(),
                  "XDG_CACHE_HOME", data.toString(),
                  "XDG_CONFIG_HOME", data.toString()),
              Files.createDirectories(directory.resolve("driver")),
              "webkitwebdriver.log");
      HttpClient http = HttpClient.newBuilder().connectTimeout(CALL).build();
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitDriver(http, base, driver);
      String capabilities =
          "{\"capabilities\":{\"alwaysMatch\":{\"webkitgtk:browserOptions\":{\"binary\":"
              + Json.quote(browserPath.toString())
              + ",\"args\":[\"--automation\"]}}}}";
      @SuppressWarnings("unchecked")
      Map<String, Object> created =
          (Map<String, Object>) send(http, base, "POST", "/session", capabilities);
      String session = (String) created.get("sessionId");
      return new HeadlessWebKit(display, driver, http, base + "/session/" + session);
    } catch (IOException | RuntimeException e) {
      stop(driver, display);
      throw new IOException("WebKit did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(driver, display);
      throw new IOException("interrupted while starting WebKit", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitDriver(HttpClient http, URI base, BrowserProcess driver)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!driver.isAlive()) {
        throw new IOException("WebKitWebDriver exited:\n" + driver.output());
      }
      try {
        send(http, base, "GET", "/status", null);
        return;
      } catch (ConnectException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("WebKitWebDriver did not answer within " + STARTUP.toSeconds() + " s");
  }

  /** Sends one WebDriver command and returns its {@code value}. */
  private static Object send(HttpClient http, URI base, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(CALL)
            .header("Content-Type", "application/json; charset=utf-8");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    @SuppressWarnings("unchecked")
    Map<String, Object> reply = (Map<String, Object>) Json.parse(response.body());
    Object value = reply.get("value");
    if (response.statusCode() != 200) {
      throw new IOException(
          method + " " + path + " failed (" + response.statusCode() + "): " + value);
    }
    return value;
  }

  private Object command(String method, String path, String body) throws IOException {
    try {
      return send(http, URI.create(session), method, path, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + path, e);
    }
  }

  /** Loads {@code url} in the session's window and waits until it has loaded. */
  public BrowserPage open(String url) throws IOException {
    command("POST", "/url", "{\"url\":" + Json.quote(url) + "}");
    return expression -> {
      String script =
          "const done = arguments[arguments.length - 1];"
              + " Promise.resolve("
              + expression
              + ").then(done, (e) => done('script failed: ' + e));";
      Object value =
          command("POST", "/execute/async", "{\"script\":" + Json.quote(script) + ",\"args\":[]}");
      if (!(value instanceof String)) {
        throw new IOException("script returned " + value + ", not a string");
      }
      return (String) value;
    };
  }

  /** Ends the session, stops the driver, the browser and the display, and deletes their files. */
  @Override
  public void close() {
    try {
      command("DELETE", "", null);
    } catch (IOException e) {
      // The processes are stopped below either way.
    }
    stop(driver, display);
  }

  private static void stop(BrowserProcess driver, BrowserProcess display) {
    if (driver != null) {
      driver.close();
    }
    if (display != null) {
      display.close();
    }
  }
}
