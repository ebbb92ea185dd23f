package io.jcors.micronaut;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The {@code CorsPolicy} bean of docs/micronaut.md and of {@link CorsFilter}'s Javadoc, as written
 * there; run by {@link MicronautDocsTest}.
 */
@Requires(property = "test.docs-bean", value = "true")
@Factory
class Cors {
  @Singleton
  CorsPolicy corsPolicy() {
    return CorsPolicy.of(
        CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
  }
}
