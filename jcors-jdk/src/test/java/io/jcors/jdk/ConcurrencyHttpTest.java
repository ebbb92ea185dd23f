package io.jcors.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.ConcurrentLoad;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One policy shared by many connections of a real JDK HttpServer (S24), with the load and checks of
 * {@link ConcurrentLoad}. Bounded: 8 client threads (so at most 8 connections) against 4 server
 * threads.
 */
class ConcurrencyHttpTest {
  private static final int SERVER_THREADS = 4;

  private HttpServer server;
  private ExecutorService executor;

  ConcurrencyHttpTest() {}

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Test
  void manyThreads_differentOrigins_eachResponseCarriesOnlyItsOwnOrigin() throws Exception {
    ConcurrentLoad.checkEachResponseCarriesOnlyItsOwnOrigin(this::start);
  }

  @Test
  void reload_underLoad_losesNoRequest_mixesNoPolicies_andEndsOnTheLastPolicy() throws Exception {
    ConcurrentLoad.checkReloadUnderLoad(this::start);
  }

  /** The application: echoes method and path. */
  private static void app(HttpExchange exchange) throws IOException {
    byte[] body =
        (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath())
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private String start(CorsPolicy policy) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(SERVER_THREADS);
    server.setExecutor(executor);
    server.createContext("/", ConcurrencyHttpTest::app).getFilters().add(new CorsFilter(policy));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
