package io.jcors.jdbc;

import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdk.CorsFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real JDK HTTP server on 127.0.0.1 behind a jcors CorsFilter, and a client for it. */
final class ApiServer implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpServer server;
  private final ExecutorService executor;
  private final String base;

  ApiServer(CorsPolicy policy) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server
        .createContext(
            "/",
            exchange -> {
              byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
        .getFilters()
        .add(new CorsFilter(policy));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The response to a GET /data from a page on {@code origin}. */
  HttpResponse<String> get(String origin) {
    return send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Origin", origin));
  }

  /** The response to a preflight for a PUT from a page on {@code origin}. */
  HttpResponse<String> preflight(String origin) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/data"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT"));
  }

  /** Whether a GET from {@code origin} is answered with {@code Access-Control-Allow-Origin}. */
  boolean allows(String origin) {
    HttpResponse<String> response = get(origin);
    return response
        .headers()
        .firstValue("Access-Control-Allow-Origin")
        .map(origin::equals)
        .orElse(false);
  }

  /** Waits until both servers allow {@code origin} (as {@link #allows} says). */
  static void awaitBothAllow(ApiServer a, ApiServer b, String origin) {
    Eventually.await("both servers allow " + origin, () -> a.allows(origin) && b.allows(origin));
  }

  /** Waits until both servers refuse {@code origin}: no {@code Access-Control-Allow-Origin}. */
  static void awaitBothRefuse(ApiServer a, ApiServer b, String origin) {
    Eventually.await("both servers refuse " + origin, () -> !a.allows(origin) && !b.allows(origin));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
