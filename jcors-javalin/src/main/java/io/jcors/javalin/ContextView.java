package io.jcors.javalin;

import io.javalin.http.Context;
import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import java.net.URI;
import java.util.Collection;
import java.util.Iterator;

/**
 * One request as the core reads it and its response as a {@link CorsDecision} writes it: the only
 * object the plugin makes for a request, kept as a request attribute for the after-handler.
 */
final class ContextView implements CorsRequest, CorsHeaders {
  private final Context ctx;
  private CorsDecision decision;

  ContextView(Context ctx) {
    this.ctx = ctx;
  }

  /** Writes {@code decided} on the response and keeps it for {@link #restore()}. */
  void decided(CorsDecision decided) {
    decision = decided;
    decided.writeTo(this, this);
  }

  /**
   * Puts back what a handler replaced: the CORS names in a {@code Vary} the application set, and
   * any CORS header it removed (one it set itself stays).
   */
  void restore() {
    if (decision != null) {
      decision.restoreOn(this, this);
    }
  }

  @Override
  public String method() {
    return ctx.req().getMethod();
  }

  /**
   * The decoded path, as {@link RequestPath#normalize} makes it, when Javalin's router reads the
   * request the same way; otherwise null. The router matches the path of the request URI as
   * received, percent-encoded: {@code /api/%61dmin/users} does not reach {@code /api/admin/*}. So
   * the decoded path is given only when the raw path has no {@code ;}, dot segment or empty segment
   * and encodes no unreserved character (RFC 3986 section 2.3: letters, digits, {@code -._~}, which
   * a route path writes as they are); a route chosen on it is then the one that serves the request.
   */
  @Override
  public String path() {
    String raw = rawPath();
    String normal = RequestPath.normalize(raw);
    if (normal == null || normal == raw) {
      return normal; // ambiguous, or already normal (the usual case, nothing allocated)
    }
    return !encodesUnreserved(raw) && normal.equals(decoded(raw)) ? normal : null;
  }

  /** The path percent-decoded, its segments, parameters and dots left as they are; or null. */
  private static String decoded(String raw) {
    try {
      return URI.create(raw).getPath();
    } catch (IllegalArgumentException e) {
      return null; // not a URI path: RequestPath.normalize has refused it already
    }
  }

  @Override
  public String rawPath() {
    String uri = ctx.req().getRequestURI(); // the path as received, without the query
    String context = ctx.req().getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }

  /** Whether {@code raw} percent-encodes a letter, a digit, or one of {@code -._~}. */
  static boolean encodesUnreserved(String raw) {
    for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        continue; // RequestPath.normalize refused it already
      }
      char c = (char) (high * 16 + low);
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        return true;
      }
    }
    return false;
  }

  @Override
  public String header(String name) {
    return ctx.req().getHeader(name); // the first line, as every adapter reads it
  }

  @Override
  public String get(String name) {
    Collection<String> lines = ctx.res().getHeaders(name);
    if (lines.isEmpty()) {
      return null;
    }
    Iterator<String> it = lines.iterator();
    String first = it.next();
    return it.hasNext() ? String.join(", ", lines) : first;
  }

  @Override
  public void set(String name, String value) {
    ctx.res().setHeader(name, value);
  }
}
