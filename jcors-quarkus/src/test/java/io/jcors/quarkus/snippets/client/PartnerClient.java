package io.jcors.quarkus.snippets.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The remote store of the docs' example: it knows {@link #KNOWN} only, and answers later on another
 * thread, as a call over the network would.
 */
@ApplicationScoped
public class PartnerClient {
  /** The one partner origin the store knows. */
  public static final String KNOWN = "https://partner.example";

  /** Whether {@code origin} is a known partner, answered 50 ms later. */
  public CompletionStage<Boolean> exists(String origin) {
    return CompletableFuture.supplyAsync(
        () -> KNOWN.equals(origin), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
  }
}
