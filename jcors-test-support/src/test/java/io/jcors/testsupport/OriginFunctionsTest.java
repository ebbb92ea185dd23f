package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OriginFunctionsTest {
  OriginFunctionsTest() {}

  @Test
  void delayed_reflectsAnExampleComOriginLater() { // the example of OriginFunctions's Javadoc
    OriginResolver origin = OriginFunctions.delayed(50);
    CompletableFuture<Origins> later =
        origin.resolve("https://a.example.com").toCompletableFuture();
    assertFalse(later.isDone());
    assertEquals(Origins.Kind.REFLECT, later.join().kind()); // 50 ms later
  }

  @Test
  void delayed_refusesOtherOriginsAndNone_failsForFail() {
    OriginResolver origin = OriginFunctions.delayed(1);
    assertThat(origin.resolve("https://a.example.net").toCompletableFuture().join().kind())
        .isEqualTo(Origins.Kind.NONE);
    assertThat(origin.resolve(null).toCompletableFuture().join().kind())
        .isEqualTo(Origins.Kind.NONE);
    CompletableFuture<Origins> failing =
        origin.resolve("https://fail.example.com").toCompletableFuture();
    assertThat(failing)
        .failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
  }
}
