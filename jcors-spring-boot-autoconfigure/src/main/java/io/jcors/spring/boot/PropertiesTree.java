package io.jcors.spring.boot;

import io.jcors.CorsConfig.Option;
import io.jcors.CorsProblem;
import io.jcors.config.ConfigReader;
import io.jcors.config.PropertyNames;
import io.jcors.config.PropertyProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@code jcors.*} properties as the configuration tree of a jcors config file ({@link
 * io.jcors.CorsConfig#read(Map)}), and the way back: a problem's option ({@code
 * routes[0].cors.maxAge}) as the property that set it ({@code jcors.routes[0].cors.max-age}). The
 * only place that knows both shapes.
 *
 * <p>Values are taken as written. A list option written as one string ({@code jcors.methods:
 * GET,POST}, {@code jcors.origin: /^https:\/\/[a-z]{1,20}\.example\.com$/}) is read from the
 * property itself, not from Spring's comma-split list, so that a regex keeps its commas and an
 * empty {@code allowed-headers} keeps its Express meaning (reflect the requested headers), as in a
 * config file and in the servlet filter's init-params.
 */
final class PropertiesTree {
  static final ConfigurationPropertyName JCORS = ConfigurationPropertyName.of("jcors");

  /** The options of a config file, by the uniform form of their property names, in their order. */
  private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

  static {
    for (Option option : Option.values()) {
      OPTIONS.put(option.key().toLowerCase(Locale.ROOT), option);
    }
  }

  /**
   * The settings of the {@code jdbc} origin source ({@code jcors.origin.jdbc.query}), by their
   * uniform form; those that are numbers. jcors-jdbc checks them and names a wrong one.
   */
  private static final Map<String, String> JDBC_SETTINGS = new LinkedHashMap<>();

  private static final List<String> JDBC_NUMBERS =
      List.of(
          "refreshSeconds",
          "queryTimeoutSeconds",
          "maxRows",
          "maxBytes",
          "fetchSize",
          "fullReloadEvery",
          "staleAfterRefreshes");

  static {
    for (String setting : List.of("url", "user", "password", "query", "listen", "versionQuery")) {
      JDBC_SETTINGS.put(setting.toLowerCase(Locale.ROOT), setting);
    }
    for (String setting : JDBC_NUMBERS) {
      JDBC_SETTINGS.put(setting.toLowerCase(Locale.ROOT), setting);
    }
  }

  /** What was read: the tree, and the problems found before the core reads it. */
  record Read(Map<String, Object> tree, List<PropertyProblem> problems) {}

  private PropertiesTree() {}

