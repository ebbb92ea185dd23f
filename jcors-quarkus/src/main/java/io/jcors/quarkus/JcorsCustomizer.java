package io.jcors.quarkus;

import io.jcors.OriginResolver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Adjusts, in code, the options that the {@code jcors.*} properties (or {@code jcors.config}) set:
 * for instance an origin function backed by a repository. Every {@code JcorsCustomizer} bean is
 * called, in the order of its {@code @Priority} (highest first, as ArC sorts {@code @All} lists),
 * for each policy: once with path {@code /**} when the properties set one policy for every path,
 * else once per route that has CORS. What it sets is checked at startup with the rest, like a
 * property.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class PartnerOrigins implements JcorsCustomizer {
 *   @Inject PartnerRepository partners;
 *
 *   @Override
 *   public void customize(String path, Options options) {
 *     if (path.equals("/api/**")) {
 *       // Called on the event loop: returns a stage, never blocks; the request waits, paused.
 *       options.origin(
 *           origin ->
 *               partners
 *                   .exists(origin) // a CompletionStage<Boolean>
 *                   .thenApply(known -> known ? Origins.reflect() : Origins.none()));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>An origin function whose stage completes later holds no thread: the request waits, paused, and
 * goes on on its own Vert.x context. A function must not block the thread it is called on (the
 * event loop): return a stage that completes elsewhere.
 */
@FunctionalInterface
public interface JcorsCustomizer {
  /**
   * Adjusts the options of the policy of {@code path}.
   *
   * @param path the route's path, or {@code /**} for the one policy of every path
   * @param options the options as the properties set them
   */
  void customize(String path, Options options);

  /**
   * The options of one policy, with the names and values of a jcors config file; each setter
   * replaces that option.
   */
  final class Options {
    private final Map<String, Object> options;

    Options(Map<String, Object> options) {
      this.options = options;
    }

    /** The value of {@code option} (config file name, {@code maxAge}), or null when not set. */
    public Object get(String option) {
      return options.get(option);
    }

    /** A string origin: {@code "*"}, an origin, a pattern, or a {@code /regex/flags} literal. */
    public Options origin(String origin) {
      return set("origin", Objects.requireNonNull(origin, "origin"));
    }

    /** {@code true} reflects the request's origin, {@code false} turns CORS off. */
    public Options origin(boolean origin) {
      return set("origin", origin);
    }

    /** Origins in which the regex finds a match (JavaScript {@code RegExp.test} semantics). */
    public Options origin(Pattern origin) {
      return set("origin", Objects.requireNonNull(origin, "origin"));
    }

    /** A list of origins and patterns (strings) and regexes (Patterns). */
    public Options origin(List<?> origin) {
      return set("origin", List.copyOf(origin));
    }

    /** An origin function, decided per request, possibly later. */
    public Options origin(OriginResolver origin) {
      return set("origin", Objects.requireNonNull(origin, "origin"));
    }

    /** The allowed methods. */
    public Options methods(String... methods) {
      return set("methods", List.of(methods));
    }

    /** The allowed request headers. */
    public Options allowedHeaders(String... allowedHeaders) {
      return set("allowedHeaders", List.of(allowedHeaders));
    }

    /** The exposed response headers. */
    public Options exposedHeaders(String... exposedHeaders) {
      return set("exposedHeaders", List.of(exposedHeaders));
    }

    /** Whether credentials are allowed. */
    public Options credentials(boolean credentials) {
      return set("credentials", credentials);
    }

    /** The seconds a browser may cache a preflight answer. */
    public Options maxAge(long seconds) {
      return set("maxAge", seconds);
    }

    /** Whether preflights go on to the application. */
    public Options preflightContinue(boolean preflightContinue) {
      return set("preflightContinue", preflightContinue);
    }

    /** The status of preflight answers. */
    public Options optionsSuccessStatus(int status) {
      return set("optionsSuccessStatus", status);
    }

    /** Whether every risky setting is an error. */
    public Options strict(boolean strict) {
      return set("strict", strict);
    }

    /** Whether refused requests are logged with their reason. */
    public Options debug(boolean debug) {
      return set("debug", debug);
    }

    private Options set(String option, Object value) {
      options.put(option, value);
      return this;
    }
  }
}
