package io.jcors.config;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A configuration read by {@link ConfigReader} and checked by the core: every problem, placed where
 * it is written, and the policy when none is an error.
 *
 * <pre>{@code
 * LoadedConfig config = ConfigReader.read("classpath:cors.yaml", OriginSources.none());
 * for (ConfigProblem problem : config.problems()) {
 *   log.warning(config.source() + ":" + problem);
 * }
 * CorsPolicy policy = config.policy(); // a ConfigException listing every error, if any
 * }</pre>
 */
public final class LoadedConfig {
  private final String source;
  private final Map<String, Object> tree;
  private final List<ConfigProblem> problems;
  private final CorsPolicy policy;
  private final Function<CorsProblem, ConfigProblem> placer;

  private LoadedConfig(
      String source,
      Map<String, Object> tree,
      List<ConfigProblem> problems,
      CorsPolicy policy,
      Function<CorsProblem, ConfigProblem> placer) {
    this.source = source;
    this.tree = tree;
    this.problems = List.copyOf(problems);
    this.policy = policy;
    this.placer = placer;
  }

  /** A source that cannot be read as a configuration at all: one error, with no option. */
  static LoadedConfig unreadable(String source, ConfigFileException e) {
    return new LoadedConfig(
        source,
        null,
        List.of(ConfigProblem.error(e.location(), null, null, null, e.reason(), null)),
        null,
        problem -> ConfigProblem.of(problem, null, null));
  }

  /** A JSON or YAML file, checked. */
  static LoadedConfig of(String source, ConfigFile file, OriginSources sources) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigFile.DuplicateKey duplicate : file.duplicates()) {
      problems.add(
          ConfigProblem.error(
              duplicate.location(),
              null,
              duplicate.option(),
              null,
              "is written twice in the same object (first at "
                  + duplicate.first()
                  + "); parsers keep only one of the two values, and which one differs between"
                  + " tools",
              "remove one of them"));
    }
    Function<CorsProblem, ConfigProblem> placer =
        problem -> ConfigProblem.of(problem, file.locate(problem), null);
    return checked(source, file.tree(), problems, placer, sources);
  }

  /** A flat key/value configuration, checked. */
  static LoadedConfig of(String source, FlatConfig flat, OriginSources sources) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (FlatConfig.KeyProblem problem : flat.problems()) {
      problems.add(
          ConfigProblem.error(null, problem.key(), null, null, problem.reason(), problem.fix()));
    }
    Function<CorsProblem, ConfigProblem> placer =
        problem -> ConfigProblem.of(problem, null, flat.keyOf(problem.option()));
    return checked(source, flat.tree(), problems, placer, sources);
  }

  private static LoadedConfig checked(
      String source,
      Map<String, Object> tree,
      List<ConfigProblem> problems,
      Function<CorsProblem, ConfigProblem> placer,
      OriginSources sources) {
    CorsConfig config = CorsConfig.read(tree, sources.byKey());
    for (CorsProblem problem : config.problems()) {
      problems.add(placer.apply(problem));
    }
    Collections.sort(problems); // stable: problems at one place keep the core's order
    boolean refused =
        config.hasErrors()
            || problems.stream().anyMatch(p -> p.severity() == CorsProblem.Severity.ERROR);
    return new LoadedConfig(source, tree, problems, refused ? null : config.policy(), placer);
  }

  /**
   * The configuration as the reader was given it: a file as the user named it, {@code
   * classpath:cors.yaml}, or the name given with a map ({@code filter cors}).
   */
  public String source() {
    return source;
  }

  /** Errors and warnings, in the order of the configuration. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /**
   * Whether the source could not be read as a configuration at all (missing, too large, not JSON or
   * YAML, not an object): its one problem says why, and nothing was checked.
   */
  public boolean unreadable() {
    return tree == null;
  }

  /** Whether the configuration is refused: an error among {@link #problems()}. */
  public boolean hasErrors() {
    return policy == null;
  }

  /**
   * The policy.
   *
   * @throws ConfigException listing every error, when the configuration is refused
   */
  public CorsPolicy policy() {
    if (policy == null) {
      throw new ConfigException(
          source,
          problems.stream().filter(p -> p.severity() == CorsProblem.Severity.ERROR).toList());
    }
    return policy;
  }

  /**
   * A problem of the core found after reading, placed in this configuration: the problems of an
   * origin source's entries ({@link io.jcors.OriginList#check}), whose option is the source's path.
   */
  public ConfigProblem place(CorsProblem problem) {
    return placer.apply(problem);
  }

  /**
   * The option path of {@code node}, the very object, in the configuration's tree: the settings of
   * an origin source ({@link OriginSources.Checked#settings()}) are at {@code
   * routes[1].cors.origin.jdbc}. Null when it is not in the tree.
   */
  public String pathOf(Object node) {
    return tree == null ? null : find(tree, node, "");
  }

  private static String find(Object at, Object node, String path) {
    if (at == node) {
      return path;
    }
    if (at instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) at).entrySet()) {
        String key = String.valueOf(e.getKey());
        String found = find(e.getValue(), node, path.isEmpty() ? key : path + "." + key);
        if (found != null) {
          return found;
        }
      }
    } else if (at instanceof List) {
      List<?> list = (List<?>) at;
      for (int i = 0; i < list.size(); i++) {
        String found = find(list.get(i), node, path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
