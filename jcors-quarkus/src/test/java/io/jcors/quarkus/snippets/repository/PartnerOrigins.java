package io.jcors.quarkus.snippets.repository;

import io.jcors.Origins;
import io.jcors.quarkus.JcorsCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

// JcorsCustomizer's Javadoc, as written there; run by PartnerRepositorySnippetTest.
@ApplicationScoped
public class PartnerOrigins implements JcorsCustomizer {
  @Inject PartnerRepository partners;

  @Override
  public void customize(String path, Options options) {
    if (path.equals("/api/**")) {
      // Called on the event loop: returns a stage, never blocks; the request waits, paused.
      options.origin(
          origin ->
              partners
                  .exists(origin) // a CompletionStage<Boolean>
                  .thenApply(known -> known ? Origins.reflect() : Origins.none()));
    }
  }
}
