package io.jcors.quarkus.snippets.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The repository of the Javadoc's example: it holds {@link #KNOWN} only, and answers later on
 * another thread, as a query would.
 */
@ApplicationScoped
public class PartnerRepository {
  /** The one partner origin the repository holds. */
  public static final String KNOWN = "https://partner.example";

  /** The threads {@link #exists} was called on. */
  public static final List<String> CALLED_ON = new CopyOnWriteArrayList<>();

  /** Whether {@code origin} is a partner, answered 50 ms later. */
  public CompletionStage<Boolean> exists(String origin) {
    CALLED_ON.add(Thread.currentThread().getName());
    return CompletableFuture.supplyAsync(
        () -> KNOWN.equals(origin), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
  }
}
