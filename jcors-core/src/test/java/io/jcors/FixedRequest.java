package io.jcors;

/**
 * A request whose fields are fixed and whose header lookup allocates nothing, so that the bytes an
 * allocation test counts are the policy's own.
 *
 * @param requestMethod {@code Access-Control-Request-Method}, or null
 * @param requestHeaders {@code Access-Control-Request-Headers}, or null
 */
record FixedRequest(
    String method, String path, String origin, String requestMethod, String requestHeaders)
    implements CorsRequest {

  @Override
  public String header(String name) {
    if (name.equalsIgnoreCase("Origin")) {
      return origin;
    }
    if (name.equalsIgnoreCase("Access-Control-Request-Method")) {
      return requestMethod;
    }
    return name.equalsIgnoreCase("Access-Control-Request-Headers") ? requestHeaders : null;
  }
}
