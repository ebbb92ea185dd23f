package io.jcors;

import java.util.concurrent.CompletionStage;

/**
 * Computes the options per request, possibly later: the Java form of Express's {@code cors(function
 * (req, callback) {...})}. Return options built once (constants, or a cache) so that the
 * per-request cost stays a lookup: building options validates and precomputes them.
 *
 * <pre>{@code
 * CorsOptions open = CorsOptions.builder().build();
 * CorsOptions closed = CorsOptions.builder().origin(false).build();
 * OptionsResolver byPath =
 *     request ->
 *         CompletableFuture.completedFuture(request.path().startsWith("/public") ? open : closed);
 * CorsPolicy policy = CorsPolicy.of(byPath);
 * }</pre>
 */
@FunctionalInterface
public interface OptionsResolver {
  /** The options for {@code request}; a null result means the defaults, as in Express. */
  CompletionStage<CorsOptions> resolve(CorsRequest request);
}
