package io.jcors.vertx;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * One routing context as the core reads its request and a {@link CorsDecision} writes its response,
 * and the headers-end hook that puts the decision back just before the headers leave. The only
 * object the handler makes for a request.
 */
final class ContextView implements CorsRequest, CorsHeaders, Handler<Void> {
  private final RoutingContext ctx;

  /** The request's {@code Origin}, read once: the core reads it to decide and again to echo it. */
  private String origin;

  private boolean originRead;
  private CorsDecision decision;

  ContextView(RoutingContext ctx) {
    this.ctx = ctx;
  }

  /** Writes {@code decided} on the response and keeps it for {@link #handle}. */
  void decided(CorsDecision decided) {
    decision = decided;
    decided.writeTo(this, this);
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
  public String header(String name) {
    if (!"Origin".equals(name)) {
      return ctx.request().getHeader(name);
    }
    if (!originRead) {
      origin = ctx.request().getHeader(name);
      originRead = true;
    }
    return origin;
  }

  /**
   * Every line of {@code Vary} joined, the value the decision merges its names into; for the other
   * names, the first line. The decision asks only whether those are there ({@link
   * CorsDecision#restoreOn}), for each of its headers on every response, and collecting every line
   * would make a list each time.
   */
  @Override
  public String get(String name) {
    MultiMap headers = ctx.response().headers();
    String first = headers.get(name);
    if (first == null || !"Vary".equals(name)) {
      return first;
    }
    List<String> lines = headers.getAll(name);
    return lines.size() == 1 ? first : String.join(", ", lines);
  }

  @Override
  public void set(String name, String value) {
    ctx.response().headers().set(name, value);
  }

  /**
   * Just before the headers leave: a handler that set {@code Vary} replaced the line CORS wrote,
   * and a failure handler may have removed CORS headers; the CORS names and headers are put back.
   */
  @Override
  public void handle(Void ignored) {
    decision.restoreOn(this, this);
  }
}
