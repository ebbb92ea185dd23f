package io.jcors;

import java.util.concurrent.CompletionStage;

/**
 * Decides the {@code origin} option per request from the request's {@code Origin}, possibly later
 * (a database lookup): the Java form of Express's {@code origin: function (origin, callback)}.
 *
 * <p>The result is any {@link Origins} value: {@link Origins#reflect()} to allow the request's
 * origin (Express's {@code callback(null, true)}), {@link Origins#none()} for no CORS headers
 * ({@code callback(null, false)}), or a list to match. A failed stage reaches the server's error
 * handling as a {@link CorsResolutionException}, as {@code callback(err)} reaches {@code
 * next(err)}. Every response decided by an origin function carries {@code Vary: Origin}, whatever
 * it returned, since the answer may differ for the next origin (unlike Express, which adds none for
 * {@code false} or {@code "*"}).
 *
 * <pre>{@code
 * Set<String> allowed = Set.of("https://app.example.com");
 * OriginResolver fromDatabase =
 *     origin ->
 *         CompletableFuture.supplyAsync(
 *             () -> allowed.contains(origin) ? Origins.reflect() : Origins.none());
 * CorsOptions options = CorsOptions.builder().origin(fromDatabase).build();
 * }</pre>
 */
@FunctionalInterface
public non-sealed interface OriginResolver extends OriginOption {
  /**
   * The origin option for a request whose {@code Origin} header is {@code requestOrigin} (null when
   * the request has none). A stage that is already complete is used at once, without any thread
   * switch.
   */
  CompletionStage<Origins> resolve(String requestOrigin);
}
