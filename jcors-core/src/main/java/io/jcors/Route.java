package io.jcors;

import java.util.Objects;

/**
 * One route of a {@link CorsPolicy}: a path and the policy of the requests whose path it matches. A
 * path is exact ({@code /products}) or a prefix ({@code /api/**}: {@code /api} and everything under
 * {@code /api/}; {@code /**}: every path). {@link CorsPolicy#routes()} lists a policy's routes, for
 * tools that serve or describe them.
 *
 * <pre>{@code
 * CorsPolicy policy =
 *     CorsPolicy.builder()
 *         .route("/api/**", CorsOptions.builder().origin("https://app.example.com").build())
 *         .route("/internal/**", CorsPolicy.disabled())
 *         .build();
 * Route api = policy.routes().get(0);
 * assertTrue(api.matches("/api/orders"));
 * assertFalse(api.matches("/apiary"));
 * assertNull(policy.routes().get(1).options()); // a route without CORS
 * }</pre>
 */
public final class Route {
  private final String path;
  private final boolean prefix;
  private final String base;
  private final CorsPolicy policy;

  Route(String path, CorsPolicy policy) {
    this.path = Objects.requireNonNull(path, "path");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.prefix = path.endsWith("/**");
    this.base = prefix ? path.substring(0, path.length() - 3) : path;
  }

  /** The path as written: {@code /products} or {@code /api/**}. */
  public String path() {
    return path;
  }

  /** The policy of the requests this route matches. */
  public CorsPolicy policy() {
    return policy;
  }

  /**
   * The options of this route, or null when it has none to list: a route without CORS ({@link
   * CorsPolicy#disabled()}), or a policy that computes them per request.
   */
  public CorsOptions options() {
    return policy.options();
  }

  /**
   * Whether this route matches {@code requestPath}, a path as {@link CorsRequest#path()} gives it:
   * an exact path matches itself only; {@code /a/**} matches {@code /a} and everything under {@code
   * /a/}; {@code /**} matches every path. The one place where route paths are matched.
   */
  public boolean matches(String requestPath) {
    if (!prefix) {
      return requestPath.equals(base);
    }
    return base.isEmpty()
        || (requestPath.startsWith(base)
            && (requestPath.length() == base.length() || requestPath.charAt(base.length()) == '/'));
  }

  /**
   * Whether this route matches every path that {@code later} matches, so that {@code later}, tried
   * after it, is never used. An exact path is covered when it is matched; a prefix when its own
   * base path is, by a prefix.
   */
  boolean covers(Route later) {
    return later.prefix ? prefix && matches(later.base) : matches(later.path);
  }

  /** Why {@code path} cannot be a route path, or null when it can. */
  static String whyNotPath(String path) {
    if (path == null || !path.startsWith("/")) {
      return "does not start with /";
    }
    int star = path.indexOf('*');
    if (star >= 0 && !(path.endsWith("/**") && star == path.length() - 2)) {
      return "has a * other than a final /** (a path is exact, or a prefix ending in /**)";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#') {
        return "has a character that cannot appear in a request path (space, control, ? or #)";
      }
    }
    return null;
  }

  /** {@code /api/** -> <policy>}. */
  @Override
  public String toString() {
    CorsOptions options = options();
    return path + " -> " + (options != null ? options : policy);
  }
}
