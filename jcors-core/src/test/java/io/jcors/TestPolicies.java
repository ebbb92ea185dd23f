package io.jcors;

import java.util.concurrent.CompletableFuture;

/** Policies that several tests need in the same shape. */
final class TestPolicies {
  private TestPolicies() {}

  /**
   * A policy whose origin function answers at once (a completed stage) with {@code origins}: the
   * policy has a function, so it cannot decide before it has run, but there is nothing to wait for.
   */
  static CorsPolicy originFunctionAnsweringAtOnce(Origins origins) {
    return CorsPolicy.of(
        CorsOptions.builder().origin(origin -> CompletableFuture.completedFuture(origins)).build());
  }

  /**
   * A policy whose origin function answers every origin with a stage failed with {@code failure}.
   */
  static CorsPolicy originFunctionFailing(RuntimeException failure) {
    return CorsPolicy.of(
        CorsOptions.builder().origin(origin -> CompletableFuture.failedFuture(failure)).build());
  }

  /**
   * A policy whose origin function throws {@code IllegalStateException("boom")} instead of
   * returning a stage: the core must turn that into a failed stage, never a throw from {@code
   * decide}.
   */
  static CorsPolicy originFunctionThrowing() {
    return CorsPolicy.of(
        CorsOptions.builder()
            .origin(
                origin -> {
                  throw new IllegalStateException("boom");
                })
            .build());
  }
}
