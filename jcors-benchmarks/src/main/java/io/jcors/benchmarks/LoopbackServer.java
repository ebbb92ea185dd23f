package io.jcors.benchmarks;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.jdk.CorsFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

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

  /** Arguments: {@code jdk}, {@code cors|plain}, port (0 for any). */
  public static void main(String[] args) throws IOException {
    if (args.length != 3
        || !args[0].equals("jdk")
        || !(args[1].equals("cors") || args[1].equals("plain"))) {
      System.err.println("usage: LoopbackServer jdk cors|plain PORT");
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
    if (args[1].equals("cors")) {
      context.getFilters().add(new CorsFilter(policy()));
    }
    server.start();
    System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
    System.out.flush();
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
