package io.jcors.config;

import java.util.List;
import java.util.Map;

/**
 * Adjusts, in code, the options of each policy of a config read as maps and lists, before it is
 * read: the hook a framework's application properties offer (the Spring Boot starter's and
 * jcors-quarkus's {@code JcorsCustomizer} extend it), for instance to add an origin function backed
 * by a repository. What it sets is checked with the rest, like a property.
 *
 * <pre>{@code
 * OptionsCustomizer longerCache = (path, options) -> options.maxAge(600);
 * Map<String, Object> tree = Map.of("origin", "https://app.example.com");
 * Map<String, Object> customized = OptionsCustomizer.customized(tree, List.of(longerCache));
 * assertEquals(600L, customized.get("maxAge"));
 * }</pre>
 */
@FunctionalInterface
public interface OptionsCustomizer {
  /**
   * Adjusts the options of the policy of {@code path}.
   *
   * @param path the route's path, or {@code /**} for the one policy of every path
   * @param options the options as the properties set them
   */
  void customize(String path, Options options);

  /**
   * The options of one policy, with the names and values of a jcors config file; each setter
   * replaces that option. The setters are {@link TreeOptions}'s.
   */
  final class Options extends TreeOptions<Options> {
    Options(Map<String, Object> options) {
      super(options);
    }
  }

  /**
   * {@code tree} after every customizer, in order, saw the options of each of its policies (as
   * {@link TreeOptions#customized} hands them over): {@code tree} itself when there is none, else a
   * copy; {@code tree} is not changed.
   *
   * @param tree the config as read
   * @param customizers the customizers, in the order they are called
   * @return the config with what they set
   */
  static Map<String, Object> customized(
      Map<String, Object> tree, List<? extends OptionsCustomizer> customizers) {
    if (customizers.isEmpty()) {
      return tree;
    }
    return TreeOptions.customized(
        tree,
        Options::new,
        (path, options) -> customizers.forEach(customizer -> customizer.customize(path, options)));
  }
}
