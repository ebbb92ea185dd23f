package io.jcors;

/**
 * Told what a policy decided for each CORS request (one with an {@code Origin} header), for metrics
 * and audit logs: the request was allowed, refused (with the {@link Refusal reason}), or was a
 * preflight answered for an allowed origin. Given to a policy with {@link
 * CorsPolicy#withListener(CorsListener)}; a policy without a listener pays nothing for this.
 *
 * <pre>{@code
 * LongAdder refused = new LongAdder();
 * CorsListener listener =
 *     new CorsListener() {
 *       public void refused(String route, CorsListener.Refusal reason, CorsRequest request) {
 *         refused.increment();
 *       }
 *     };
 * CorsPolicy policy =
 *     CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
 *         .withListener(listener);
 * }</pre>
 *
 * <p>The methods run on the thread that decides the request (for an origin or options function, the
 * thread that completes it), before the adapter writes the response: keep them short and
 * non-blocking, and never throw (an exception is caught and logged, and the request goes on as
 * decided). {@code route} is the path of the chosen route as written ({@code /api/**}, {@code
 * /products/:id}), {@code /**} for a policy without routes, null when no route matched or the path
 * could not be read one way only: a bounded set of values, fit for a metric tag. The request origin
 * is deliberately not an argument (it is unbounded); read it from {@code request} if a log needs
 * it.
 */
public interface CorsListener {
  /** Why a CORS request got no {@code Access-Control-Allow-Origin} for its origin. */
  enum Refusal {
    /** The origin is not in the route's {@code origin} option (or the origin function said no). */
    ORIGIN_NOT_ALLOWED,
    /** No route matches the request's path: no CORS there. */
    NO_ROUTE,
    /** The chosen route, or the whole policy, has no CORS ({@code origin: false}, disabled). */
    CORS_DISABLED,
    /**
     * The path cannot be normalised without ambiguity ({@link CorsRequest#path()} is null), so no
     * route is chosen for it (docs/security.md).
     */
    AMBIGUOUS_PATH,
    /** The origin or options function failed; the adapter answers 500. */
    FUNCTION_FAILED
  }

  /**
   * An actual (non-preflight) request whose origin the response allows.
   *
   * @param route the chosen route's path as written
   * @param request the request decided
   */
  default void allowed(String route, CorsRequest request) {}

  /**
   * A preflight answered (or passed on with {@code preflightContinue}) for an allowed origin.
   *
   * @param route the chosen route's path as written
   * @param request the request decided
   */
  default void preflight(String route, CorsRequest request) {}

  /**
   * A CORS request, actual or preflight, whose origin the response does not allow: the browser will
   * block it.
   *
   * @param route the chosen route's path as written, null when none was chosen
   * @param reason why
   * @param request the request decided
   */
  default void refused(String route, Refusal reason, CorsRequest request) {}
}
