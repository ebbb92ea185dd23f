package io.jcors.jaxrs;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Applies a jcors policy in a Jakarta REST application ({@code app.use(cors())}): one {@link
 * Feature} that registers a {@code @PreMatching} request filter and a response filter, both at
 * {@link #PRIORITY}, before {@link Priorities#AUTHENTICATION}.
 *
 * <pre>{@code
 * CorsPolicy policy =
 *     CorsPolicy.of(
 *         CorsOptions.builder()
 *             .origin(Origins.of("https://app.example.com"))
 *             .credentials(true)
 *             .build());
 * ResourceConfig app = new ResourceConfig(Products.class).register(new JcorsFeature(policy));
 * }</pre>
 *
 * <p>The request filter decides before the request is matched to a resource: it answers a preflight
 * with {@code optionsSuccessStatus} and {@code Content-Length: 0} ({@code abortWith}), unless
 * {@code preflightContinue} passes it on, and keeps the decision in the request's properties. The
 * response filter writes the decision's headers on every response of the request: the resource's,
 * an {@code ExceptionMapper}'s, a 500 for an unmapped exception, and a response another request
 * filter aborted with (an authentication filter's 401). For the unmapped exception the feature
 * registers a fallback mapper that answers as Jakarta REST's default mapper does (a {@code
 * WebApplicationException}'s own response, otherwise a 500) and logs the exception: Jersey would
 * hand the exception to its container, which answers after every filter, without CORS headers.
 * Every exception mapper of the application takes precedence over it. A header the application set
 * itself stays; {@code Vary} keeps the application's names and gets the CORS names merged in.
 *
 * <p>For scanning, a subclass with a no-argument constructor is a {@code @Provider}:
 *
 * <pre>{@code
 * &#64;Provider
 * public class Cors extends JcorsFeature {
 *   public Cors() {
 *     super(CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()));
 *   }
 * }
 * }</pre>
 *
 * <p><b>Origin and options functions.</b> Jakarta REST filters are synchronous: a request filter
 * cannot suspend the request and free its thread. When a function has not completed, the request
 * thread waits for it, at most {@link #DEFAULT_WAIT} (or the wait given to the constructor); a
 * function that fails, or does not complete in time, ends the request with a 500 without CORS
 * headers. A function whose stage is already complete when it returns (an origin list kept in
 * memory) makes no request wait.
 *
 * <p><b>Paths.</b> Routes ({@link CorsPolicy#routes()}) and options functions see the path of the
 * request relative to the application ({@code UriInfo}), as {@link io.jcors.RequestPath} normalises
 * it. Jakarta REST matches resources on the path as received, still percent-encoded, without
 * removing path parameters or resolving dot and empty segments; so a path with {@code ;}
 * parameters, dot or empty segments, a percent-encoded letter, digit or {@code -._~} (which a
 * resource template does not match as that character), or an encoding that is not read one way
 * only, gets no CORS headers from routes: jcors never picks a route for a resource the runtime
 * would not match.
 *
 * <p><b>What it cannot do.</b> It runs inside the Jakarta REST runtime, so whatever answers before
 * that runtime answers without CORS headers: a servlet container's security constraints, a servlet
 * filter, the server's own errors (Jersey's Grizzly container answers an invalid request target
 * with a 500 before any filter). On a servlet container, use {@code jcors-servlet} instead, which
 * runs before all of them.
 */
public class JcorsFeature implements Feature {
  /**
   * The priority of both filters: {@code Priorities.AUTHENTICATION - 100}, so the request filter
   * runs before authentication filters (ascending order) and the response filter after every
   * response filter of a higher priority (descending order), which may set {@code Vary}.
   */
  public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

  /** How long a request thread waits, by default, for an origin or options function: 30 s. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final CorsFilter filter;

  /** The feature applying {@code policy}, waiting at most {@link #DEFAULT_WAIT} for a function. */
  public JcorsFeature(CorsPolicy policy) {
    this(policy, DEFAULT_WAIT);
  }

  /** The feature applying {@code options} on every path. */
  public JcorsFeature(CorsOptions options) {
    this(CorsPolicy.of(Objects.requireNonNull(options, "options")));
  }

  /**
   * The feature applying {@code policy}, waiting at most {@code wait} on the request thread for an
   * origin or options function that has not completed.
   *
   * @throws IllegalArgumentException when {@code wait} is not positive
   */
  public JcorsFeature(CorsPolicy policy, Duration wait) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative() || wait.isZero()) {
      throw new IllegalArgumentException(
          "wait: " + wait + " is not positive; give how long a request may wait, e.g. PT5S");
    }
    this.filter = new CorsFilter(policy, wait);
  }

  /**
   * Registers the filters at {@link #PRIORITY}, and a fallback {@code ExceptionMapper<Throwable>}
   * that answers as Jakarta REST's default mapper does, at the lowest priority (every mapper of the
   * application wins), so that the response filter also runs on an unmapped exception's 500.
   */
  @Override
  public boolean configure(FeatureContext context) {
    context.register(filter, PRIORITY);
    context.register(new FallbackMapper(), Integer.MAX_VALUE);
    return true;
  }
}
