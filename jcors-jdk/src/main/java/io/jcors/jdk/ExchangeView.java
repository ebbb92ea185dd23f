package io.jcors.jdk;

import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import java.net.URI;
import java.util.List;

/** One exchange as the core reads its request and {@link CorsHeaders} writes its response. */
final class ExchangeView implements CorsRequest, CorsHeaders.Target {
  private final HttpExchange exchange;

  ExchangeView(HttpExchange exchange) {
    this.exchange = exchange;
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
  public String get(String name) {
    List<String> lines = exchange.getResponseHeaders().get(name);
    return lines == null || lines.isEmpty()
        ? null
        : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
  }

  @Override
  public void set(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }
}
