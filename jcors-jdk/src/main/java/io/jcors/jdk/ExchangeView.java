package io.jcors.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import java.net.URI;
import java.util.List;

/**
 * One exchange as the core reads its request and a {@link CorsDecision} writes its response, and
 * the hook that puts the decision back just before the headers leave. The only object the filter
 * makes for a request.
 */
final class ExchangeView implements CorsRequest, CorsHeaders, ForwardingExchange.BeforeSend {
  private final HttpExchange exchange;

  /**
   * The request's {@code Origin}, read once: the core reads it to decide and again to echo it, and
   * each read of this server's {@link Headers} copies the name to normalise it.
   */
  private String origin;

  private boolean originRead;
  private CorsDecision decision;

  ExchangeView(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /** Writes {@code decided} on the response and keeps it for {@link #run}. */
  CorsDecision decided(CorsDecision decided) {
    decision = decided;
    decided.writeTo(this, this);
    return decided;
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
    if (!"Origin".equals(name)) {
      return exchange.getRequestHeaders().getFirst(name);
    }
    if (!originRead) {
      origin = exchange.getRequestHeaders().getFirst(name);
      originRead = true;
    }
    return origin;
  }

  @Override
  public String get(String name) {
    Headers headers = exchange.getResponseHeaders();
    List<String> lines = headers.isEmpty() ? null : headers.get(name);
    return lines == null || lines.isEmpty()
        ? null
        : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
  }

  @Override
  public void set(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /**
   * A handler that sets {@code Vary} replaces the line CORS wrote: the CORS names are put back as
   * the headers leave, and any CORS header the handler removed.
   */
  @Override
  public void run(HttpExchange sent, int status, long length) {
    decision.restoreOn(this, this);
  }
}
