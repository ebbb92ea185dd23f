package io.jcors.benchmarks;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
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
 * The server of the end-to-end measurement ({@code scripts/wrk-loopback.sh}): the JDK's HTTP server
 * on 127.0.0.1 with one route, {@code /api/data}, answering every method with {@code 200
 * {"ok":true}}, behind jcors ({@code cors}) or not ({@code plain}). The jcors policy is the JMH
 * comparison's, with 100 allowed origins.
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

  /** Arguments: {@code jdk|jetty}, {@code cors|plain}, port (0 for any). */
  public static void main(String[] args) throws Exception {
    if (args.length != 3
        || !(args[0].equals("jdk") || args[0].equals("jetty"))
        || !(args[1].equals("cors") || args[1].equals("plain"))) {
      System.err.println("usage: LoopbackServer jdk|jetty cors|plain PORT");
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
    boolean cors = args[1].equals("cors");
    int actualPort = args[0].equals("jdk") ? startJdk(cors, port) : startJetty(cors, port);
    System.out.println("listening on http://127.0.0.1:" + actualPort);
    System.out.flush();
  }

  private static int startJdk(boolean cors, int port) throws IOException {
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
    if (cors) {
      context.getFilters().add(new CorsFilter(policy()));
    }
    server.start();
    return server.getAddress().getPort();
  }

  private static int startJetty(boolean cors, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new DataServlet()), Fixture.PATH);
    if (cors) {
      context.addFilter(
          new FilterHolder(new io.jcors.servlet.CorsFilter(policy())),
          "/*",
          EnumSet.of(DispatcherType.REQUEST));
    }
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
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
    Fixture fixture = new Fixture(Fixture.ACTUAL_ALLOWED, 100);
    return CorsPolicy.of(
        CorsOptions.builder()
            .origin(Origins.of(fixture.origins))
            .methods(Fixture.METHODS)
            .allowedHeaders(Fixture.ALLOWED_HEADERS)
            .exposedHeaders(Fixture.EXPOSED_HEADERS)
            .credentials(true)
            .maxAge(Fixture.MAX_AGE)
            .build());
  }
}
