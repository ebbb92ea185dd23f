package io.jcors.spring.boot;

import io.jcors.config.OptionsCustomizer;

/**
 * Adjusts, in code, the options that the {@code jcors.*} properties (or {@code jcors.config}) set:
 * for instance an origin function backed by a repository. Every {@code JcorsCustomizer} bean is
 * called, in {@link org.springframework.core.annotation.Order} order, for each policy: once with
 * path {@code /**} when the properties set one policy for every path, else once per route that has
 * CORS. What it sets is checked at startup with the rest, like a property. Its method, {@code
 * customize(path, options)}, and its {@code Options} are {@link OptionsCustomizer}'s.
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
public interface JcorsCustomizer extends OptionsCustomizer {}
