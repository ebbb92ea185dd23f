package io.jcors.micronaut;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.config.ConfigProblem;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.OriginSources;
import io.jcors.config.PropertyNames;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy of the {@code jcors.*} properties of a Micronaut environment, read as a flat map by
 * jcors-config ({@link ConfigReader#readMap}), with every problem named by the property that set
 * it. The only place that knows both Micronaut's property names ({@code
 * jcors.routes[0].cors.max-age}) and the config file's ({@code routes[0].cors.maxAge}).
 */
final class PropertiesPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);

  /**
   * The first name of every jcors property, as Micronaut normalises it: the options ({@link
   * CorsConfig.Option}) in kebab case, and the names of the starter's own.
   */
  private static final Set<String> NAMES =
      Stream.concat(
              Stream.of("enabled", "config", "routes"),
              Arrays.stream(CorsConfig.Option.values())
                  .map(option -> PropertyNames.kebab(option.key())))
          .collect(Collectors.toUnmodifiableSet());

  /** Micronaut's property sources of the JVM's system properties and the process environment. */
  private static final Set<String> SYSTEM = Set.of("system", "env");

  private PropertiesPolicy() {}

  /**
   * The policy of the {@code jcors.*} properties, or null when none is set or {@code jcors.enabled}
   * is false.
   *
   * @throws JcorsConfigurationException listing every error
   */
  static CorsPolicy read(Environment environment, OriginSources sources) {
    Map<String, String> properties = properties(environment);
    if ("false".equals(properties.get("enabled"))) {
      return null;
    }
    properties.remove("enabled");
    if (properties.isEmpty()) {
      return null;
    }
    List<String> errors = new ArrayList<>();
    LoadedConfig loaded;
    Map<String, String> byKey = new LinkedHashMap<>(); // flat key -> the property that set it
    String config = properties.remove("config");
    if (config != null) {
      for (String other : properties.keySet()) {
        errors.add(
            "jcors."
                + other
                + ": is set together with jcors.config, which holds the whole configuration. Fix:"
                + " keep either jcors.config or the other jcors.* properties");
      }
      loaded = ConfigReader.read(config.trim(), CorsFilter.class.getClassLoader(), sources);
    } else {
      Map<String, String> flat = new LinkedHashMap<>();
      properties.forEach(
          (name, value) -> {
            String key = camel(name);
            flat.put(key, value);
            byKey.put(key, "jcors." + name);
          });
      loaded = ConfigReader.readMap("jcors.* properties", flat, sources);
    }
    for (ConfigProblem problem : loaded.problems()) {
      String line = line(problem, byKey, config);
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        errors.add(line);
      } else {
        LOG.warn("jcors: CORS configuration risk: {}", line);
      }
    }
    if (!errors.isEmpty()) {
      throw new JcorsConfigurationException(errors);
    }
    return loaded.policy();
  }

  /**
   * Every {@code jcors.*} property, its name after {@code jcors.} as Micronaut normalises it
   * ({@code max-age}, {@code routes[0].cors.origin[1]}), its value as text. From the JVM's system
   * properties and the process environment, only the jcors properties count: {@code
   * -Djcors.version=1.2} for a build, or a variable {@code JCORS_HOME}, is no CORS configuration,
   * and must neither turn CORS on nor stop the application.
   */
  static Map<String, String> properties(Environment environment) {
    Set<String> written = new java.util.HashSet<>(); // first names set outside system and env
    for (PropertySource source : environment.getPropertySources()) {
      if (SYSTEM.contains(source.getName())) {
        continue;
      }
      for (String key : source) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jcors.")) {
          written.add(squash(firstName(key.substring(6))));
        }
      }
    }
    Map<String, String> properties = new TreeMap<>();
    for (Map.Entry<String, Object> entry : environment.getProperties("jcors").entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      String first = firstName(name);
      if (!NAMES.contains(first) && !written.contains(squash(first))) {
        continue; // a system property or variable that is no jcors property
      }
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        empties(name, value, properties); // their entries are properties of their own
        continue;
      }
      properties.put(name, String.valueOf(value));
    }
    return properties;
  }

  /**
   * Puts the empty maps and lists inside {@code value} (a map or list property at {@code name}),
   * which Micronaut gives no property of their own: {@code routes[1].cors: {}} (the Express
   * defaults of a route) as {@code {}}, {@code allowed-headers: []} as an empty string (reflect the
   * requested headers, as in Express).
   */
  private static void empties(String name, Object value, Map<String, String> properties) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        properties.put(name, "{}");
      }
      map.forEach(
          (key, entry) ->
              empties(name + "." + PropertyNames.kebab(String.valueOf(key)), entry, properties));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        properties.put(name, "");
      }
      for (int i = 0; i < list.size(); i++) {
        empties(name + "[" + i + "]", list.get(i), properties);
      }
    }
  }

  private static String firstName(String name) {
    int end = 0;
    while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
      end++;
    }
    return name.substring(0, end);
  }

  /**
   * A name without dashes and case: how {@code allowedHeaders} and {@code allowed-headers} meet.
   */
  private static String squash(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** {@code routes[0].cors.max-age} as the config file's {@code routes[0].cors.maxAge}. */
  static String camel(String name) {
    StringBuilder s = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }

  /** One problem, named by the property that set it (or the file of {@code jcors.config}). */
  private static String line(ConfigProblem problem, Map<String, String> byKey, String config) {
    String property;
    if (config != null) {
      property =
          (problem.option() == null ? "" : problem.option() + " ")
              + "(in jcors.config "
              + config.trim()
              + (problem.location() == null ? "" : " at " + problem.location())
              + ")";
    } else if (problem.key() != null && byKey.containsKey(problem.key())) {
      property = byKey.get(problem.key());
    } else if (problem.option() != null) {
      property = "jcors." + PropertyNames.kebab(problem.option());
    } else {
      property = "jcors";
    }
    StringBuilder s = new StringBuilder(property).append(": ");
    if (problem.value() != null) {
      s.append(problem.value()).append(' ');
    }
    s.append(problem.reason());
    if (problem.fix() != null) {
      s.append(". Fix: ").append(problem.fix());
    }
    return s.toString();
  }
}
