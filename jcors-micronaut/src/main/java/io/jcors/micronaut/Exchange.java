package io.jcors.micronaut;

import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * One request as the core reads it, the decision made for it, and the response the decision is put
 * on: the only object the filter makes for a request. It travels from the request filter to the
 * response filter as a request attribute.
 */
final class Exchange extends CorsExchange {
  private final HttpRequest<?> request;
  private MutableHttpResponse<?> response;

  Exchange(HttpRequest<?> request) {
    this.request = request;
  }

  /** Writes {@code decided} on the preflight answer {@code answer}. */
  void answer(CorsDecision decided, MutableHttpResponse<?> answer) {
    response = answer;
    decided(decided);
  }

  /**
   * Puts the decision on {@code sent}, the response of the application or of an error handler, or
   * Micronaut Security's 401: a header the application set itself stays, as it would in Express
   * (where CORS writes first), and the CORS names are merged into its {@code Vary}.
   */
  void restoreOn(MutableHttpResponse<?> sent) {
    response = sent;
    restore();
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

  @Override
  public String rawPath() {
    return request.getUri().getRawPath();
  }

  @Override
  protected String requestHeader(String name) {
    return request.getHeaders().get(name); // the first line, as every adapter reads it
  }

  @Override
  public String get(String name) {
    return CorsHeaders.joined(response.getHeaders().getAll(name));
  }

  @Override
  public void set(String name, String value) {
    response.getHeaders().set(name, value);
  }
}
