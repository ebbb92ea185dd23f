package io.jcors.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.jcors.CorsRequest;
import io.jcors.CorsResponse;
import io.jcors.RequestPath;
import java.net.URI;
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

  /**
   * The path the server dispatches on, when it is the normal form of the raw path; otherwise null.
   * The server chooses the context, and a handler usually reads the path, from {@code
   * URI.getPath()}: decoded, but with {@code ;} parameters, dot segments and empty segments left
   * in. A handler may resolve those or not, so a route chosen on the resolved path could differ
   * from the one the handler serves: such a path is ambiguous here and gets no CORS headers.
   */
  @Override
  public String path() {
    URI uri = exchange.getRequestURI();
    String raw = uri.getRawPath();
    String normal = RequestPath.normalize(raw);
    if (normal == raw || normal == null) {
      return normal; // already normal (the usual case, nothing allocated), or ambiguous
    }
    return normal.equals(uri.getPath()) ? normal : null;
  }

  @Override
  public String rawPath() {
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
