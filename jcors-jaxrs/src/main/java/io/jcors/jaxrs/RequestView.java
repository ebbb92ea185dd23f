package io.jcors.jaxrs;

import io.jcors.CorsDecision;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * One request as the core reads it, and the decision made for it, kept in the request's properties
 * for the response filter. The only object the filters make for a request.
 */
final class RequestView implements CorsRequest {
  private final ContainerRequestContext request;

  /** The request's {@code Origin}, read once: the core reads it to decide and again to echo it. */
  private String origin;

  private boolean originRead;

  /** Set once the request filter has decided, before the view is shared. */
  CorsDecision decision;

  RequestView(ContainerRequestContext request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  /**
   * The path relative to the application, when the implementation matches resources on that path
   * too; otherwise null. Jakarta REST matches on the path as received, still percent-encoded (a
   * template's literal characters are encoded to match it, Jakarta REST 4.0 section 3.7.3), and
   * Jersey and RESTEasy neither remove path parameters nor resolve dot or empty segments. So the
   * normal form is the route's path only when {@link RequestPath#normalizeRoutedAsReceived} finds
   * that the two readings cannot differ: {@code %C3%A9} is {@code é} on both sides, but {@code %61}
   * is matched as {@code %61}, not {@code a}, and {@code ;x} or {@code //} stay.
   */
  @Override
  public String path() {
    UriInfo uri = request.getUriInfo();
    String base = uri.getBaseUri().getRawPath(); // ends with "/"
    String full = uri.getRequestUri().getRawPath();
    if (base == null || full == null || !full.startsWith(base)) {
      return null;
    }
    // Keeps the "/" that starts it: the path the resources are matched on.
    return RequestPath.normalizeRoutedAsReceived(full.substring(base.length() - 1));
  }

  @Override
  public String rawPath() {
    return request.getUriInfo().getRequestUri().getRawPath();
  }

  /**
   * The first line of the header: two {@code Origin} lines are not read as one list (the core
   * reflects only a value it matched).
   */
  @Override
  public String header(String name) {
    if (!"Origin".equals(name)) {
      return request.getHeaders().getFirst(name);
    }
    if (!originRead) {
      origin = request.getHeaders().getFirst(name);
      originRead = true;
    }
    return origin;
  }
}
