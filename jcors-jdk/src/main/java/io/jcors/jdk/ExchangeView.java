package io.jcors.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.jcors.CorsRequest;
import io.jcors.CorsResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One exchange as the core sees it, and the {@code Vary} names CORS added to it. The exchange
 * handed to the application re-adds those names when the response headers are sent, so a handler
 * that sets {@code Vary} after the filter keeps them.
 */
final class ExchangeView implements CorsRequest, CorsResponse {
  private final HttpExchange exchange;
  private List<String> varyNames;

  ExchangeView(HttpExchange exchange) {
    this.exchange = exchange;
  }

  HttpExchange exchange() {
    return exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    return exchange.getRequestURI().getRawPath();
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public void addVary(String name) {
    if (varyNames == null) {
      varyNames = new ArrayList<>(2);
    }
    varyNames.add(name);
    mergeVary(exchange.getResponseHeaders(), name);
  }

  /** The exchange for the application: the same one, or one that keeps the CORS Vary names. */
  HttpExchange forApplication() {
    if (varyNames == null) {
      return exchange;
    }
    return exchange instanceof HttpsExchange
        ? new VaryKeepingHttpsExchange((HttpsExchange) exchange, this)
        : new VaryKeepingExchange(exchange, this);
  }

  /** Called just before the response headers are sent. */
  void restoreVary() {
    for (String name : varyNames) {
      mergeVary(exchange.getResponseHeaders(), name);
    }
  }

  /** Merges {@code name} into every Vary line, written back as a single line. */
  private static void mergeVary(Headers headers, String name) {
    List<String> lines = headers.get("Vary");
    String existing =
        lines == null || lines.isEmpty()
            ? null
            : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
    headers.set("Vary", CorsResponse.mergeVary(existing, name));
  }
}
