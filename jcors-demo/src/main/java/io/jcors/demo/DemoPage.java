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
 *       request, and why ({@link CheckReport#toJson()}).
 * </ul>
 */
final class DemoPage {
  private static final Map<String, String> ASSETS =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/style.css", "style.css");

  private static final CorsCheck CHECK = CorsCheck.create(Duration.ofSeconds(5));

  private DemoPage() {}

  static void install(HttpServer server, String apiOrigin, String pageOrigin, RequestLog log) {
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
              send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else if (ASSETS.containsKey(path)) {
              String name = ASSETS.get(path);
              send(exchange, 200, contentType(name), asset(name));
            } else if (path.equals("/scenarios")) {
              sendJson(exchange, scenarios(apiOrigin, pageOrigin));
            } else if (path.equals("/api-log")) {
              sendJson(exchange, log(log, exchange.getRequestURI().getRawQuery()));
            } else if (path.equals("/explain")) {
              String id = parameter(exchange.getRequestURI().getRawQuery(), "scenario");
              Scenario scenario = find(id);
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

  private static Scenario find(String id) {
    for (Scenario scenario : Scenario.all()) {
      if (scenario.id().equals(id)) {
        return scenario;
      }
    }
    return null;
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

  private static Map<String, Object> scenarios(String apiOrigin, String pageOrigin) {
    List<Object> scenarios = new ArrayList<>();
    for (Scenario scenario : Scenario.all()) {
      scenarios.add(scenario.toMap());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiOrigin", apiOrigin);
    map.put("pageOrigin", pageOrigin);
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

  private static String asset(String name) {
    try (InputStream in = DemoPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the demo page's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String name) {
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
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
