package io.jcors;

import io.jcors.internal.JsRegex;
import io.jcors.internal.PathPattern;
import io.jcors.internal.RouteIndex;
import io.jcors.internal.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CORS configuration read from a config file's tree (JSON or YAML parsed into maps, lists,
 * strings, numbers and booleans): either one options object for every path, or {@code routes}.
 * Option names and value shapes are Express's; regexes are written {@code "/source/flags"}. Every
 * problem is collected, with its path in the file. A tree built or adjusted in code may also hold
 * an {@link OriginOption} (an {@link Origins} value or an origin function) as an {@code origin}.
 *
 * <pre>{@code
 * Map<String, Object> tree =
 *     Map.of(
 *         "routes",
 *         List.of(
 *             Map.of("path", "/api/**", "cors", Map.of("origin", List.of("https://app.example.com", "/\\.example\\.org$/"))),
 *             Map.of("path", "/internal/**")));
 * CorsConfig config = CorsConfig.read(tree);
 * CorsPolicy policy = config.policy();
 * }</pre>
 */
public final class CorsConfig {
  /** The keys of an options object, {@link Option}'s, the one list of them. */
  static final Set<String> OPTION_NAMES = Option.keys();

  private static final Set<String> ROUTE_KEYS = Set.of("path", "cors");
  private static final Set<String> TOP_KEYS_WITH_ROUTES = Set.of("routes", "strict", "debug");

  private final List<CorsProblem> problems;
  private final CorsPolicy policy;

  private CorsConfig(List<CorsProblem> problems, CorsPolicy policy) {
    this.problems = List.copyOf(problems);
    this.policy = policy;
  }

  /**
   * Makes an origin function from the settings of an origin source, written in a config file as
   * {@code "origin": {"<kind>": {settings}}} (for instance {@code {"jdbc": {...}}}).
   */
  @FunctionalInterface
  public interface OriginSource {
    /**
     * The origin function for {@code settings}.
     *
     * @throws IllegalArgumentException with a message naming the setting and the fix, when the
     *     settings are wrong
     */
    OriginResolver create(Map<String, ?> settings);

    /**
     * The origin function for {@code settings}, on a route with the given {@code credentials} and
     * {@code strict}: a source whose entries come from outside the config (a database table) checks
     * them with these, as {@link OriginList} does. By default, {@link #create(Map)}.
     *
     * @throws IllegalArgumentException with a message naming the setting and the fix, when the
     *     settings are wrong
     */
    default OriginResolver create(Map<String, ?> settings, boolean credentials, boolean strict) {
      return create(settings);
    }
  }

  /**
   * The options of an options object in a config file: Express's option names, in the order of
   * Express's documentation, with the kind of value each takes. Readers of other shapes (flat
   * key/value maps, a framework's properties) take the names and kinds from here, so that an option
   * is added in one place. An option's key is its constant's name in camel case ({@code
   * ALLOWED_HEADERS} is {@code allowedHeaders}), its property name the key in kebab case ({@code
   * allowed-headers}).
   *
   * <pre>{@code
   * List<String> booleans = new ArrayList<>();
   * for (CorsConfig.Option option : CorsConfig.Option.values()) {
   *   if (option.isBoolean()) {
   *     booleans.add(option.key());
   *   }
   * }
   * // booleans is [credentials, preflightContinue, strict, debug]
   * }</pre>
   */
  public enum Option {
    /** {@code origin}: a list or one string; also {@code true}, {@code false} or a source. */
    ORIGIN,
    /** {@code methods}: a list or one comma-separated string. */
    METHODS,
    /** {@code allowedHeaders}: a list or one comma-separated string. */
    ALLOWED_HEADERS,
    /** {@code exposedHeaders}: a list or one comma-separated string. */
    EXPOSED_HEADERS,
    /** {@code credentials}: a boolean. */
    CREDENTIALS,
    /** {@code maxAge}: a whole number of seconds. */
    MAX_AGE,
    /** {@code preflightContinue}: a boolean. */
    PREFLIGHT_CONTINUE,
    /** {@code optionsSuccessStatus}: a whole number, an HTTP status. */
    OPTIONS_SUCCESS_STATUS,
    /** {@code strict}: a boolean. */
    STRICT,
    /** {@code debug}: a boolean. */
    DEBUG;

    /** The constant's name in camel case: {@code MAX_AGE} is {@code maxAge}. */
    private final String key = camelCase(name());

    /**
     * The option's name in a config file, as in Express.
     *
     * @return the name, such as {@code maxAge}
     */
    public String key() {
      return key;
    }

