package io.jcors.spring.boot;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.config.OptionsCustomizer;
import io.jcors.config.PropertyProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The policy of the {@code jcors.*} properties: the tree, the customizers, the core's checks; every
 * problem at once, warnings logged once.
 */
final class PropertiesPolicy {
  private static final Log LOG = LogFactory.getLog(PropertiesPolicy.class);

  private PropertiesPolicy() {}

  /**
   * @throws JcorsConfigurationException listing every problem that makes the configuration unusable
   */
  static CorsPolicy build(
      JcorsProperties properties,
      Environment environment,
      ResourceLoader loader,
      List<JcorsCustomizer> customizers) {
    return build(properties, environment, loader, customizers, new StartupWarnings(), Map.of());
  }

  /**
   * @param warnings where each warning logged is kept too
   * @param sources the origin sources a configuration may name, by key ({@code jdbc})
   * @throws JcorsConfigurationException listing every problem that makes the configuration unusable
   */
  static CorsPolicy build(
      JcorsProperties properties,
      Environment environment,
      ResourceLoader loader,
      List<JcorsCustomizer> customizers,
      StartupWarnings warnings,
      Map<String, CorsConfig.OriginSource> sources) {
    String config = properties.getConfig();
    PropertiesTree.Read read;
    if (config != null) {
      List<PropertyProblem> beside = new ArrayList<>();
      ConfigurationPropertyName configName = PropertiesTree.JCORS.append("config");
      ConfigurationPropertyName enabled = PropertiesTree.JCORS.append("enabled");
      for (ConfigurationPropertyName name : PropertiesTree.names(environment)) {
        if (!name.equals(configName) && !name.equals(enabled)) {
          beside.add(
              new PropertyProblem(
                  name.toString(),
                  null,
                  "is set together with jcors.config, which holds the whole configuration",
                  "keep either jcors.config or the other jcors.* properties"));
        }
      }
      read = ConfigFileTree.read(config.trim(), loader, sources.keySet());
      beside.addAll(read.problems());
      read = new PropertiesTree.Read(read.tree(), beside);
    } else {
      read = PropertiesTree.read(properties, environment);
    }
    Map<String, Object> tree = OptionsCustomizer.customized(read.tree(), customizers);
    CorsConfig checked = CorsConfig.read(tree, sources);
    List<PropertyProblem> errors = new ArrayList<>(read.problems());
    for (CorsProblem problem : checked.problems()) {
      PropertyProblem named =
          config == null
              ? PropertiesTree.problem(problem)
              : PropertyProblem.of(
                  problem, problem.option() + " (in jcors.config " + config.trim() + ")");
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        errors.add(named);
      } else {
        LOG.warn("jcors: CORS configuration risk: " + named);
        warnings.add(named.toString());
      }
    }
    if (!errors.isEmpty()) {
      throw new JcorsConfigurationException(errors);
    }
    return checked.policy();
  }
}
