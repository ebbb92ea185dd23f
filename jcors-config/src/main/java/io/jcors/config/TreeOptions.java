package io.jcors.config;

import io.jcors.CorsConfig.Option;
import io.jcors.OriginResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The options of one policy as a config file writes them, set in code: each setter puts its value
 * under the option's config file name ({@code origin}, {@code maxAge}, ...) in the map it wraps,
 * replacing what was there, and the map is then read like a config file, so a value set here is
 * checked with the rest and a problem is reported where it was set. A framework's customizer hook
 * (the Spring Boot starter's and jcors-quarkus's {@code JcorsCustomizer}) hands a subclass of it to
 * the application, one per policy.
 *
 * @param <O> the subclass itself ({@code class Options extends TreeOptions<Options>}), so that the
 *     setters chain on it
 */
public abstract class TreeOptions<O extends TreeOptions<O>> {
  private final Map<String, Object> options;

  /**
   * Options that read and write {@code options}.
   *
   * @param options one policy's options, by config file name; a mutable map, written in place
   */
  protected TreeOptions(Map<String, Object> options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A copy of {@code tree}, a config file read as maps and lists, after {@code customize} saw the
   * options of each of its policies: once with path {@code /**} when the tree has no {@code routes}
   * (one policy for every path), else once per route that has {@code cors} options, with the
   * route's {@code path}. {@code tree} itself is not changed.
   *
   * @param tree the config as read
   * @param wrap the options object handed over, around one policy's options (a mutable copy)
   * @param customize called with the policy's path and its options object
   * @param <O> the options type handed over
   * @return the config with what {@code customize} set
   */
  public static <O extends TreeOptions<O>> Map<String, Object> customized(
      Map<String, Object> tree,
      Function<Map<String, Object>, O> wrap,
      BiConsumer<String, O> customize) {
    if (!(tree.get("routes") instanceof List<?> routes)) {
      Map<String, Object> options = new LinkedHashMap<>(tree);
      customize.accept("/**", wrap.apply(options));
      return options;
    }
    Map<String, Object> copy = new LinkedHashMap<>(tree);
    List<Object> customized = new ArrayList<>();
    for (Object route : routes) {
      if (route instanceof Map<?, ?> map
          && map.get("path") instanceof String path
          && map.get("cors") instanceof Map<?, ?> cors) {
        Map<String, Object> options = new LinkedHashMap<>();
        cors.forEach((key, value) -> options.put(String.valueOf(key), value));
        customize.accept(path, wrap.apply(options));
        Map<String, Object> entry = new LinkedHashMap<>();
        map.forEach((key, value) -> entry.put(String.valueOf(key), value));
        entry.put("cors", options);
        customized.add(entry);
      } else {
        customized.add(route);
      }
    }
    copy.put("routes", customized);
    return copy;
  }

  /**
   * The value of {@code option} (config file name, {@code maxAge}), or null when not set.
   *
   * @param option the option's config file name
   * @return its value as the properties or an earlier setter set it, or null
   */
  public Object get(String option) {
    return options.get(option);
  }

  /**
   * A string origin: {@code "*"}, an origin, a pattern, or a {@code /regex/flags} literal.
   *
   * @param origin the origin
   * @return these options
   */
  public O origin(String origin) {
    return set(Option.ORIGIN, Objects.requireNonNull(origin, "origin"));
  }

  /**
   * {@code true} reflects the request's origin, {@code false} turns CORS off.
   *
   * @param origin whether to reflect the origin
   * @return these options
   */
  public O origin(boolean origin) {
    return set(Option.ORIGIN, origin);
  }

  /**
   * Origins in which the regex finds a match (JavaScript {@code RegExp.test} semantics).
   *
   * @param origin the regex
   * @return these options
   */
  public O origin(Pattern origin) {
    return set(Option.ORIGIN, Objects.requireNonNull(origin, "origin"));
  }

  /**
   * A list of origins and patterns (strings) and regexes (Patterns).
   *
   * @param origin the list, copied
   * @return these options
   */
  public O origin(List<?> origin) {
    return set(Option.ORIGIN, List.copyOf(origin));
  }

  /**
   * An origin function, decided per request, possibly later.
   *
   * @param origin the function
   * @return these options
   */
  public O origin(OriginResolver origin) {
    return set(Option.ORIGIN, Objects.requireNonNull(origin, "origin"));
  }

  /**
   * The allowed methods.
   *
   * @param methods the methods
   * @return these options
   */
  public O methods(String... methods) {
    return set(Option.METHODS, List.of(methods));
  }

  /**
   * The allowed request headers.
   *
   * @param allowedHeaders the header names
   * @return these options
   */
  public O allowedHeaders(String... allowedHeaders) {
    return set(Option.ALLOWED_HEADERS, List.of(allowedHeaders));
  }

  /**
   * The exposed response headers.
   *
   * @param exposedHeaders the header names
   * @return these options
   */
  public O exposedHeaders(String... exposedHeaders) {
    return set(Option.EXPOSED_HEADERS, List.of(exposedHeaders));
  }

  /**
   * Whether credentials are allowed.
   *
   * @param credentials whether to send {@code Access-Control-Allow-Credentials: true}
   * @return these options
   */
  public O credentials(boolean credentials) {
    return set(Option.CREDENTIALS, credentials);
  }

  /**
   * The seconds a browser may cache a preflight answer.
   *
   * @param seconds the seconds
   * @return these options
   */
  public O maxAge(long seconds) {
    return set(Option.MAX_AGE, seconds);
  }

  /**
   * Whether preflights go on to the application.
   *
   * @param preflightContinue whether to pass preflights on
   * @return these options
   */
  public O preflightContinue(boolean preflightContinue) {
    return set(Option.PREFLIGHT_CONTINUE, preflightContinue);
  }

  /**
   * The status of preflight answers.
   *
   * @param status the status
   * @return these options
   */
  public O optionsSuccessStatus(int status) {
    return set(Option.OPTIONS_SUCCESS_STATUS, status);
  }

  /**
   * Whether every risky setting is an error.
   *
   * @param strict whether to refuse risky settings
   * @return these options
   */
  public O strict(boolean strict) {
    return set(Option.STRICT, strict);
  }

  /**
   * Whether refused requests are logged with their reason.
   *
   * @param debug whether to log refusals
   * @return these options
   */
  public O debug(boolean debug) {
    return set(Option.DEBUG, debug);
  }

  @SuppressWarnings("unchecked") // O is the subclass itself, as the class's contract says
  private O set(Option option, Object value) {
    options.put(option.key(), value);
    return (O) this;
  }
}
