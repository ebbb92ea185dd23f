package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A tree adjusted in code (an integration's customizer) may hold the origin option itself, which a
 * file cannot: an origin function, or an {@link Origins} value. The options' checks still apply.
 */
class CorsConfigInCodeTest {
  CorsConfigInCodeTest() {}

  @Test
  void anOriginFunction_inTheTree_decidesTheRoute() {
    OriginResolver function =
        origin ->
            CompletableFuture.completedFuture(
                "https://function.example.com".equals(origin) ? Origins.reflect() : Origins.none());
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "routes", List.of(Map.of("path", "/api/**", "cors", Map.of("origin", function)))));

    assertThat(config.problems()).isEmpty();
    assertThat(config.policy().routes().get(0).options().origin()).isSameAs(function);
  }

  @Test
  void anOriginsValue_inTheTree_isCheckedWithTheRoutesCredentials() {
    CorsConfig config = CorsConfig.read(Map.of("origin", Origins.any(), "credentials", true));

    assertThat(config.problems())
        .extracting(CorsProblem::severity)
        .contains(CorsProblem.Severity.ERROR);
  }
}
