package io.jcors.testsupport;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An origin function that answers later, as one reading a database or a remote service does: the
 * adapters' tests use it to show that a request waits for it without holding a thread.
 *
 * <pre>{@code
 * OriginResolver origin = DelayedOrigins.delayed(50);
 * CompletableFuture<Origins> later = origin.resolve("https://a.example.com").toCompletableFuture();
 * assertFalse(later.isDone());
 * assertEquals(Origins.Kind.REFLECT, later.join().kind()); // 50 ms later
 * }</pre>
 */
public final class DelayedOrigins {
  private DelayedOrigins() {}

  /**
   * Completes {@code millis} later, off the calling thread: reflects an origin ending in {@code
   * .example.com}, refuses any other (and a request without one), and fails, as an unreachable
   * database would, for an origin containing {@code fail}.
   */
  public static OriginResolver delayed(long millis) {
    return origin ->
        CompletableFuture.supplyAsync(
            () -> {
              if (origin != null && origin.contains("fail")) {
                throw new IllegalStateException("origin database unavailable");
              }
              return origin != null && origin.endsWith(".example.com")
                  ? Origins.reflect()
                  : Origins.none();
            },
            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
  }
}
