package io.jcors.vertx;

import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * One routing context as the core reads its request and a {@link CorsDecision} writes its response,
 * and the headers-end hook that puts the decision back just before the headers leave. The only
 * object the handler makes for a request.
 */
final class ContextView extends CorsExchange implements Handler<Void> {
  final RoutingContext ctx;

  /**
   * The response's headers, read once: {@code ctx.response().headers()} is three calls through
   * Vert.x Web's wrappers, and the decision reads or writes them five to ten times per request. The
   * map is the response's for its whole life (a reroute keeps the response).
   */
  private MultiMap responseHeaders;

  ContextView(RoutingContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String method() {
    return ctx.request().method().name();
  }

  /**
   * The decoded form of the path Vert.x Web routes on, when the policy reads the same route from
   * it; otherwise null. Vert.x routes on {@link RoutingContext#normalizedPath()}: the raw path with
   * its unreserved characters decoded (so {@code %61} is {@code a}), dot segments resolved and
   * {@code //} collapsed, but other escapes and {@code ;} parameters left in. The core decodes
   * every escape and removes parameters: the two agree on a route unless the path has a parameter
   * (the router sees {@code admin;x}, the core {@code admin}) or cannot be decoded one way only.
   */
  @Override
  public String path() {
    String raw = ctx.request().path();
    String normal = RequestPath.normalize(raw);
    if (normal == null || normal == raw) {
      return normal; // ambiguous, or already normal (the usual case, nothing allocated)
    }
    String routed = ctx.normalizedPath();
    if (routed.indexOf(';') >= 0) {
      return null;
    }
    return normal.equals(RequestPath.normalize(routed)) ? normal : null;
  }

  @Override
  public String rawPath() {
    return ctx.request().path();
  }

  @Override
  protected String requestHeader(String name) {
    return ctx.request().getHeader(vertxName(name));
  }

  /**
   * For {@code Vary}, the value the decision merges its names into: the first line when it names
   * them all already ({@link #coversVary}: the merge leaves {@code Vary} as it is then, whatever
   * the other lines say), otherwise every line joined; for the other names, the first line. The
   * decision asks only whether those are there ({@link CorsDecision#restoreOn}), for each of its
   * headers on every response, and collecting every line would make a list each time.
   */
  @Override
  public String get(String name) {
    MultiMap headers = responseHeaders();
    CharSequence key = vertxName(name);
    String first = headers.get(key);
    if (first == null || key != VARY || coversVary(first)) {
      return first; // the usual case for Vary: the very line the decision wrote, nothing to scan
    }
    return CorsHeaders.joined(headers.getAll(key));
  }

  @Override
  public void set(String name, String value) {
    responseHeaders().set(vertxName(name), value);
  }

  private MultiMap responseHeaders() {
    MultiMap headers = responseHeaders;
    if (headers == null) {
      headers = ctx.response().headers();
      responseHeaders = headers;
    }
    return headers;
  }

  /**
   * The names the core reads and writes ({@link CorsHeaders#NAMES}), each in Vert.x's optimized
   * form (an AsciiString) with the case the core sends it in, in the same order.
   */
  private static final CharSequence[] OPTIMIZED =
      CorsHeaders.NAMES.stream().map(HttpHeaders::createOptimized).toArray(CharSequence[]::new);

  static final CharSequence VARY = vertxName("Vary");

  /**
   * The optimized form of a header name the core reads or writes, else {@code name}. Vert.x hashes
   * and checks a name on every lookup and write, character by character for a {@code String}; the
   * optimized form carries its hash and its check (Vert.x Web's own {@code CorsHandler} uses
   * Vert.x's constants, the lower-case form of these). {@link CorsHeaders#indexOf} costs the {@code
   * String}'s cached hash and one comparison.
   */
  static CharSequence vertxName(String name) {
    int at = CorsHeaders.indexOf(name);
    return at < 0 ? name : OPTIMIZED[at];
  }

  /**
   * Just before the headers leave: a handler that set {@code Vary} replaced the line CORS wrote,
   * and a failure handler may have removed CORS headers; the CORS names and headers are put back.
   */
  @Override
  public void handle(Void ignored) {
    restore();
  }
}
