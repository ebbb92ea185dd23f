package io.jcors.quarkus;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import io.vertx.core.MultiMap;
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
final class ContextView implements CorsRequest, CorsHeaders {
  private final RoutingContext context;
  private final HttpServerRequest request;

  ContextView(RoutingContext context) {
    this.context = context;
    this.request = context.request();
  }

  /**
   * Writes {@code decision} on the response, and again as the headers leave: an authentication
   * failure, an exception mapper or a handler that sets {@code Vary} may have replaced or cleared
   * what was written ({@link CorsDecision#restoreOn} keeps what the application set itself).
   */
  void decided(CorsDecision decision) {
    decision.writeTo(this, this);
    if (!decision.isEmpty()) {
      context.addHeadersEndHandler(ended -> restore(decision));
    }
  }

  /**
   * Puts the decision back; a {@code Vary} that Quarkus REST added as a second line is joined into
   * one first, so that the response has one {@code Vary} line (RFC 9110 section 5.3 lets a
   * recipient combine them the same way).
   */
  private void restore(CorsDecision decision) {
    MultiMap headers = context.response().headers();
    List<String> vary = headers.getAll("Vary");
    if (vary.size() > 1) {
      headers.set("Vary", String.join(", ", vary));
    }
    decision.restoreOn(this, this);
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
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String get(String name) {
    MultiMap headers = context.response().headers();
    List<String> lines = headers.getAll(name);
    return lines.isEmpty() ? null : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
  }

  @Override
  public void set(String name, String value) {
    context.response().headers().set(name, value);
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
