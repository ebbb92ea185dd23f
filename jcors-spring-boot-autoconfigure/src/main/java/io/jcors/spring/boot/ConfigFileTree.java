package io.jcors.spring.boot;

import io.jcors.CorsConfig;
import io.jcors.CorsProblem;
import io.jcors.OriginList;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.config.ConfigProblem;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.OriginSources;
import io.jcors.config.PropertyProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The tree of {@code jcors.config}: a file path, or a Spring resource location ({@code
 * classpath:cors.yaml}, {@code file:/etc/cors.json}), read by jcors-config exactly as {@code jcors
 * lint} and {@code jcors serve} read it. A file that cannot be read, or whose options are wrong, is
 * reported with each problem at its line and column.
 */
final class ConfigFileTree {
  private ConfigFileTree() {}

  /**
   * @param sourceKeys the origin sources ({@code jdbc}) the policy is built with later: named in
   *     the file, they are read as written here, and opened once, by {@link PropertiesPolicy}
   */
  static PropertiesTree.Read read(String location, ResourceLoader loader, Set<String> sourceKeys) {
    List<PropertyProblem> problems = new ArrayList<>();
    String quoted = CorsProblem.quote(location);
    boolean resource = location.startsWith("classpath:") || location.startsWith("file:");
    String name = resource ? location.substring(location.indexOf(':') + 1) : location;
    LoadedConfig loaded;
    try (InputStream in = open(location, resource, loader)) {
      if (in == null) {
        problems.add(
            new PropertyProblem(
                "jcors.config",
                quoted,
                "does not exist",
                "put the file at that location, or correct jcors.config"));
        return new PropertiesTree.Read(Map.of(), problems);
      }
      // Origin sources ({"jdbc": ...}) need the application's lifecycle; none are opened here.
      loaded = ConfigReader.read(name, in, notOpened(sourceKeys));
    } catch (IOException e) {
      problems.add(
          new PropertyProblem(
              "jcors.config", quoted, "cannot be read: " + e.getMessage(), "check the location"));
      return new PropertiesTree.Read(Map.of(), problems);
    }
    if (!loaded.hasErrors()) {
      // Warnings are logged once, when the (customized) tree is checked again.
      return new PropertiesTree.Read(loaded.tree(), problems);
    }
    for (ConfigProblem problem : loaded.problems()) {
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        String at = problem.location() != null ? ":" + problem.location() : "";
        String option = problem.option() != null ? " " + problem.option() : "";
        problems.add(
            new PropertyProblem(
                "jcors.config (" + location + at + ")" + option,
                problem.value(),
                problem.reason(),
                problem.fix()));
      }
    }
    return new PropertiesTree.Read(Map.of(), problems);
  }

  /**
   * Sources that open nothing: their settings are checked, and their lists started, when the policy
   * is built from the tree with the application's sources.
   */
  private static OriginSources notOpened(Set<String> keys) {
    Map<String, CorsConfig.OriginSource> sources = new HashMap<>();
    for (String key : keys) {
      sources.put(
          key,
          new CorsConfig.OriginSource() {
            @Override
            public OriginResolver create(Map<String, ?> settings) {
              return create(settings, false, false);
            }

            @Override
            public OriginResolver create(
                Map<String, ?> settings, boolean credentials, boolean strict) {
              return new OriginList.Source() {
                @Override
                public CompletionStage<Origins> resolve(String requestOrigin) {
                  return CompletableFuture.completedFuture(Origins.none());
                }

                @Override
                public boolean checksCredentials() {
                  return credentials;
                }

                @Override
                public boolean checksStrict() {
                  return strict;
                }
              };
            }
          });
    }
    return OriginSources.of(sources);
  }

  private static InputStream open(String location, boolean resource, ResourceLoader loader)
      throws IOException {
    if (!resource) {
      Path file = Path.of(location);
      return Files.exists(file) ? Files.newInputStream(file) : null;
    }
    Resource found = loader.getResource(location);
    return found.exists() ? found.getInputStream() : null;
  }
}
