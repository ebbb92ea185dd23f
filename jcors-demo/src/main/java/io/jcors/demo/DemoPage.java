package io.jcors.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.check.CheckException;
import io.jcors.check.CheckReport;
import io.jcors.check.CheckRequest;
import io.jcors.check.CorsCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo page's server, on another origin than the API: the page itself (HTML, script and style
 * from this package's resources, nothing from elsewhere) and the same-origin endpoints the page
 * reads, which a browser lets it read without any CORS:
 *
 * <ul>
 *   <li>{@code GET /scenarios}: the API's origin and the buttons;
 *   <li>{@code GET /api-log?after=N}: the requests the API received after request N, preflights
 *       included; {@code after} omitted: only the latest id;
 *   <li>{@code GET /explain?scenario=ID}: what {@code jcors check} predicts for that scenario's
 *       request, and why ({@link CheckReport#toJson()});
 *   <li>{@code POST /tutorial?step=N&action=fix} (or {@code reset}): applies (or removes) the fix
 *       of tutorial step N on the running API. Only from the page itself: a request whose {@code
 *       Origin} is another origin is refused with 403, so that no other site can change the API.
 * </ul>
 */
final class DemoPage {
  private static final Map<String, String> ASSETS =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/style.css", "style.css",
          "/favicon.ico", "favicon.ico");

  private static final CorsCheck CHECK = CorsCheck.create(Duration.ofSeconds(5));

  private DemoPage() {}

  static void install(
      HttpServer server, String apiOrigin, String pageOrigin, RequestLog log, Tutorial tutorial) {
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/tutorial")) {
              tutorial(exchange, tutorial, pageOrigin);
            } else if (!method.equals("GET")) {
              send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else if (ASSETS.containsKey(path)) {
              String name = ASSETS.get(path);
              send(exchange, 200, contentType(name), asset(name));
            } else if (path.equals("/scenarios")) {
              sendJson(exchange, scenarios(apiOrigin, pageOrigin, tutorial));
            } else if (path.equals("/api-log")) {
              sendJson(exchange, log(log, exchange.getRequestURI().getRawQuery()));
            } else if (path.equals("/explain")) {
              String id = parameter(exchange.getRequestURI().getRawQuery(), "scenario");
              Scenario scenario = id == null ? null : Scenario.find(id);
              if (scenario == null) {
                send(exchange, 404, "application/json", Json.write(Map.of("error", "no scenario")));
              } else {
                send(exchange, 200, "application/json", explain(scenario, apiOrigin, pageOrigin));
              }
            } else {
              send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
          }
        });
  }

  /** {@code POST /tutorial?step=N&action=fix|reset}, from the page's own origin only. */
  private static void tutorial(HttpExchange exchange, Tutorial tutorial, String pageOrigin)
      throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      send(exchange, 405, "text/plain; charset=utf-8", "POST only\n");
      return;
    }
    // Browsers send Origin on every POST (Fetch standard, "append a request `Origin` header"):
    // one from another site must not reconfigure the API.
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null || !origin.equals(pageOrigin)) {
      send(
          exchange,
          403,
          "application/json",
          Json.write(
              Map.of("error", "only the demo page (" + pageOrigin + ") may change the API")));
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    String step = parameter(query, "step");
    String action = parameter(query, "action");
    if (!("1".equals(step) || "2".equals(step))
        || !("fix".equals(action) || "reset".equals(action))) {
      send(
          exchange,
          400,
          "application/json",
          Json.write(Map.of("error", "use ?step=1 or 2 and action=fix or reset")));
      return;
    }
    int number = Integer.parseInt(step);
    if (action.equals("fix")) {
      tutorial.fix(number);
    } else {
      tutorial.reset(number);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("step", number);
    answer.put("fixed", tutorial.fixed(number));
    sendJson(exchange, answer);
  }

  /**
   * Runs the check engine against the API with the scenario's request shape, as the browser of a
   * page on {@code pageOrigin} would send it.
   */
  static String explain(Scenario scenario, String apiOrigin, String pageOrigin) {
    try {
      CheckRequest.Builder request =
          CheckRequest.builder(apiOrigin + scenario.path(), pageOrigin)
              .method(scenario.method())
              .credentials(scenario.credentials());
      scenario.headers().forEach(request::header);
      return CHECK.run(request.build()).toJson();
    } catch (CheckException e) {
      return Json.write(Map.of("error", e.getMessage()));
    }
  }

  private static Map<String, Object> scenarios(
      String apiOrigin, String pageOrigin, Tutorial tutorial) {
    List<Object> scenarios = new ArrayList<>();
    for (Scenario scenario : Scenario.all()) {
      scenarios.add(scenario.toMap());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiOrigin", apiOrigin);
    map.put("pageOrigin", pageOrigin);
    map.put("tutorial", new ArrayList<Object>(tutorial.steps()));
    map.put("scenarios", scenarios);
    return map;
  }

  private static Map<String, Object> log(RequestLog log, String query) {
    Map<String, Object> map = new LinkedHashMap<>();
    long after = -1;
    String value = parameter(query, "after");
    if (value != null) {
      try {
        after = Long.parseLong(value);
      } catch (NumberFormatException e) {
        after = -1;
      }
    }
    // Read the last id first: entries added meanwhile are then returned next time too.
    map.put("last", log.lastId());
    map.put("entries", after < 0 ? List.of() : log.after(after));
    return map;
  }

  /** The first value of {@code name} in a query string of plain ASCII values, or null. */
  static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  private static byte[] asset(String name) {
    try (InputStream in = DemoPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the demo page's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".ico")) {
      return "image/x-icon";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }

  private static void sendJson(HttpExchange exchange, Object value) throws IOException {
    send(exchange, 200, "application/json", Json.write(value));
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
