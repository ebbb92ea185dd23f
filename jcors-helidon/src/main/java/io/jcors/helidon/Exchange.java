package io.jcors.helidon;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import java.net.URI;

/**
 * One request as the core reads it and its response as a {@link CorsDecision} writes it: the only
 * object the filter makes for a request.
 */
final class Exchange extends CorsExchange {
  private final RoutingRequest request;
  private final RoutingResponse response;

  Exchange(RoutingRequest request, RoutingResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.prologue().method().text();
  }

  /**
   * The decoded path, as {@link RequestPath#normalize} makes it, when Helidon's router reads the
   * request the same way; otherwise null. The router matches its routes on the percent-decoded path
   * with its {@code ;} parameters removed ({@link UriPath#path()}), dot segments and empty segments
   * left as they are. So the decoded path is given only when it is the plain percent-decoding of
   * the raw path (no {@code ;} parameter, dot segment or empty segment) and the router's path too;
   * a route chosen on it is then the one that serves the request. Any other path gets no CORS
   * headers from routes or options functions.
   */
  @Override
  public String path() {
    UriPath uri = request.prologue().uriPath();
    String raw = uri.rawPath();
    String normal = RequestPath.normalize(raw);
    if (normal == null) {
      return null; // ambiguous: an encoded '/', invalid UTF-8, a segment above the root
    }
    String routed = uri.path();
    if (normal == raw) {
      return normal.equals(routed) ? normal : null; // the usual case: nothing allocated
    }
    return normal.equals(decoded(raw)) && normal.equals(routed) ? normal : null;
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
    return request.prologue().uriPath().rawPath();
  }

  @Override
  protected String requestHeader(String name) {
    // the first line, as every adapter reads it
    return request.headers().first(HeaderNames.create(name)).orElse(null);
  }

  @Override
  public String get(String name) {
    ServerResponseHeaders headers = response.headers();
    HeaderName header = HeaderNames.create(name);
    if (!headers.contains(header)) {
      return null;
    }
    return CorsHeaders.joined(headers.get(header).allValues());
  }

  @Override
  public void set(String name, String value) {
    response.headers().set(HeaderNames.create(name), value);
  }
}
