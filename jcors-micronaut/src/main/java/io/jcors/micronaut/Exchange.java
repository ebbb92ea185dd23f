package io.jcors.micronaut;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/**
 * One request as the core reads it, the decision made for it, and the response the decision is put
 * on: the only object the filter makes for a request. It travels from the request filter to the
 * response filter as a request attribute.
 */
final class Exchange implements CorsRequest, CorsHeaders {
  private final HttpRequest<?> request;
  private CorsDecision decision;
  private MutableHttpResponse<?> response;

  Exchange(HttpRequest<?> request) {
    this.request = request;
  }

  /** Keeps {@code decided} for the response filter. */
  void decided(CorsDecision decided) {
    decision = decided;
  }

  /** Writes the decision on the preflight answer {@code answer}. */
  void answer(MutableHttpResponse<?> answer) {
    response = answer;
    decision.writeTo(this, this);
  }

  /**
   * Puts the decision on {@code sent}, the response of the application or of an error handler, or
   * Micronaut Security's 401: a header the application set itself stays, as it would in Express
   * (where CORS writes first), and the CORS names are merged into its {@code Vary}.
   */
  void restoreOn(MutableHttpResponse<?> sent) {
    response = sent;
    decision.restoreOn(this, this);
  }

  @Override
  public String method() {
    return request.getMethodName();
  }

  /**
   * The decoded path, as {@link RequestPath#normalize} makes it, when Micronaut's router reads the
   * request the same way; otherwise null. The router matches its routes on the raw path, still
   * percent-encoded and with {@code ;} parameters, dot segments and empty segments left in: {@code
   * /api/%61dmin/users} does not reach {@code /api/admin/{+rest}}, but {@code /api/admin/caf%C3%A9}
   * does. So the decoded path is given only when {@link RequestPath#normalizeRoutedAsReceived}
   * finds that the two readings cannot differ; a route chosen on it is then the one that serves the
   * request. Any other path gets no CORS headers from routes or options functions.
   */
  @Override
  public String path() {
    return RequestPath.normalizeRoutedAsReceived(rawPath());
  }

  /**
   * The paths this view gives no route to, however they decode: {@link
   * RequestPath#encodesUnreserved}.
   */
  static boolean encodesUnreserved(String raw) {
    return RequestPath.encodesUnreserved(raw);
  }

  @Override
  public String rawPath() {
    return request.getUri().getRawPath();
  }

  @Override
  public String header(String name) {
    return request.getHeaders().get(name); // the first line, as every adapter reads it
  }

  @Override
  public String get(String name) {
    List<String> lines = response.getHeaders().getAll(name);
    return lines.isEmpty() ? null : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
  }

  @Override
  public void set(String name, String value) {
    response.getHeaders().set(name, value);
  }
}
