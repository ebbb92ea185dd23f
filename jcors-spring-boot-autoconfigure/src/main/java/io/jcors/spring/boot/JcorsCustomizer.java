package io.jcors.spring.boot;

import io.jcors.config.TreeOptions;
import java.util.Map;

/**
 * Adjusts, in code, the options that the {@code jcors.*} properties (or {@code jcors.config}) set:
 * for instance an origin function backed by a repository. Every {@code JcorsCustomizer} bean is
 * called, in {@link org.springframework.core.annotation.Order} order, for each policy: once with
 * path {@code /**} when the properties set one policy for every path, else once per route that has
 * CORS. What it sets is checked at startup with the rest, like a property.
 *
 * <pre>{@code
 * @Bean
 * JcorsCustomizer partnerOrigins(PartnerRepository partners) {
 *   OriginResolver partner =
 *       origin ->
 *           CompletableFuture.completedFuture(
 *               partners.existsByOrigin(origin) ? Origins.reflect() : Origins.none());
 *   return (path, options) -> {
 *     if (path.equals("/api/**")) {
 *       options.origin(partner);
 *     }
 *   };
 * }
 * }</pre>
 *
 * <p>A function may also complete later, on another thread: the request continues when it does, and
 * Spring Security authenticates it as any other request.
 */
@FunctionalInterface
public interface JcorsCustomizer {
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
}
