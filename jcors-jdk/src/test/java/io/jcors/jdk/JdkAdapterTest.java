package io.jcors.jdk;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The adapter test kit's contract on the JDK's HTTP server, with four request threads. */
class JdkAdapterTest extends AdapterContract {
  private static final int THREADS = 4;

  /** The JDK's server closes the connection of a handler that throws: there is no response. */
  @Override
  protected boolean answersExceptionsWith500() {
    return false;
  }

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
    HttpContext context =
        server.createContext(
            "/",
            exchange -> {
              String path = exchange.getRequestURI().getPath();
              if (path.equals("/four-oh-four")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
              }
              if (path.equals("/vary")) {
                exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
              }
              byte[] body =
                  (exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "text/plain");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            });
    context.getFilters().add(new CorsFilter(policy));
    server.start();
    return new Server() {
      @Override
      public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
      }

      @Override
      public int requestThreads() {
        return THREADS;
      }

      @Override
      public void stop() {
        server.stop(0);
        executor.shutdownNow();
      }
    };
  }
}
