package io.jcors.quarkus;

import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One routing context as the core reads its request and a {@link CorsDecision} writes its response,
 * and the hook that puts the decision back just before the headers leave. The only object the
 * handler makes for a request.
 */
final class ContextView extends CorsExchange implements Handler<Void> {
  /**
   * The names the core reads and writes ({@link CorsHeaders#NAMES}), each in Vert.x's optimized
   * form (an AsciiString, its hash computed once) with the case the core sends it in, in the same
   * order: Vert.x hashes and checks a String name character by character on every lookup and write.
   */
  private static final CharSequence[] OPTIMIZED =
      CorsHeaders.NAMES.stream().map(HttpHeaders::createOptimized).toArray(CharSequence[]::new);

  private static final CharSequence VARY = vertxName("Vary");

  final RoutingContext context;
  private final HttpServerRequest request;

  /**
   * The response's headers, read once: {@code context.response().headers()} is three calls through
   * Vert.x Web's wrappers, and the decision reads or writes them five to ten times per request. The
   * map is the response's for its whole life (a reroute keeps the response).
   */
  private MultiMap responseHeaders;

  ContextView(RoutingContext context) {
    this.context = context;
    this.request = context.request();
  }

  /**
   * Writes {@code decision} on the response, and again as the headers leave: an authentication
   * failure, an exception mapper or a handler that sets {@code Vary} may have replaced or cleared
   * what was written ({@link CorsDecision#restoreOn} keeps what the application set itself).
   */
  @Override
  public void decided(CorsDecision decision) {
    super.decided(decision);
    if (!decision.isEmpty()) {
      context.addHeadersEndHandler(this); // the view itself: no lambda per request
    }
  }

  /**
   * Puts the decision back; a {@code Vary} that Quarkus REST added as a second line is joined into
   * one first, so that the response has one {@code Vary} line (RFC 9110 section 5.3 lets a
   * recipient combine them the same way).
   */
  @Override
  public void handle(Void ended) {
    MultiMap headers = responseHeaders();
    if (headers.get(VARY) != null) {
      List<String> vary = headers.getAll(VARY);
      if (vary.size() > 1) {
        headers.set(VARY, String.join(", ", vary));
      }
    }
    restore();
  }

  @Override
  public String method() {
    return request.method().name();
  }

  /**
   * The path Quarkus dispatches on, when it is the normal form of the raw path; otherwise null.
   * Vert.x routes and Quarkus REST match on the percent-decoded path, but they treat {@code ;}
   * parameters, empty segments and dot segments each their own way (Vert.x removes dot segments,
   * Quarkus REST reads {@code ;} as matrix parameters, a handler may see them left in), so a route
   * chosen on the resolved path could differ from the one the application serves: such a path is
   * ambiguous here and gets no CORS headers from routes.
   */
  @Override
  public String path() {
    String raw = request.path();
    if (raw == null) {
      return null;
    }
    String normal = RequestPath.normalize(raw);
    if (normal == raw || normal == null) {
      return normal; // already normal (the usual case, nothing allocated), or ambiguous
    }
    return normal.equals(decoded(raw)) ? normal : null;
  }

  @Override
  public String rawPath() {
    return request.path();
  }

  @Override
  protected String requestHeader(String name) {
    return request.getHeader(vertxName(name));
  }

  /**
   * For {@code Vary}, the value the decision merges its names into: the first line when it names
   * them all already ({@link #coversVary}), otherwise every line joined; for the other names, the
   * first line, since the decision only asks whether they are there ({@link
   * CorsDecision#restoreOn}) and collecting every line would make a list each time.
   */
  @Override
  public String get(String name) {
    CharSequence key = vertxName(name);
    String first = responseHeaders().get(key);
    return first == null || key != VARY || coversVary(first)
        ? first
        : CorsHeaders.joined(responseHeaders().getAll(key));
  }

  @Override
  public void set(String name, String value) {
    responseHeaders().set(vertxName(name), value);
  }

  private MultiMap responseHeaders() {
    MultiMap headers = responseHeaders;
    if (headers == null) {
      headers = context.response().headers();
      responseHeaders = headers;
    }
    return headers;
  }

  /** The optimized form of a header name the core reads or writes, else {@code name}. */
  private static CharSequence vertxName(String name) {
    int at = CorsHeaders.indexOf(name);
    return at < 0 ? name : OPTIMIZED[at];
  }

  /**
   * {@code raw} percent-decoded as UTF-8 and nothing else; only called once {@link
   * RequestPath#normalize} accepted it, so every escape is two hex digits and the bytes are UTF-8.
   * A {@code +} is a {@code +} in a path (RFC 3986 section 3.3), not the space of a form.
   */
  private static String decoded(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
