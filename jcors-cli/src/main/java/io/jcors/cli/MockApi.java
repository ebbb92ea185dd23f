package io.jcors.cli;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.RequestPath;
import io.jcors.Route;
import io.jcors.jdk.CorsFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API of {@code jcors serve}: on the JDK's HTTP server, behind {@link CorsFilter}, every route
 * answers any method with 200, {@code X-Route: <path>} and {@code
 * {"route":"<path>","method":"<M>"}} (as an Express app with {@code app.options(path, cors(opts))}
 * and {@code app.all(path, cors(opts), handler)}); a path that matches no route gets 404 and no
 * CORS headers. Requests are dispatched on the path the CORS route is chosen on ({@link
 * RequestPath#normalize(String)}); a path that cannot be normalised without ambiguity gets 400.
 */
final class MockApi implements AutoCloseable {
  private static final int THREADS = 16;

  private final HttpServer server;
  private final ExecutorService executor;
  private final String url;

  private MockApi(HttpServer server, ExecutorService executor, String url) {
    this.server = server;
    this.executor = executor;
    this.url = url;
  }

  /**
   * Starts the API on {@code host} and {@code port} (0: a free port).
   *
   * @throws java.net.BindException when the port is in use or the host is not a local address
   * @throws IllegalArgumentException when the host name cannot be resolved
   */
  static MockApi start(String host, int port, CorsPolicy policy) throws IOException {
    List<Route> routes = policy.routes();
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("--host " + host + " is not a known host name");
    }
    HttpServer server = HttpServer.create(address, ServerLimits.BACKLOG);
    ExecutorService executor = ServerLimits.executor(THREADS, daemonThreads());
    server.setExecutor(executor);
    HttpContext context = server.createContext("/", exchange -> answer(exchange, routes));
    context.getFilters().add(new CorsFilter(policy));
    server.start();
    InetAddress bound = server.getAddress().getAddress();
    String hostText = bound.getHostAddress();
    if (hostText.indexOf(':') >= 0) {
      hostText = "[" + hostText + "]";
    }
    return new MockApi(
        server, executor, "http://" + hostText + ":" + server.getAddress().getPort());
  }

  /** {@code http://HOST:PORT}, with the real port. */
  String url() {
    return url;
  }

  /** Stops accepting requests and ends the worker threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The first route whose path matches, as the core routes requests ({@link Route#matches}). */
  static Route route(List<Route> routes, String path) {
    for (Route route : routes) {
      if (route.matches(path)) {
        return route;
      }
    }
    return null;
  }

  private static void answer(HttpExchange exchange, List<Route> routes) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream()); // read it all: the connection is reused
      String method = exchange.getRequestMethod();
      String path = RequestPath.normalize(exchange.getRequestURI().getRawPath());
      Route route = path == null ? null : route(routes, path);
      byte[] bytes;
      int status;
      if (path == null) {
        status = 400;
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        bytes =
            ("Bad Request: the path cannot be normalised without ambiguity (an encoded / or \\,"
                    + " NUL, a .. above the root, invalid percent-encoding or UTF-8)\n")
                .getBytes(StandardCharsets.UTF_8);
      } else if (route == null) {
        status = 404;
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        bytes =
            ("Cannot " + method + " " + exchange.getRequestURI().getRawPath() + "\n")
                .getBytes(StandardCharsets.UTF_8);
      } else {
        status = 200;
        exchange.getResponseHeaders().set("X-Route", route.path());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        bytes =
            ("{\"route\":"
                    + CorsProblem.quote(route.path())
                    + ",\"method\":"
                    + CorsProblem.quote(method)
                    + "}")
                .getBytes(StandardCharsets.UTF_8);
      }
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "jcors-serve-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
