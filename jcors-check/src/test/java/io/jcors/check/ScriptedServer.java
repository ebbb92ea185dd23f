package io.jcors.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (port 0) that answers each path with a scripted response, one for
 * preflights ({@code OPTIONS} with {@code Access-Control-Request-Method}) and one for everything
 * else, and records every request it receives.
 */
final class ScriptedServer implements AutoCloseable {
  /** A scripted response: status, header lines (repeats allowed) and body. */
  record Reply(int status, List<Header> headers, String body) {
    static Reply of(int status, String... lines) {
      List<Header> headers = new ArrayList<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
      }
      return new Reply(status, headers, "");
    }

    Reply withBody(String body) {
      return new Reply(status, headers, body);
    }
  }

  /** A request as the server saw it. */
  record Received(String method, String path, List<Header> headers) {
    String header(String name) {
      for (Header header : headers) {
        if (header.name().equalsIgnoreCase(name)) {
          return header.value();
        }
      }
      return null;
    }

    boolean isPreflight() {
      return method.equals("OPTIONS") && header("Access-Control-Request-Method") != null;
    }
  }

  private record Route(Reply preflight, Reply actual) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Scripts {@code path}; a null preflight reply answers preflights with a bare 404. */
  void route(String path, Reply preflight, Reply actual) {
    routes.put(path, new Route(preflight, actual));
  }

  /** Every request received so far, in order. */
  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      List<Header> headers = new ArrayList<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
      Received request = new Received(exchange.getRequestMethod(), path, headers);
      received.add(request);
      Route route = routes.get(path);
      Reply reply =
          route == null
              ? Reply.of(404)
              : request.isPreflight()
                  ? (route.preflight() == null ? Reply.of(404) : route.preflight())
                  : route.actual();
      for (Header header : reply.headers()) {
        exchange.getResponseHeaders().add(header.name(), header.value());
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      boolean noBody =
          body.length == 0
              || reply.status() == 204
              || reply.status() == 304
              || request.method().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
