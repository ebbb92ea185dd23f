package io.jcors.javalin;

import io.javalin.http.Context;
import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;

/**
 * One request as the core reads it and its response as a {@link CorsDecision} writes it: the only
 * object the plugin makes for a request, kept as a request attribute for the after-handler.
 */
final class ContextView extends CorsExchange {
  final Context ctx;

  ContextView(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public String method() {
    return ctx.req().getMethod();
  }

  /**
   * The decoded path, as {@link RequestPath#normalize} makes it, when Javalin's router reads the
   * request the same way; otherwise null. The router matches the path of the request URI as
   * received, percent-encoded: {@code /api/%61dmin/users} does not reach {@code /api/admin/*}. So
   * the decoded path is given only when {@link RequestPath#normalizeRoutedAsReceived} finds that
   * the two readings cannot differ; a route chosen on it is then the one that serves the request.
   */
  @Override
  public String path() {
    return RequestPath.normalizeRoutedAsReceived(rawPath());
  }

  @Override
  public String rawPath() {
    String uri = ctx.req().getRequestURI(); // the path as received, without the query
    String context = ctx.req().getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }

  @Override
  protected String requestHeader(String name) {
    return ctx.req().getHeader(name); // the first line, as every adapter reads it
  }

  @Override
  public String get(String name) {
    return CorsHeaders.joined(ctx.res().getHeaders(name));
  }

  @Override
  public void set(String name, String value) {
    ctx.res().setHeader(name, value);
  }
}
