package io.jcors.benchmarks;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.jdk.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server of the end-to-end measurement ({@code scripts/wrk-loopback.sh}): the JDK's HTTP
 * server, embedded Jetty, Vert.x Web or Netty ({@link NettyLoopback}) on 127.0.0.1 with one route,
 * {@code /api/data}, answering every method with {@code 200 {"ok":true}}, behind jcors ({@code
 * cors}), behind a filter that only passes the request on ({@code filter}: what any filter costs on
 * that server; for Vert.x a route handler calling {@code ctx.next()}, for Netty a handler passing
 * every message on), behind the server's own CORS with the same options ({@code builtin}: Vert.x
 * Web's {@code CorsHandler}; {@code native}: Netty's {@code CorsHandler}), or neither ({@code
 * plain}). The jcors policy is the JMH comparison's, with 100 allowed origins.
 *
 * <pre>
 * java -cp jcors-benchmarks/target/benchmarks.jar io.jcors.benchmarks.LoopbackServer jdk cors 8080
 * </pre>
 *
 * Prints {@code listening on http://127.0.0.1:PORT} when ready; stops when its input closes or the
 * process is killed.
 */
public final class LoopbackServer {
  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private LoopbackServer() {}

  /**
   * Arguments: {@code jdk|jetty|vertx|netty}, {@code cors|filter|plain} (and {@code builtin} for
   * Vert.x, its own CorsHandler; {@code native} for Netty, its own CorsHandler), port (0 for any).
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !valid(args[0], args[1])) {
      System.err.println(
          "usage: LoopbackServer jdk|jetty cors|filter|plain PORT, vertx cors|builtin|filter|plain"
              + " PORT, or netty cors|native|filter|plain PORT");
      System.exit(2);
      return;
    }
    int port;
    try {
      port = Integer.parseInt(args[2]);
    } catch (NumberFormatException e) {
      System.err.println("PORT must be a number, got " + args[2]);
      System.exit(2);
      return;
    }
    Running running = start(args[0], args[1], port);
    System.out.println("listening on http://127.0.0.1:" + running.port());
    System.out.flush();
  }

  /** A started server: its port, and {@link #close()} to stop it. */
  interface Running extends AutoCloseable {
    int port();

    @Override
    void close() throws IOException;
  }

  private static boolean valid(String server, String layer) {
    return switch (server) {
      case "jdk", "jetty" ->
          layer.equals("cors") || layer.equals("filter") || layer.equals("plain");
      case "vertx" ->
          layer.equals("cors")
              || layer.equals("builtin")
              || layer.equals("filter")
              || layer.equals("plain");
      case "netty" ->
          layer.equals("cors")
              || layer.equals("native")
              || layer.equals("filter")
              || layer.equals("plain");
      default -> false;
    };
  }

  /**
   * Starts {@code server} ({@code jdk|jetty|vertx|netty}) with {@code layer} ({@code
   * cors|filter|plain}; also {@code builtin} for {@code vertx}, {@code native} for {@code netty}).
   */
  static Running start(String server, String layer, int port) throws Exception {
    return switch (server) {
      case "jdk" -> startJdk(layer, port);
      case "jetty" -> startJetty(layer, port);
      case "netty" -> NettyLoopback.start(layer, port);
      default -> VertxLoopback.start(layer, port);
    };
  }

  private static Running startJdk(String layer, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    HttpContext context =
        server.createContext(
            Fixture.PATH,
            exchange -> {
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, BODY.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
              }
            });
    if (layer.equals("cors")) {
      context.getFilters().add(new CorsFilter(policy()));
    } else if (layer.equals("filter")) {
      context.getFilters().add(Filter.beforeHandler("pass", exchange -> {}));
    }
    server.start();
    return new Running() {
      @Override
      public int port() {
        return server.getAddress().getPort();
      }

      @Override
      public void close() {
        server.stop(0);
      }
    };
  }

  private static Running startJetty(String layer, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new DataServlet()), Fixture.PATH);
    if (layer.equals("cors")) {
      context.addFilter(
          new FilterHolder(new io.jcors.servlet.CorsFilter(policy())),
          "/*",
          EnumSet.of(DispatcherType.REQUEST));
    } else if (layer.equals("filter")) {
      context.addFilter(
          new FilterHolder(
              (jakarta.servlet.Filter)
                  (request, response, chain) -> chain.doFilter(request, response)),
          "/*",
          EnumSet.of(DispatcherType.REQUEST));
    }
    server.setHandler(context);
    server.start();
    return new Running() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() throws IOException {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IOException("cannot stop Jetty", e);
        }
      }
    };
  }

  /** The route: 200 {"ok":true} for every method. */
  static final class DataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("application/json");
      response.setContentLength(BODY.length);
      response.getOutputStream().write(BODY);
    }
  }

  /** The comparison benchmark's policy with 100 allowed origins. */
  static CorsPolicy policy() {
    return new Fixture(Fixture.ACTUAL_ALLOWED, 100).jcorsPolicy();
  }
}
