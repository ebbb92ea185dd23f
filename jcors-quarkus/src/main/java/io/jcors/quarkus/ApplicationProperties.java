package io.jcors.quarkus;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.config.ConfigProblem;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.OptionsCustomizer;
import io.jcors.config.OriginSources;
import io.jcors.config.PropertyNames;
import io.jcors.config.PropertyProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * The policy of the {@code jcors.*} properties of a Quarkus application, read by jcors-config's
 * flat-map reader ({@link ConfigReader#readMap}) or, with {@code jcors.config}, from a config file;
 * adjusted by the customizers; every problem at once, warnings logged once. The only place that
 * knows both the property names ({@code jcors.routes[0].cors.max-age}) and the keys of the flat map
 * ({@code routes[0].cors.maxAge}).
 */
final class ApplicationProperties {
  static final String PREFIX = "jcors.";
  static final String ENABLED = "jcors.enabled";
  static final String CONFIG = "jcors.config";

  /**
   * The first element of a property name after {@code jcors.}, for the names of the JVM: {@code
   * enabled}, {@code config}, {@code routes}, and each option in camel and kebab case ({@code
   * maxAge}, {@code max-age}).
   */
  private static final Set<String> TOP = top();

  private static final Logger LOG = Logger.getLogger(ApplicationProperties.class);
  private static final String SOURCE = "application.properties";

  private ApplicationProperties() {}

  /**
   * Every {@code jcors.*} property and its value (expanded, empty when written empty), by name.
   * From the JVM's system properties and the process environment, only names that are jcors
   * properties count: {@code -Djcors.version=1.2} for a build neither turns CORS on nor stops the
   * application.
   */
  static Map<String, String> read(Config config) {
    Map<String, String> properties = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      ConfigValue value = config.getConfigValue(name);
      if (system(value) && !TOP.contains(top(name))) {
        continue;
      }
      properties.put(name, value.getValue() == null ? "" : value.getValue());
    }
    return properties;
  }

  /** Whether a property other than {@code jcors.enabled} is set. */
  static boolean configured(Map<String, String> properties) {
    return properties.keySet().stream().anyMatch(name -> !name.equals(ENABLED));
  }

  /**
   * The policy of {@code properties} ({@link #read}), with {@code customizers} applied.
   *
   * @throws JcorsConfigurationException listing every problem that makes the configuration unusable
   */
  static CorsPolicy policy(
      Map<String, String> properties, List<JcorsCustomizer> customizers, ClassLoader loader) {
    String config = properties.get(CONFIG);
    LoadedConfig loaded;
    List<PropertyProblem> errors = new ArrayList<>();
    if (config != null) {
      for (String name : properties.keySet()) {
        if (!name.equals(CONFIG) && !name.equals(ENABLED)) {
          errors.add(
              new PropertyProblem(
                  name,
                  null,
                  "is set together with jcors.config, which holds the whole configuration",
                  "keep either jcors.config or the other jcors.* properties"));
        }
      }
      // Origin sources ({"jdbc": ...}) need the application's lifecycle; none are opened here.
      loaded = ConfigReader.read(config.trim(), loader, OriginSources.none());
    } else {
      Map<String, String> flat = new LinkedHashMap<>();
      properties.forEach(
          (name, value) -> {
            if (!name.equals(ENABLED)) {
              flat.put(key(name), value.trim());
            }
          });
      loaded = ConfigReader.readMap(SOURCE, flat, OriginSources.none());
    }
    for (ConfigProblem problem : loaded.problems()) {
      PropertyProblem named = named(problem, config);
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        errors.add(named);
      } else if (customizers.isEmpty()) {
        LOG.warn("jcors: CORS configuration risk: " + named); // else when checked again below
      }
    }
    if (!errors.isEmpty()) {
      throw new JcorsConfigurationException(source(config), errors);
    }
    if (customizers.isEmpty()) {
      return loaded.policy();
    }
    CorsConfig checked = CorsConfig.read(OptionsCustomizer.customized(loaded.tree(), customizers));
    for (CorsProblem problem : checked.problems()) {
      PropertyProblem named =
          new PropertyProblem(
              config == null
                  ? property(problem.option())
                  : problem.option() + " (in jcors.config " + config.trim() + ")",
              problem.value(),
              problem.reason(),
              problem.fix());
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        errors.add(named);
      } else {
        LOG.warn("jcors: CORS configuration risk: " + named);
      }
    }
    if (!errors.isEmpty()) {
      throw new JcorsConfigurationException(source(config) + ", as customized", errors);
    }
    return checked.policy();
  }

  private static String source(String config) {
    return config == null ? SOURCE : "jcors.config " + config.trim();
  }

  /** A problem of the reader, named by its property, or by its place in the config file. */
  private static PropertyProblem named(ConfigProblem problem, String config) {
    String where;
    if (config == null) {
      where =
          problem.key() != null
              ? property(problem.key())
              : problem.option() != null ? property(problem.option()) : "jcors";
    } else {
      String at = problem.location() != null ? ":" + problem.location() : "";
      String option = problem.option() != null ? " " + problem.option() : "";
      where = "jcors.config (" + config.trim() + at + ")" + option;
    }
    return new PropertyProblem(where, problem.value(), problem.reason(), problem.fix());
  }

  /**
   * The key of the flat map for a property: {@code jcors.routes[0].cors.max-age} is {@code
   * routes[0].cors.maxAge}; a name written in camel case already stays as it is.
   */
  static String key(String property) {
    String name = property.substring(PREFIX.length());
    StringBuilder s = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))) {
        s.append(Character.toUpperCase(name.charAt(++i)));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  /**
   * The property of a key or option path: {@code routes[0].cors.maxAge} is that of {@link #key}.
   */
  static String property(String option) {
    return PREFIX + PropertyNames.kebab(option);
  }

  private static Set<String> top() {
    Set<String> top = new HashSet<>(List.of("enabled", "config", "routes"));
    for (CorsConfig.Option option : CorsConfig.Option.values()) {
      top.add(option.key());
      top.add(PropertyNames.kebab(option.key()));
    }
    return Set.copyOf(top);
  }

  private static String top(String name) {
    String rest = name.substring(PREFIX.length());
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '.' || c == '[') {
        end = i;
        break;
      }
    }
    return rest.substring(0, end);
  }

  /** Whether the value comes from the JVM's system properties or the process environment. */
  private static boolean system(ConfigValue value) {
    String source = value.getSourceName();
    return source != null
        && (source.startsWith("SysPropConfigSource") || source.startsWith("EnvConfigSource"));
  }
}
