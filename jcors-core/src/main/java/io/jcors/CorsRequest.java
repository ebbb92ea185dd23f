package io.jcors;

/**
 * The parts of an HTTP request that CORS reads; each server adapter implements it over its own
 * request type, without copying.
 *
 * <pre>{@code
 * CorsRequest request =
 *     new CorsRequest() {
 *       public String method() {
 *         return "GET";
 *       }
 *
 *       public String path() {
 *         return "/data";
 *       }
 *
 *       public String header(String name) {
 *         return name.equalsIgnoreCase("Origin") ? "https://app.example.com" : null;
 *       }
 *     };
 * }</pre>
 */
public interface CorsRequest {
  /** The request method as received (jcors compares it ignoring case, as Express does). */
  String method();

  /**
   * The path the server routes this request on, used to choose a route and given to an options
   * function: decoded, without path parameters, its dot segments and empty segments resolved, as
   * {@link RequestPath#normalize(String)} makes it (a servlet container's servlet path and path
   * info, relative to the web application), without the query; {@code null} when the request's path
   * cannot be normalised without ambiguity. Routes and options functions give such a request no
   * CORS headers.
   */
  String path();

  /**
   * The path of the request target as received, still percent-encoded, for log messages; {@link
   * #path()} unless the adapter has it.
   */
  default String rawPath() {
    return path();
  }

  /**
   * The first value of the header {@code name} (matched ignoring case), or {@code null} when the
   * request has none.
   */
  String header(String name);
}
