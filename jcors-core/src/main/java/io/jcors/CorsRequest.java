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

  /** The request path, without query string, used to choose a route. */
  String path();

  /**
   * The first value of the header {@code name} (matched ignoring case), or {@code null} when the
   * request has none.
   */
  String header(String name);
}
