package io.jcors.quarkus.snippets.client;

import io.jcors.Origins;
import io.jcors.quarkus.JcorsCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

// docs/quarkus.md, "A JcorsCustomizer bean", as written there; run by PartnerClientSnippetTest.
@ApplicationScoped
public class PartnerOrigins implements JcorsCustomizer {
  @Inject PartnerClient partners; // returns CompletionStage<Boolean>, never blocks

  @Override
  public void customize(String path, Options options) {
    if (path.equals("/api/**")) {
      options.origin(
          origin ->
              partners
                  .exists(origin)
                  .thenApply(known -> known ? Origins.reflect() : Origins.none()));
    }
  }
}
