package io.jcors.jdk;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.jcors.testsupport.Requests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the JDK example of docs/adapters.md, verbatim, against a real client. */
class ReadmeExampleTest {
  @Test
  void jdkExample_servesProductsWithCors() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext products =
        server.createContext(
            "/products",
            exchange -> {
              byte[] body = "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
    products
        .getFilters()
        .add(
            new CorsFilter(
                CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()));
    server.start();
    System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());

    try {
      Requests.assertAllowed(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/products",
          "https://app.example.com",
          "[{\"id\":1}]");
    } finally {
      server.stop(0);
    }
  }
}