    /**
     * Whether the option takes a list, which may also be written as one string (a comma list, as
     * Express takes {@code "GET,POST"}); a list option's entries are named with an index ({@code
     * methods[1]}).
     *
     * @return true for {@code origin}, {@code methods}, {@code allowedHeaders} and {@code
     *     exposedHeaders}
     */
    public boolean isList() {
      return this == ORIGIN
          || this == METHODS
          || this == ALLOWED_HEADERS
          || this == EXPOSED_HEADERS;
    }

    /**
     * Whether the option takes {@code true} or {@code false}; the options that are neither lists
     * nor booleans take a whole number.
     *
     * @return true for {@code credentials}, {@code preflightContinue}, {@code strict} and {@code
     *     debug}
     */
    public boolean isBoolean() {
      return this == CREDENTIALS || this == PREFLIGHT_CONTINUE || this == STRICT || this == DEBUG;
    }

    private static String camelCase(String constant) {
      StringBuilder s = new StringBuilder(constant.length());
      boolean upper = false;
      for (char c : constant.toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          s.append(upper ? c : Character.toLowerCase(c));
          upper = false;
        }
      }
      return s.toString();
    }

    private static Set<String> keys() {
      Set<String> keys = new LinkedHashSet<>();
      for (Option option : values()) {
        keys.add(option.key);
      }
      return Collections.unmodifiableSet(keys);
    }
  }

  /** Reads a configuration tree. Never throws for its content: see {@link #problems()}. */
  public static CorsConfig read(Map<String, ?> tree) {
    return read(tree, Map.of());
  }

  /**
   * Reads a configuration tree whose origins may name the given origin sources, by kind. Never
   * throws for its content: see {@link #problems()}.
   */
  public static CorsConfig read(Map<String, ?> tree, Map<String, OriginSource> originSources) {
    List<CorsProblem> problems = new ArrayList<>();
    Reader reader = new Reader(Map.copyOf(originSources));
    CorsPolicy policy =
        tree.containsKey("routes") ? reader.routes(tree, problems) : reader.single(tree, problems);
    return new CorsConfig(problems, Problems.errors(problems).isEmpty() ? policy : null);
  }

  /**
   * Every problem, in the order of the file: errors (including the warnings of options that ask for
   * {@code strict}) and warnings.
   */
  public List<CorsProblem> problems() {
    return problems;
  }

  /** Whether the configuration is refused. */
  public boolean hasErrors() {
    return policy == null;
  }

  /**
   * The policy.
   *
   * @throws CorsConfigException listing every error when the configuration is refused
   */
  public CorsPolicy policy() {
    if (policy == null) {
      throw new CorsConfigException(Problems.errors(problems));
    }
    return policy;
  }

  /** Reads trees with a given set of origin sources. */
  private static final class Reader {
    private final Map<String, OriginSource> originSources;

    Reader(Map<String, OriginSource> originSources) {
      this.originSources = originSources;
    }

    CorsPolicy single(Map<String, ?> tree, List<CorsProblem> problems) {
      CorsOptions options = options(tree, "", null, null, problems);
      return options == null ? null : CorsPolicy.of(options);
    }

    CorsPolicy routes(Map<String, ?> tree, List<CorsProblem> problems) {
      unknownKeys(tree, TOP_KEYS_WITH_ROUTES, "", problems);
      Boolean strict = bool(tree, "strict", "", problems);
      Boolean debug = bool(tree, "debug", "", problems);
      Object routes = tree.get("routes");
      if (!(routes instanceof List) || ((List<?>) routes).isEmpty()) {
        problems.add(
            Problems.error(
                CorsRule.C2,
                "routes",
                Problems.render(routes),
                "is not a non-empty list of routes",
                "write \"routes\": [{\"path\": \"/api/**\", \"cors\": {}}]"));
        return null;
      }
      List<?> list = (List<?>) routes;
      List<Route> read = new ArrayList<>();
      List<PathPattern> paths = new ArrayList<>(); // the valid paths, for shadowing
      List<Integer> indexes = new ArrayList<>(); // the route number of each of them
      List<Integer> marks = new ArrayList<>(); // where its shadowing goes among the problems
      for (int i = 0; i < list.size(); i++) {
        String at = "routes[" + i + "]";
        if (!(list.get(i) instanceof Map)) {
          problems.add(
              Problems.error(
                  CorsRule.C2,
                  at,
                  Problems.render(list.get(i)),
                  "is not a route object",
                  "write {\"path\": \"/api/**\", \"cors\": {}}"));
          continue;
        }
        Map<?, ?> route = (Map<?, ?>) list.get(i);
        unknownKeys(route, ROUTE_KEYS, at, problems);
        PathPattern path = Route.compile(route.get("path"), at + ".path", problems);
        if (path == null) {
          continue;
        }
        paths.add(path);
        indexes.add(i);
        marks.add(problems.size());
        Object cors = route.get("cors");
        if (cors == null) {
          read.add(new Route(path, CorsPolicy.disabled())); // a route without cors has no CORS
        } else if (cors instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, ?> map = (Map<String, ?>) cors;
          CorsOptions options = options(map, at + ".cors", strict, debug, problems);
          if (options != null) {
            read.add(new Route(path, CorsPolicy.of(options)));
          }
        } else {
          problems.add(
              Problems.error(
                  CorsRule.C2,
                  at + ".cors",
                  Problems.render(cors),
                  "is not an options object",
                  "write {} for the defaults, or leave cors out for no CORS"));
        }
      }
      shadowed(paths, indexes, marks, strict, problems);
      return Problems.errors(problems).isEmpty() ? CorsPolicy.routed(read) : null;
    }

    /**
     * Routes that an earlier one hides: the first matching route wins, so a later route whose every
     * path an earlier route matches is never used, and its policy never applies. A warning, an
     * error in strict mode; routes with a malformed path are left out (they are errors already).
     * Each goes where its route's path was read ({@code marks}), before its options' problems.
     */
    private static void shadowed(
        List<PathPattern> paths,
        List<Integer> indexes,
        List<Integer> marks,
        Boolean strict,
        List<CorsProblem> problems) {
      List<RouteIndex.Shadow> shadows = new RouteIndex(paths).shadowed();
      for (int s = shadows.size() - 1; s >= 0; s--) { // from the last: earlier marks stay right
        RouteIndex.Shadow shadow = shadows.get(s);
        PathPattern hidden = paths.get(shadow.route());
        PathPattern first = paths.get(shadow.coveredBy());
        problems.add(
            marks.get(shadow.route()),
            new CorsProblem(
                CorsRule.C4,
                Boolean.TRUE.equals(strict)
                    ? CorsProblem.Severity.ERROR
                    : CorsProblem.Severity.WARNING,
                "routes[" + indexes.get(shadow.route()) + "].path",
                Problems.quote(hidden.source()),
                "is never used: routes["
                    + indexes.get(shadow.coveredBy())
                    + "] ("
                    + Problems.quote(first.source())
                    + ") comes first and matches every request this route would, so this"
                    + " route's CORS policy never applies",
                "put the more specific route first, or remove one of them"));
      }
    }

    /** Reads one options object; null when it has errors (recorded in {@code problems}). */
    CorsOptions options(
        Map<String, ?> map,
        String prefix,
        Boolean strictDefault,
        Boolean debugDefault,
        List<CorsProblem> problems) {
      CorsOptions.Builder b = CorsOptions.builder();
      List<CorsProblem> local = new ArrayList<>();
      List<CorsProblem> shape = new ArrayList<>(); // an origin of no known shape: after the rest
      unknownKeys(map, OPTION_NAMES, "", local);
      if (map.containsKey("origin")) {
        // An origin source checks its entries with the route's options, read here ahead of time
        // (a wrong value is reported below, where the option is read).
        boolean credentialsAhead = Boolean.TRUE.equals(map.get("credentials"));
        boolean strictAhead =
            map.get("strict") instanceof Boolean
                ? (Boolean) map.get("strict")
                : Boolean.TRUE.equals(strictDefault);
        b.origin(origin(map.get("origin"), local, shape, credentialsAhead, strictAhead));
      }
      if (map.containsKey("methods")) {
        list(map.get("methods"), "methods", local, b::methods, b::methods);
      }
      if (map.containsKey("allowedHeaders")) {
        list(
            map.get("allowedHeaders"),
            "allowedHeaders",
            local,
            b::allowedHeaders,
            b::allowedHeaders);
      }
      if (map.containsKey("exposedHeaders")) {
        list(
            map.get("exposedHeaders"),
            "exposedHeaders",
            local,
            b::exposedHeaders,
            b::exposedHeaders);
      }
      Boolean credentials = bool(map, "credentials", "", local);
      if (credentials != null) {
        b.credentials(credentials);
      }
      Long maxAge = integer(map, "maxAge", local);
      if (maxAge != null) {
        b.maxAge(maxAge);
      }
      Boolean preflightContinue = bool(map, "preflightContinue", "", local);
      if (preflightContinue != null) {
        b.preflightContinue(preflightContinue);
      }
      Long status = integer(map, "optionsSuccessStatus", local);
      if (status != null) {
        b.optionsSuccessStatus(
            (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status)));
      }
      Boolean strict = bool(map, "strict", "", local);
      boolean isStrict = strict != null ? strict : strictDefault != null && strictDefault;
      b.strict(isStrict);
      Boolean debug = bool(map, "debug", "", local);
      b.debug(debug != null ? debug : debugDefault != null && debugDefault);
      // One validation pass; the problems of the tree's shape come first, in the order read.
      OptionsCheck.Result checked = b.check();
      List<CorsProblem> found = new ArrayList<>(local);
      found.addAll(shape);
      found.addAll(checked.problems());
      boolean failed = false;
      for (CorsProblem problem : found) {
        CorsProblem p = problem.under(prefix);
        if (isStrict) {
          p = p.withSeverity(CorsProblem.Severity.ERROR);
        }
        failed |= p.severity() == CorsProblem.Severity.ERROR;
        problems.add(p);
      }
      return failed ? null : b.build(checked);
    }

    /**
     * An origin value in config-file shape, with regex strings turned into Patterns; a list that
     * matches nothing when it is none of the shapes (the problem recorded).
     */
    OriginOption origin(
        Object value,
        List<CorsProblem> problems,
        List<CorsProblem> shape,
        boolean credentials,
        boolean strict) {
      if (value instanceof OriginOption) {
        // A tree built or adjusted in code (an integration's customizer) may hold the option
        // itself: an Origins value, or a function. The options' checks still see it.
        return (OriginOption) value;
      }
      if (value instanceof String && JsRegex.isLiteral((String) value)) {
        Pattern regex = OriginCheck.regex((String) value, "origin", problems);
        return regex == null ? Origins.written(List.of()) : Origins.written(regex);
      }
      if (value instanceof String) {
        return Origins.written((String) value);
      }
      if (value instanceof Boolean) {
        return (Boolean) value ? Origins.reflect() : Origins.none();
      }
      if (value instanceof List && hasSource((List<?>) value)) {
        return merged((List<?>) value, problems, credentials, strict);
      }
      if (value instanceof List) {
        List<Object> entries = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
          Object entry = list.get(i);
          if (entry instanceof String && JsRegex.isLiteral((String) entry)) {
            Pattern regex = OriginCheck.regex((String) entry, "origin[" + i + "]", problems);
            entries.add(regex == null ? OriginCheck.INVALID : regex);
          } else {
            entries.add(entry);
          }
        }
        return Origins.written(entries);
      }
      if (value instanceof Map) {
        OriginResolver source = source((Map<?, ?>) value, "origin", problems, credentials, strict);
        return source != null ? source : Origins.written(List.of());
      }
      shape.add(
          Problems.error(
              CorsRule.C2,
              "origin",
              Problems.render(value),
              "is not a valid origin option",
              "use \"*\", true, false, an origin, a pattern, a regex, or a list of them"));
      return Origins.written(List.of()); // matches nothing; the error refuses the options
    }

    /** Whether an origin list names an origin source among its entries. */
    private static boolean hasSource(List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map) {
          return true;
        }
      }
      return false;
    }

    /**
     * A list of origins and origin sources, {@code ["https://app.example.com", {"file":
     * "tenants.txt"}, {"jdbc": {...}}]}: the union of its static entries (checked with the options,
     * at their place {@code origin[i]}) and of each source's entries.
     */
    private OriginOption merged(
        List<?> list, List<CorsProblem> problems, boolean credentials, boolean strict) {
      List<Object> entries = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      List<OriginResolver> sources = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object entry = list.get(i);
        String at = "origin[" + i + "]";
        if (entry instanceof Map) {
          OriginResolver source = source((Map<?, ?>) entry, at, problems, credentials, strict);
          if (source != null) {
            sources.add(source);
            paths.add(at + "." + ((Map<?, ?>) entry).keySet().iterator().next());
          }
          continue;
        }
        if (entry instanceof String && JsRegex.isLiteral((String) entry)) {
          Pattern regex = OriginCheck.regex((String) entry, at, problems);
          entry = regex == null ? OriginCheck.INVALID : regex;
        }
        entries.add(entry);
        indexes.add(i);
      }
      return MergedOrigins.written(entries, indexes, sources, paths);
    }

    /**
     * The origin function of a source object at {@code at}, {@code {"jdbc": {settings}}}, or null
     * with its problem. A source written with a string, {@code {"file": "tenants.txt"}}, has the
     * settings {@code {"path": "tenants.txt"}}.
     */
    private OriginResolver source(
        Map<?, ?> value,
        String at,
        List<CorsProblem> problems,
        boolean credentials,
        boolean strict) {
      if (value.size() == 1) {
        Map.Entry<?, ?> source = value.entrySet().iterator().next();
        OriginSource factory = originSources.get(String.valueOf(source.getKey()));
        Object written = source.getValue();
        if (factory != null && (written instanceof Map || written instanceof String)) {
          try {
            @SuppressWarnings("unchecked")
            Map<String, ?> settings =
                written instanceof String
                    ? Map.of("path", written)
                    : (Map<String, ?>) source.getValue();
            return factory.create(settings, credentials, strict);
          } catch (IllegalArgumentException e) {
            problems.add(
                Problems.error(
                    CorsRule.C5, at + "." + source.getKey(), null, e.getMessage(), null));
            return null;
          }
        }
      }
      problems.add(
          Problems.error(
              CorsRule.C5,
              at,
              Problems.render(value),
              originSources.isEmpty()
                  ? "is an object, and no origin source is available here"
                  : "is not an origin source; the known sources are "
                      + String.join(", ", new java.util.TreeSet<>(originSources.keySet())),
              at.equals("origin")
                  ? "use true, false, \"*\", an origin, a pattern, a \"/regex/\", or a list of them"
                  : "write an origin, a pattern, a \"/regex/\", or a source such as {\"file\":"
                      + " \"tenants.txt\"}"));
      return null;
    }
  }

  private static void list(
      Object value,
      String option,
      List<CorsProblem> problems,
      java.util.function.Consumer<String> asString,
      java.util.function.Consumer<List<String>> asList) {
    if (value instanceof String) {
      asString.accept((String) value);
      return;
    }
    if (value instanceof List) {
      List<String> strings = new ArrayList<>();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof String) {
          strings.add((String) list.get(i));
        } else {
          problems.add(
              Problems.error(
                  CorsRule.C2,
                  option + "[" + i + "]",
                  Problems.render(list.get(i)),
                  "is not a string",
                  "write the name as a string"));
        }
      }
      asList.accept(strings);
      return;
    }
    problems.add(
        Problems.error(
            CorsRule.C2,
            option,
            Problems.render(value),
            "is neither a string nor a list of strings",
            listExample(option)));
  }

  /** The fix for a list option of the wrong shape: an example of that option's own list. */
  private static String listExample(String option) {
    switch (option) {
      case "allowedHeaders":
        return "write \"Content-Type,Authorization\" or [\"Content-Type\", \"Authorization\"]";
      case "exposedHeaders":
        return "write \"ETag,X-Total-Count\" or [\"ETag\", \"X-Total-Count\"]";
      default:
        return "write \"GET,POST\" or [\"GET\", \"POST\"]";
    }
  }

  private static Boolean bool(
      Map<?, ?> map, String key, String prefix, List<CorsProblem> problems) {
    // A key written null (YAML `strict:` without a value) is an error, not the default: read as
    // absent, `strict: null` would silently turn strict mode off.
    if (!map.containsKey(key)) {
      return null;
    }
    Object value = map.get(key);
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    problems.add(
        Problems.error(
            CorsRule.C2,
            prefix.isEmpty() ? key : prefix + "." + key,
            Problems.render(value),
            "is not a boolean",
            "write true or false"));
    return null;
  }

  private static Long integer(Map<?, ?> map, String key, List<CorsProblem> problems) {
    if (!map.containsKey(key)) {
      return null; // a key written null is an error below, as for booleans
    }
    Object value = map.get(key);
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger && ((BigInteger) value).bitLength() < 63) {
      return ((BigInteger) value).longValue();
    }
    if (value instanceof Number) {
      try {
        return new BigDecimal(value.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // fall through to the error below
      }
    }
    if (value instanceof String && ((String) value).matches("-?[0-9]{1,18}")) {
      return Long.parseLong((String) value); // Express accepts maxAge: "600"
    }
    problems.add(
        Problems.error(
            CorsRule.C2,
            key,
            Problems.render(value),
            "is not a whole number",
            "write a number such as " + (key.equals("maxAge") ? "600" : "204")));
    return null;
  }

  private static void unknownKeys(
      Map<?, ?> map, Set<String> known, String prefix, List<CorsProblem> problems) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        String name = String.valueOf(key);
        String nearest = Suggestions.nearest(name, known);
        problems.add(
            Problems.error(
                CorsRule.C1,
                prefix.isEmpty() ? name : prefix + "." + name,
                null,
                "is not a known option",
                nearest != null
                    ? "did you mean \"" + nearest + "\"?"
                    : "the known options are "
                        + String.join(", ", new java.util.TreeSet<>(known))));
      }
    }
  }
}
