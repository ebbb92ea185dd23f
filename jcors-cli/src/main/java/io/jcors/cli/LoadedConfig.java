package io.jcors.cli;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.CorsRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A config file read and checked by the core: every finding, placed in the file, and the policy
 * when nothing is an error. The one place where commands turn a file into a policy.
 */
final class LoadedConfig {
  private final ConfigFile file;
  private final List<Finding> findings;
  private final CorsPolicy policy;

  private LoadedConfig(ConfigFile file, List<Finding> findings, CorsPolicy policy) {
    this.file = file;
    this.findings = List.copyOf(findings);
    this.policy = policy;
  }

  /**
   * Reads and checks {@code path}.
   *
   * @throws ConfigFileException when the file cannot be read as a configuration at all
   */
  static LoadedConfig load(Path path, Map<String, CorsConfig.OriginSource> originSources)
      throws ConfigFileException {
    ConfigFile file = ConfigFile.read(path);
    CorsConfig config = CorsConfig.read(file.tree(), originSources);
    List<Finding> findings = new ArrayList<>();
    for (ConfigFile.DuplicateKey duplicate : file.duplicates()) {
      findings.add(
          new Finding(
              CorsRule.C7,
              CorsProblem.Severity.ERROR,
              duplicate.location(),
              duplicate.option(),
              null,
              "is written twice in the same object (first at "
                  + duplicate.first()
                  + "); parsers keep only one of the two values, and which one differs between"
                  + " tools",
              "remove one of them"));
    }
    for (CorsProblem problem : config.problems()) {
      findings.add(Finding.of(problem, file));
    }
    Collections.sort(findings); // stable: problems at one place keep the core's order
    boolean refused = config.hasErrors() || !file.duplicates().isEmpty();
    return new LoadedConfig(file, findings, refused ? null : config.policy());
  }

  /** A core problem placed in this file (a problem found after loading, such as a row's). */
  Finding place(CorsProblem problem) {
    return Finding.of(problem, file);
  }

  /**
   * The path of {@code node}, the very object, in the file's tree ({@code
   * routes[1].cors.origin.jdbc}), or null.
   */
  String pathOf(Object node) {
    return find(file.tree(), node, "");
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

  /** The file as the user named it. */
  String fileName() {
    return file.name();
  }

  /** Errors and warnings, in the order of the file. */
  List<Finding> findings() {
    return findings;
  }

  /** Whether the configuration is refused. */
  boolean hasErrors() {
    return policy == null;
  }

  /** The policy; null when {@link #hasErrors()}. */
  CorsPolicy policy() {
    return policy;
  }
}
