package io.jcors.jaxrs;

import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * One request as the core reads it, and the decision made for it, kept in the request's properties
 * for the response filter, which writes it on the response the request ends with. The only object
 * the filters make for a request.
 */
final class RequestView extends CorsExchange {
  private final ContainerRequestContext request;

  /** The headers of the response the request ended with, once the response filter runs. */
  private MultivaluedMap<String, Object> response;

  RequestView(ContainerRequestContext request) {
    this.request = request;
  }

  /**
   * After the resource, a mapper or another filter wrote {@code sent}: what the application set
   * itself stays, the rest of the decision is added, and {@code Vary} gets the CORS names merged.
   */
  void restoreOn(MultivaluedMap<String, Object> sent) {
    response = sent;
    restore();
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
  protected String requestHeader(String name) {
    return request.getHeaders().getFirst(name);
  }

  @Override
  public String get(String name) {
    return CorsHeaders.joined(response.get(name));
  }

  @Override
  public void set(String name, String value) {
    response.putSingle(name, value);
  }
}
