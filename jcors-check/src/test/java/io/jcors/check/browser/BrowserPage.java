package io.jcors.check.browser;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A page loaded in a browser engine, where a test runs {@code fetch()}: the same script in
 * Chromium, Firefox and WebKit, so that the engines are compared on the same calls.
 *
 * <pre>{@code
 * try (HeadlessFirefox firefox = HeadlessFirefox.launchOrSkip()) {
 *   BrowserPage page = firefox.open("http://127.0.0.1:5500/page.html");
 *   BrowserPage.Fetched result =
 *       page.fetch("http://127.0.0.1:3000/data", "GET", List.of(), false, List.of("x-route"));
 *   assertTrue(result.ok());
 * }
 * }</pre>
 */
public interface BrowserPage {
  /**
   * Evaluates a JavaScript expression in the page whose value, or the value its promise resolves
   * to, is a string, and returns that string.
   */
  String evaluateString(String expression) throws IOException;

  /** What the page saw of one {@code fetch()}. */
  record Fetched(boolean ok, int status, Map<String, String> headers, String error) {}

  /**
   * Runs {@code fetch(url, {method, headers, credentials})} in the page and reports whether the
   * page could read the response, its status, and the values the page sees for {@code readHeaders}
   * (null when hidden). The body is read to its end; when the response was given to the page but
   * its body could not be read, {@code error} says why.
   *
   * @param headers request headers as {@code [name, value]} pairs
   * @param credentials {@code true} for {@code credentials: 'include'}, else {@code 'same-origin'}
   */
  default Fetched fetch(
      String url,
      String method,
      List<String[]> headers,
      boolean credentials,
      List<String> readHeaders)
      throws IOException {
    StringBuilder headerPairs = new StringBuilder("[");
    for (String[] header : headers) {
      headerPairs.append(headerPairs.length() > 1 ? "," : "");
      headerPairs.append('[').append(Json.quote(header[0])).append(',');
      headerPairs.append(Json.quote(header[1])).append(']');
    }
    headerPairs.append(']');
    StringBuilder names = new StringBuilder("[");
    for (String name : readHeaders) {
      names.append(names.length() > 1 ? "," : "").append(Json.quote(name));
    }
    names.append(']');
    String script =
        "(async () => { try {"
            + " const r = await fetch("
            + Json.quote(url)
            + ", {method: "
            + Json.quote(method)
            + ", headers: "
            + headerPairs
            + ", credentials: "
            + (credentials ? "'include'" : "'same-origin'")
            + "});"
            + " const headers = {}; for (const n of "
            + names
            + ") headers[n] = r.headers.get(n);"
            + " let body = null; try { await r.arrayBuffer(); } catch (e) { body = String(e); }"
            + " return JSON.stringify({ok: true, status: r.status, headers, error: body});"
            + " } catch (e) {"
            + " return JSON.stringify({ok: false, status: 0, headers: {}, error: String(e)}); }"
            + " })()";
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) Json.parse(evaluateString(script));
    @SuppressWarnings("unchecked")
    Map<String, String> seen = (Map<String, String>) (Map<String, ?>) value.get("headers");
    return new Fetched(
        Boolean.TRUE.equals(value.get("ok")),
        ((Double) value.get("status")).intValue(),
        seen,
        (String) value.get("error"));
  }
}