  /**
   * Every {@code jcors.*} property name set in {@code environment}, in no particular order. From
   * the JVM's system properties and the process environment, only the jcors properties count:
   * {@code -Djcors.version=1.2} for a build, or a variable {@code JCORS_HOME}, is no CORS
   * configuration, and must neither turn CORS on nor stop the application.
   */
  static List<ConfigurationPropertyName> names(Environment environment) {
    List<ConfigurationPropertyName> names = new ArrayList<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        boolean system = system(source.getUnderlyingSource());
        iterable.stream()
            .filter(JCORS::isAncestorOf)
            .filter(name -> !system || unknownAt(name) < 0)
            .forEach(names::add);
      }
    }
    return names;
  }

  private static boolean system(Object source) {
    if (!(source instanceof PropertySource<?> propertySource)) {
      return false;
    }
    String name = propertySource.getName();
    return name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)
        || name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
  }

  /** Whether any {@code jcors.*} property is set, {@code jcors.enabled} aside. */
  static boolean configured(Environment environment) {
    ConfigurationPropertyName enabled = JCORS.append("enabled");
    return names(environment).stream().anyMatch(name -> !name.equals(enabled));
  }

  /**
   * The tree of the properties (without {@code jcors.config}), with the problems that only the
   * properties can show: names that are no jcors property, options set beside {@code routes}.
   */
  static Read read(JcorsProperties properties, Environment environment) {
    Binder binder = Binder.get(environment);
    List<PropertyProblem> problems = new ArrayList<>();
    Map<String, String> unknown = new java.util.TreeMap<>(); // the first wrong part, and its fix
    for (ConfigurationPropertyName name : names(environment)) {
      int wrong = unknownAt(name);
      if (wrong > 0) {
        unknown.put(name.chop(wrong + 1).toString(), nearest(name, wrong));
      }
    }
    unknown.forEach(
        (name, fix) ->
            problems.add(new PropertyProblem(name, null, "is not a jcors property", fix)));

    Map<String, Object> tree = new LinkedHashMap<>();
    List<ConfigurationPropertyName> all = names(environment);
    Map<String, Object> top = options(properties, "jcors", binder, all);
    if (properties.getRoutes().isEmpty()) {
      tree.putAll(top);
      return new Read(tree, problems);
    }
    for (Map.Entry<String, Object> option : top.entrySet()) {
      if (option.getKey().equals("strict") || option.getKey().equals("debug")) {
        tree.put(option.getKey(), option.getValue()); // apply to every route, as in a file
      } else {
        problems.add(
            new PropertyProblem(
                property(option.getKey()),
                null,
                "is set together with jcors.routes, where each route has its own options",
                "move it to each route's cors (jcors.routes[0].cors."
                    + PropertyNames.kebab(option.getKey())
                    + "), or remove jcors.routes"));
      }
    }
    List<Object> routes = new ArrayList<>();
    for (int i = 0; i < properties.getRoutes().size(); i++) {
      JcorsProperties.Route route = properties.getRoutes().get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      if (route == null) {
        routes.add(entry); // the core reports the missing path
        continue;
      }
      if (route.getPath() != null) {
        entry.put("path", route.getPath());
      }
      if (route.getCors() != null) {
        entry.put("cors", options(route.getCors(), "jcors.routes[" + i + "].cors", binder, all));
      }
      routes.add(entry);
    }
    tree.put("routes", routes);
    return new Read(tree, problems);
  }

  /** The options object of one policy, with the config file's names and value shapes. */
  private static Map<String, Object> options(
      JcorsOptionsProperties properties,
      String prefix,
      Binder binder,
      List<ConfigurationPropertyName> names) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (Option option : Option.values()) {
      if (!option.isList()) {
        continue;
      }
      String key = option.key();
      String written =
          binder
              .bind(prefix + "." + PropertyNames.kebab(key), Bindable.of(String.class))
              .orElse(null);
      if (written != null) {
        options.put(
            key, option == Option.ORIGIN ? ConfigReader.origin(written.trim()) : written.trim());
      } else if (value(properties, option) instanceof List<?> list) {
        options.put(key, new ArrayList<Object>(list));
      }
    }
    Map<String, Object> jdbc = jdbc(prefix, binder, names);
    if (!jdbc.isEmpty()) {
      options.put(
          Option.ORIGIN.key(), Map.of("jdbc", jdbc)); // the config file's {"jdbc": {...}} source
    }
    for (Option option : Option.values()) {
      if (option.isList() || !(value(properties, option) instanceof String written)) {
        continue;
      }
      String value = written.trim();
      if (option.isBoolean() && (value.equals("true") || value.equals("false"))) {
        options.put(option.key(), Boolean.valueOf(value));
      } else {
        options.put(option.key(), value); // numbers as written: the core reads "600"
      }
    }
    return options;
  }

  /**
   * The bound value of {@code option}: a list for a list option, else a string; null when not set.
   * A switch over every option, so that an option added to the core's list does not compile here
   * until it has its property.
   */
  private static Object value(JcorsOptionsProperties properties, Option option) {
    return switch (option) {
      case ORIGIN -> properties.getOrigin();
      case METHODS -> properties.getMethods();
      case ALLOWED_HEADERS -> properties.getAllowedHeaders();
      case EXPOSED_HEADERS -> properties.getExposedHeaders();
      case CREDENTIALS -> properties.getCredentials();
      case MAX_AGE -> properties.getMaxAge();
      case PREFLIGHT_CONTINUE -> properties.getPreflightContinue();
      case OPTIONS_SUCCESS_STATUS -> properties.getOptionsSuccessStatus();
      case STRICT -> properties.getStrict();
      case DEBUG -> properties.getDebug();
    };
  }

  /**
   * The settings under {@code <prefix>.origin.jdbc}, named as in a config file ({@code
   * refresh-seconds} is {@code refreshSeconds}), a number setting written as a number read as one
   * (as {@link io.jcors.config.FlatConfig} reads {@code origin.jdbc.refreshSeconds=30}); empty when
   * none is set.
   */
  private static Map<String, Object> jdbc(
      String prefix, Binder binder, List<ConfigurationPropertyName> names) {
    ConfigurationPropertyName parent = ConfigurationPropertyName.of(prefix + ".origin.jdbc");
    Map<String, Object> settings = new java.util.TreeMap<>();
    for (ConfigurationPropertyName name : names) {
      if (!parent.isParentOf(name)) {
        continue;
      }
      int last = name.getNumberOfElements() - 1;
      String setting = JDBC_SETTINGS.get(element(name, last));
      String key = setting != null ? setting : name.getElement(last, Form.DASHED);
      String value = binder.bind(name, Bindable.of(String.class)).orElse(null);
      if (value == null) {
        continue;
      }
      Object read = value.trim();
      if (JDBC_NUMBERS.contains(key)) {
        try {
          read = new java.math.BigDecimal(value.trim());
        } catch (NumberFormatException e) {
          // as written: jcors-jdbc says it is not a number
        }
      }
      settings.put(key, read);
    }
    return settings;
  }

  /**
   * The property that set a problem's option: {@code routes[0].cors.allowedHeaders[1]} is {@code
   * jcors.routes[0].cors.allowed-headers[1]}.
   */
  static String property(String option) {
    return "jcors." + PropertyNames.kebab(option);
  }

  /** A problem of the core, named by its property. */
  static PropertyProblem problem(CorsProblem problem) {
    return PropertyProblem.of(problem, property(problem.option()));
  }

  /**
   * The index of the first element of {@code name} that no jcors property has there ({@code cros}
   * in {@code jcors.routes[2].cros.origin}), or -1 when {@code name} is a jcors property.
   */
  private static int unknownAt(ConfigurationPropertyName name) {
    int n = name.getNumberOfElements();
    String first = element(name, 1);
    if (first.equals("enabled") || first.equals("config")) {
      return n == 2 ? -1 : 2;
    }
    if (!first.equals("routes")) {
      return optionAt(name, 1);
    }
    if (n == 2) {
      return -1;
    }
    if (!name.isNumericIndex(2)) {
      return 2;
    }
    if (n == 3) {
      return -1;
    }
    String key = element(name, 3);
    if (key.equals("path")) {
      return n == 4 ? -1 : 4;
    }
    if (!key.equals("cors")) {
      return 3;
    }
    return n == 4 ? -1 : optionAt(name, 4);
  }

  /** As {@link #unknownAt}, for an option (or a list option's entry) at element {@code from}. */
  private static int optionAt(ConfigurationPropertyName name, int from) {
    Option option = OPTIONS.get(element(name, from));
    int n = name.getNumberOfElements();
    if (option == null) {
      return from;
    }
    if (n == from + 1) {
      return -1;
    }
    if (option == Option.ORIGIN && element(name, from + 1).equals("jdbc")) {
      return n == from + 3 ? -1 : from + 2; // jcors.origin.jdbc.<setting>, checked by jcors-jdbc
    }
    return option.isList() && n == from + 2 && name.isNumericIndex(from + 1) ? -1 : from + 1;
  }

  private static String element(ConfigurationPropertyName name, int index) {
    return name.getElement(index, Form.UNIFORM);
  }

  /** The fix for a wrong element: the nearest name allowed there, or the list of them. */
  private static String nearest(ConfigurationPropertyName name, int wrong) {
    String written = name.getElement(wrong, Form.DASHED);
    String parent = name.chop(wrong).toString();
    List<String> candidates = new ArrayList<>();
    boolean inRoute = wrong == 3 && element(name, 1).equals("routes");
    if (inRoute) {
      candidates.addAll(List.of("path", "cors"));
    } else if (wrong == 1 || wrong == 4) {
      for (Option option : OPTIONS.values()) {
        candidates.add(PropertyNames.kebab(option.key()));
      }
      if (wrong == 1) {
        candidates.addAll(List.of("enabled", "config", "routes"));
      }
    } else {
      return "remove it: "
          + parent
          + " takes no "
          + (name.isNumericIndex(wrong) ? "index" : "key")
          + " here (see docs/spring-boot.md)";
    }
    String best = null;
    int bestDistance = 3; // at most two edits away
    for (String candidate : candidates) {
      int distance = distance(written, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null) {
      return "did you mean " + parent + "." + best + "?";
    }
    return "the names allowed here are "
        + String.join(", ", candidates)
        + " (see docs/spring-boot.md)";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
