package io.jcors;

import io.jcors.internal.PathPattern;
import java.util.List;
import java.util.Objects;

/**
 * One route of a {@link CorsPolicy}: a path and the policy of the requests whose path it matches. A
 * path is matched segment by segment, case-sensitively: text matches itself, {@code :name} or
 * <code>&#123;name&#125;</code> any one non-empty segment, {@code *} any characters within a
 * segment ({@code /files/*.json}; alone, any one segment), {@code **} alone any number of segments,
 * none too ({@code /api/**}: {@code /api} and everything under it; {@code /**}: every path). A
 * trailing {@code /} on the request is the same route. {@link CorsPolicy#routes()} lists a policy's
 * routes, for tools that serve or describe them.
 *
 * <pre>{@code
 * CorsPolicy policy =
 *     CorsPolicy.builder()
 *         .route("/products/:id", CorsOptions.builder().origin("http://example.com").build())
 *         .route("/api/**", CorsOptions.builder().origin("https://app.example.com").build())
 *         .route("/internal/**", CorsPolicy.disabled())
 *         .build();
 * Route product = policy.routes().get(0);
 * assertTrue(product.matches("/products/42"));
 * assertTrue(product.matches("/products/42/"));
 * assertFalse(product.matches("/products/42/reviews"));
 * Route api = policy.routes().get(1);
 * assertTrue(api.matches("/api/orders"));
 * assertTrue(api.matches("/api"));
 * assertFalse(api.matches("/apiary"));
 * assertNull(policy.routes().get(2).options()); // a route without CORS
 * }</pre>
 */
public final class Route {
  private final PathPattern pattern;
  private final CorsPolicy policy;

  /**
   * A route of {@code path}.
   *
   * @throws PathPattern.Invalid when {@code path} is not a route path
   */
  Route(String path, CorsPolicy policy) {
    this(PathPattern.compile(Objects.requireNonNull(path, "path")), policy);
  }

  Route(PathPattern pattern, CorsPolicy policy) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The path as written: {@code /products/:id} or {@code /api/**}. */
  public String path() {
    return pattern.source();
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
   * Whether this route matches {@code requestPath}, a path as {@link CorsRequest#path()} gives it
   * (decoded and normalised): on whole segments, case-sensitively, a trailing {@code /} ignored
   * ({@code /products/:id} matches {@code /products/42} and {@code /products/42/}, not {@code
   * /products} nor {@code /products/42/reviews}). A policy's routes are chosen with the same
   * matcher, through an index of their segments.
   */
  public boolean matches(String requestPath) {
    return pattern.matches(requestPath);
  }

  /** The compiled path. */
  PathPattern pattern() {
    return pattern;
  }

  /**
   * The compiled {@code path}, or null when it is not a route path (or not a string): then an error
   * at {@code option} ({@code routes[i].path}) is added to {@code problems}, with the reason and
   * how to write it instead.
   */
  static PathPattern compile(Object path, String option, List<CorsProblem> problems) {
    if (!(path instanceof String)) {
      problems.add(
          Problems.error(
              CorsRule.C2,
              option,
              Problems.render(path),
              "is not a string",
              "write a route path such as \"/products/:id\" or \"/api/**\""));
      return null;
    }
    try {
      return PathPattern.compile((String) path);
    } catch (PathPattern.Invalid e) {
      problems.add(
          Problems.error(
              CorsRule.C3,
              option,
              Problems.render(path),
              Problems.escape(e.getMessage()),
              Problems.escape(e.fix())));
      return null;
    }
  }

  /** {@code /api/** -> <policy>}. */
  @Override
  public String toString() {
    CorsOptions options = options();
    return path() + " -> " + (options != null ? options : policy);
  }
}
