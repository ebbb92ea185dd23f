package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter's routes are chosen on the path the JDK server dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the route a handler dispatching on {@code URI.getPath()}
 * served, or none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPathHttpTest {
  private HttpServer server;
  private String base;

  @BeforeAll
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server
        .createContext("/", RoutingPathHttpTest::answer)
        .getFilters()
        .add(new CorsFilter(RoutingPaths.policy()));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  void stop() {
    server.stop(0);
  }

  /** A handler that dispatches on {@code URI.getPath()} and names the route it served. */
  private static void answer(HttpExchange exchange) throws IOException {
    String route = RoutingPaths.routeOf(exchange.getRequestURI().getPath());
    byte[] body = String.valueOf(route).getBytes(StandardCharsets.UTF_8);
    if (route != null) {
      exchange.getResponseHeaders().set(RoutingPaths.SERVED, route);
    }
    exchange.sendResponseHeaders(route == null ? 404 : 200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheRouteTheHandlerServed(RoutingPaths.Entry entry)
      throws IOException {
    RoutingPaths.check(base, entry, false);
  }

  @Test
  void refusedPath_debugMode_logsOneEscapedLine() throws IOException {
    HttpServer debugServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    debugServer
        .createContext("/", RoutingPathHttpTest::answer)
        .getFilters()
        .add(new CorsFilter(RoutingPaths.policy(true)));
    debugServer.start();
    Logger logger = Logger.getLogger("io.jcors");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      String debugBase = "http://127.0.0.1:" + debugServer.getAddress().getPort();
      RoutingPaths.Kind[] kinds = {
        RoutingPaths.Kind.AMBIGUOUS, RoutingPaths.Kind.RESOLVED, RoutingPaths.Kind.DECODED
      };
      String[] paths = {"/api%2Fadmin/users", "/api//admin/users", "/api/admin/x"};
      for (int i = 0; i < paths.length; i++) {
        RoutingPaths.check(
            debugBase,
            new RoutingPaths.Entry(paths[i], paths[i], kinds[i], RoutingPaths.ADMIN_ROUTE),
            false);
      }
    } finally {
      logger.removeHandler(handler);
      debugServer.stop(0);
    }
    List<String> lines =
        records.stream()
            .map(record -> new SimpleFormatter().formatMessage(record))
            .filter(line -> line.contains("request path"))
            .toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "CORS: request path \"/api%2Fadmin/users\" gets no CORS headers: it has an encoded /"
                + " (%2F), which servers read as a separator or inside a segment (routes are chosen"
                + " on the path the server dispatches on)");
    assertThat(lines.get(1))
        .startsWith("CORS: request path \"/api//admin/users\" gets no CORS headers:")
        .contains("not on its normal form \"/api/admin/users\"");
  }

  @Test
  void encodedLetter_reachesTheAdminHandler_withTheAdminRoutesHeaders() throws IOException {
    // The finding: this request got Access-Control-Allow-Origin: https://partner.example and
    // credentials from the /api/** route while the handler served it as /api/admin/users.
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "encoded a", "/api/%61dmin/users", RoutingPaths.Kind.DECODED, RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(base, entry, false)).isEqualTo(RoutingPaths.ADMIN_ROUTE);
  }
}
