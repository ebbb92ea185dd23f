package io.jcors.testsupport;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Origin functions that answer later, as a lookup in a database or a service does: the adapters'
 * tests use them to show that a request waits for one without holding a thread.
 *
 * <pre>{@code
 * OriginResolver origin = OriginFunctions.delayed(50);
 * CompletableFuture<Origins> later = origin.resolve("https://a.example.com").toCompletableFuture();
 * assertFalse(later.isDone());
 * assertEquals(Origins.Kind.REFLECT, later.join().kind()); // 50 ms later
 * }</pre>
 */
public final class OriginFunctions {
  private OriginFunctions() {}

  /**
   * A function that answers {@code millis} milliseconds later, on another thread: it reflects an
   * origin ending in {@code .example.com}, refuses any other, and fails (origin database
   * unavailable) for an origin containing {@code fail}.
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

  /**
   * A function that answers when the test says: each call adds its result, not completed yet, to
   * {@code calls}, for the test to complete (or fail) when it chooses, from any thread.
   */
  public static OriginResolver pending(Queue<CompletableFuture<Origins>> calls) {
    return origin -> {
      CompletableFuture<Origins> result = new CompletableFuture<>();
      calls.add(result);
      return result;
    };
  }
}
