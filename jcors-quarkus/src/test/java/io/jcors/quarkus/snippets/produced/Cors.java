package io.jcors.quarkus.snippets.produced;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

// docs/quarkus.md, "A CorsPolicy bean", as written there; run by CorsBeanSnippetTest.
@ApplicationScoped
public class Cors {
  @Produces
  @Singleton
  CorsPolicy corsPolicy() {
    return CorsPolicy.of(
        CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
  }
}
