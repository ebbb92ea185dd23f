package io.jcors.check.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket of a browser's remote protocol (Chromium's DevTools protocol, Firefox's WebDriver
 * BiDi): each command carries a number, and its reply the same one. Events, which carry none, are
 * ignored.
 */
final class JsonRpcSocket {
  private static final Duration CALL = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending =
      new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** A socket connected to {@code endpoint}. */
  JsonRpcSocket(URI endpoint) throws InterruptedException, ExecutionException, TimeoutException {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(CALL)
            .buildAsync(endpoint, new Listener())
            .get(CALL.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Sends {@code {"id":N,<fields>}} and returns the whole reply with that id.
   *
   * @param fields the members after the id, such as {@code "method":"…","params":{…}}
   */
  Map<String, Object> call(String method, String fields) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> response = new CompletableFuture<>();
    pending.put(id, response);
    try {
      socket
          .sendText("{\"id\":" + id + "," + fields + "}", true)
          .get(CALL.toSeconds(), TimeUnit.SECONDS);
      return response.get(CALL.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Drops the connection at once. */
  void abort() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) Json.parse(text);
        Object id = message.get("id");
        if (id instanceof Double) {
          CompletableFuture<Map<String, Object>> waiting = pending.get(((Double) id).intValue());
          if (waiting != null) {
            waiting.complete(message);
          }
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
