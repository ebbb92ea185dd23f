package io.jcors;

/**
 * An origin or options function failed, or gave a value that cannot be used. Adapters hand it to
 * the server's error handling, as Express's {@code next(err)} does, so the client gets the server's
 * normal error response.
 *
 * <pre>{@code
 * CorsPolicy policy =
 *     CorsPolicy.of(
 *         CorsOptions.builder()
 *             .origin(origin -> CompletableFuture.failedFuture(new IllegalStateException("db down")))
 *             .build());
 * Throwable failure = policy.decide(request).handle((decision, error) -> error).toCompletableFuture().join();
 * assertInstanceOf(CorsResolutionException.class, failure); // the stage's own failure, not wrapped
 * }</pre>
 */
public final class CorsResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorsResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
