package io.jcors.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The adapter test kit's contract on the JDK's HTTP server, with four request threads; the path
 * corpus on a handler that dispatches on {@code URI.getPath()}, as hand-written handlers do.
 */
class JdkAdapterTest extends AdapterContract {
  private static final int THREADS = 4;

  /** The JDK's server closes the connection of a handler that throws: there is no response. */
  @Override
  protected boolean answersExceptionsWith500() {
    return false;
  }

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return serve(policy, JdkAdapterTest::contractRoutes);
  }

  @Override
  protected Server startRouted(CorsPolicy policy) throws Exception {
    return startRoutedServer(policy);
  }

  /** The application routes of {@link AdapterContract}. */
  private static void contractRoutes(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/four-oh-four")) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    if (path.equals("/vary")) {
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    }
    byte[] body = (exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A handler that dispatches on {@code URI.getPath()} and names the route it served. */
  private static void routed(HttpExchange exchange) throws IOException {
    String route = RoutingPaths.routeOf(exchange.getRequestURI().getPath());
    if (route != null) {
      exchange.getResponseHeaders().set(RoutingPaths.SERVED, route);
    }
    exchange.sendResponseHeaders(route == null ? 404 : 200, -1);
    exchange.close();
  }

  /** A server of {@link #THREADS} threads: the filter of {@code policy} in front of {@code app}. */
  static Server serve(CorsPolicy policy, HttpHandler app) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
    server.createContext("/", app).getFilters().add(new CorsFilter(policy));
    server.start();
    return Server.of(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        THREADS,
        () -> {
          server.stop(0);
          executor.shutdownNow();
        });
  }

  /** The routed server of the path corpus, for the JDK's own tests of it. */
  static Server startRoutedServer(CorsPolicy policy) throws IOException {
    return serve(policy, JdkAdapterTest::routed);
  }
}
