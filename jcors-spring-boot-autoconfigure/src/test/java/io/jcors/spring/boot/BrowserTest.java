package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jcors.check.browser.HeadlessChromium;
import io.jcors.spring.boot.secured.SecuredApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The secured MVC API called from a page on another origin in headless Chromium, with credentials:
 * what the browser lets the page read is the test. The page is served by a second server on
 * 127.0.0.1 with another port, so that the API is cross-origin for it. Skipped without Chromium,
 * unless {@code CI=true}.
 */
class BrowserTest {
  private static final String AUTH = Http.basic("user", "secret");

  private static HeadlessChromium chromium;
  private static HttpServer pages;
  private static ConfigurableApplicationContext api;
  private static HeadlessChromium.Tab tab;
  private static String apiUrl;

  BrowserTest() {}

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.launchOrSkip();
    pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pages.createContext(
        "/",
        exchange -> {
          byte[] page = "<!doctype html><title>app</title><p>app".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    pages.start();
    String page = "http://127.0.0.1:" + pages.getAddress().getPort();
    api =
        StartupTest.start(
            SecuredApi.class,
            "jcors.origin[0]=" + page,
            "jcors.credentials=true",
            "jcors.methods=GET,PUT",
            "jcors.allowed-headers=Authorization,Content-Type,X-Request-Id,X-Requested-With",
            "jcors.exposed-headers=X-Total-Count",
            // The controller exception's stack trace, logged by Tomcat, is expected.
            "logging.level.org.apache.catalina.core=off");
    apiUrl = "http://127.0.0.1:" + StartupTest.port(api);
    tab = chromium.open(page + "/");
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (api != null) {
      api.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  /**
   * Runs {@code fetch(apiUrl + path, init)} in the page with {@code credentials: 'include'}, and
   * returns what the page could read: {@code ok} false when the browser blocked the response.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> fetch(String method, String path, String headers)
      throws IOException {
    String script =
        "(async () => { try {"
            + " const r = await fetch('"
            + apiUrl
            + path
            + "', {method: '"
            + method
            + "', credentials: 'include', headers: "
            + headers
            + "});"
            + " const body = await r.text();"
            + " return {ok: true, status: r.status, body,"
            + " total: r.headers.get('X-Total-Count')};"
            + " } catch (e) { return {ok: false, error: String(e)}; } })()";
    return (Map<String, Object>) tab.evaluate(script);
  }

  private static int status(Map<String, Object> result) {
    return ((Double) result.get("status")).intValue();
  }

  @Test
  void get_withAuthorization_readsTheBodyAndTheExposedHeader() throws IOException {
    Map<String, Object> result = fetch("GET", "/api/products", "{'Authorization': '" + AUTH + "'}");
    assertThat(result.get("ok")).as(String.valueOf(result)).isEqualTo(true);
    assertThat(status(result)).isEqualTo(200);
    assertThat(result.get("body")).isEqualTo("{\"id\":1}");
    assertThat(result.get("total")).isEqualTo("1");
  }

  @Test
  void put_withACustomHeader_afterAPreflight() throws IOException {
    Map<String, Object> result =
        fetch("PUT", "/api/products/7", "{'Authorization': '" + AUTH + "', 'X-Request-Id': 'r-1'}");
    assertThat(result.get("ok")).as(String.valueOf(result)).isEqualTo(true);
    assertThat(status(result)).isEqualTo(200);
    assertThat(result.get("body")).isEqualTo("{\"id\":7}");
  }

  /**
   * A page marks its calls {@code X-Requested-With: XMLHttpRequest}, as single-page applications
   * do: Spring Security then answers 401 without {@code WWW-Authenticate: Basic}, which would make
   * the browser ask for a password (headless, wait for one) before the page sees the answer. The
   * answer has no body (Security sets the status only); the page reads it to its end, and the
   * status, which it could not if the response lacked its CORS headers.
   */
  @Test
  void unauthenticated_theUnauthorizedBodyIsReadable() throws IOException {
    Map<String, Object> result =
        fetch("GET", "/api/products", "{'X-Requested-With': 'XMLHttpRequest'}");
    assertThat(result.get("ok")).as(String.valueOf(result)).isEqualTo(true);
    assertThat(status(result)).isEqualTo(401);
    assertThat(result.get("body")).isEqualTo("");
  }

  @Test
  void controllerException_theErrorBodyIsReadable() throws IOException {
    Map<String, Object> result = fetch("GET", "/api/boom", "{'Authorization': '" + AUTH + "'}");
    assertThat(result.get("ok")).as(String.valueOf(result)).isEqualTo(true);
    assertThat(status(result)).isEqualTo(500);
    // Boot's error page, as JSON.
    assertThat((String) result.get("body")).contains("\"status\":500", "\"path\":\"/api/boom\"");
  }

  @Test
  void anotherOrigin_isBlockedByTheBrowser() throws IOException {
    // The same request from a page the policy does not allow: the browser hides the response.
    HeadlessChromium.Tab other =
        chromium.open("http://localhost:" + pages.getAddress().getPort() + "/");
    assertThat(other.evaluate("location.origin"))
        .isEqualTo("http://localhost:" + pages.getAddress().getPort());
    Object result =
        other.evaluate(
            "fetch('"
                + apiUrl
                + "/api/products', {credentials: 'include', headers: {'Authorization': '"
                + AUTH
                + "'}}).then(() => 'read', (e) => 'blocked')");
    assertThat(result).isEqualTo("blocked");
  }
}
