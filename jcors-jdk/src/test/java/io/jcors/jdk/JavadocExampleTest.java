package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Javadoc example of {@link CorsFilter}, verbatim, against a real server. */
class JavadocExampleTest {
  /** The outline in {@link AdapterContract}'s Javadoc, verbatim: a factory that starts. */
  @Test
  void adapterContractExample() throws Exception {
    // formatter:off
    class JdkServerContractTest extends AdapterContract {
      @Override
      protected Server start(CorsPolicy policy) throws Exception {
        return serve(
            policy,
            exchange -> {
              exchange.sendResponseHeaders(200, -1); // the routes listed below, in the real test
              exchange.close();
            });
      }

      @Override
      protected Server startRouted(CorsPolicy policy) throws Exception {
        return serve(
            policy,
            exchange -> { // dispatches on the path as the server gives it
              String route = RoutingPaths.routeOf(exchange.getRequestURI().getPath());
              if (route != null) {
                exchange.getResponseHeaders().set(RoutingPaths.SERVED, route);
              }
              exchange.sendResponseHeaders(route == null ? 404 : 200, -1);
              exchange.close();
            });
      }

      private static Server serve(CorsPolicy policy, HttpHandler app) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", app).getFilters().add(new CorsFilter(policy));
        http.start();
        return new Server() {
          public String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
          }

          public int requestThreads() {
            return 1; // the server's default executor: the dispatcher thread
          }

          public void stop() {
            http.stop(0);
          }
        };
      }
    }
    // formatter:on
    AdapterContract.Server server = new JdkServerContractTest().start(CorsPolicy.defaults());
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.base() + "/any"))
                      .header("Origin", "https://a.example")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      AdapterContract.Server routed =
          new JdkServerContractTest().startRouted(RoutingPaths.policy());
      try {
        RoutingPaths.Entry admin = RoutingPaths.entries().get(0); // GET /api/admin/users
        assertThat(RoutingPaths.check(routed.base(), admin, RoutingPaths.Reading.AS_THE_CORE))
            .isEqualTo(RoutingPaths.ADMIN_ROUTE);
      } finally {
        routed.stop();
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void corsFilterExample() throws Exception {
    // formatter:off
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext products =
        server.createContext(
            "/products",
            exchange -> {
              byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
    products.getFilters().add(new CorsFilter(CorsPolicy.defaults()));
    server.start();
    // formatter:on
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.getAddress().getPort() + "/products"))
                      .header("Origin", "https://shop.example")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("[]");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void forwardingExampleRunsTheHookBeforeTheHeadersLeave() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext context =
        server.createContext(
            "/",
            sent -> {
              sent.getResponseHeaders().set("X-Seen", "no");
              sent.sendResponseHeaders(204, -1);
              sent.close();
            });
    context
        .getFilters()
        .add(
            new Filter() {
              @Override
              public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                HttpExchange forApplication =
                    ForwardingExchange.beforeSend(
                        exchange,
                        (sent, status, length) -> sent.getResponseHeaders().set("X-Seen", "yes"));
                assertThat(forApplication).isNotInstanceOf(HttpsExchange.class);
                chain.doFilter(forApplication);
              }

              @Override
              public String description() {
                return "test";
              }
            });
    server.start();
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(response.headers().firstValue("X-Seen")).hasValue("yes");
    } finally {
      server.stop(0);
    }
  }
}
