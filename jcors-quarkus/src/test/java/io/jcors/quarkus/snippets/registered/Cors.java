package io.jcors.quarkus.snippets.registered;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.quarkus.CorsHandler;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

// CorsHandler's Javadoc and docs/quarkus.md, as written there; run by RegisteredHandlerSnippetTest.
@ApplicationScoped
public class Cors {
  void register(@Observes Filters filters) {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    filters.register(new CorsHandler(policy), CorsHandler.PRIORITY);
  }
}
