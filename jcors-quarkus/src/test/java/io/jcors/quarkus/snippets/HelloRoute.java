package io.jcors.quarkus.snippets;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The snippet applications' one endpoint: {@code GET /api/hello}, answered "hello". */
@ApplicationScoped
public class HelloRoute {
  void routes(@Observes Router router) {
    router.get("/api/hello").handler(context -> context.response().end("hello"));
  }
}
