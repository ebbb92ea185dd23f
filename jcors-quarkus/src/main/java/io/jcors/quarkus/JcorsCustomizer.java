package io.jcors.quarkus;

import io.jcors.config.OptionsCustomizer;

/**
 * Adjusts, in code, the options that the {@code jcors.*} properties (or {@code jcors.config}) set:
 * for instance an origin function backed by a repository. Every {@code JcorsCustomizer} bean is
 * called, in the order of its {@code @Priority} (highest first, as ArC sorts {@code @All} lists),
 * for each policy: once with path {@code /**} when the properties set one policy for every path,
 * else once per route that has CORS. What it sets is checked at startup with the rest, like a
 * property. Its method, {@code customize(path, options)}, and its {@code Options} are {@link
 * OptionsCustomizer}'s.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class PartnerOrigins implements JcorsCustomizer {
 *   @Inject PartnerRepository partners;
 *
 *   @Override
 *   public void customize(String path, Options options) {
 *     if (path.equals("/api/**")) {
 *       // Called on the event loop: returns a stage, never blocks; the request waits, paused.
 *       options.origin(
 *           origin ->
 *               partners
 *                   .exists(origin) // a CompletionStage<Boolean>
 *                   .thenApply(known -> known ? Origins.reflect() : Origins.none()));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>An origin function whose stage completes later holds no thread: the request waits, paused, and
 * goes on on its own Vert.x context. A function must not block the thread it is called on (the
 * event loop): return a stage that completes elsewhere.
 */
@FunctionalInterface
public interface JcorsCustomizer extends OptionsCustomizer {}
