package io.jcors.quarkus.app;

import io.jcors.Origins;
import io.jcors.quarkus.JcorsCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An origin function on {@code /async/**} that answers {@link #DELAY_MS} later, on another thread,
 * as a lookup in a remote store would: {@link #ORIGIN} is allowed, every other origin refused. It
 * notes the thread each call is made on.
 */
@ApplicationScoped
public class AsyncOrigins implements JcorsCustomizer {
  /** The one origin the function allows. */
  public static final String ORIGIN = "https://async.example";

  /** How long the function takes. */
  public static final long DELAY_MS = 400;

  /** The threads the function was called on. */
  public static final List<String> CALLED_ON = new CopyOnWriteArrayList<>();

  @Override
  public void customize(String path, Options options) {
    if (path.equals("/async/**")) {
      options.origin(
          origin -> {
            CALLED_ON.add(Thread.currentThread().getName());
            return CompletableFuture.supplyAsync(
                () -> ORIGIN.equals(origin) ? Origins.reflect() : Origins.none(),
                CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS));
          });
    }
  }
}
