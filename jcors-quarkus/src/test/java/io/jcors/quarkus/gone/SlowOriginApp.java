package io.jcors.quarkus.gone;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.quarkus.CorsHandler;
import io.jcors.testsupport.OriginFunctions;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.TimeoutHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * ClientGoneTest's application (only with {@code jcors-test.client-gone=true}): a {@link
 * CorsHandler} whose origin function on {@code /slow/**} completes when the test completes it, a
 * filter before it that notes each request's Vert.x context and whether its response ended with the
 * connection closed, a timeout handler on {@code /slow/timed}, and routes that note each request
 * they run for.
 */
@ApplicationScoped
public class SlowOriginApp {
  /** The origin allowed everywhere. */
  public static final String APP = "https://app.example.com";

  /** The origin functions' results, in the order the functions were called. */
  public static final BlockingQueue<CompletableFuture<Origins>> PENDING =
      new LinkedBlockingQueue<>();

  /** The paths whose response ended with the connection closed, as Vert.x Web reports it. */
  public static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();

  /** Each request's Vert.x context, by path. */
  public static final Map<String, Context> CONTEXTS = new ConcurrentHashMap<>();

  /** The paths the application's routes ran for. */
  public static final List<String> APP_RAN = new CopyOnWriteArrayList<>();

  @ConfigProperty(name = "jcors-test.client-gone", defaultValue = "false")
  boolean enabled;

  void filters(@Observes Filters filters) {
    if (!enabled) {
      return;
    }
    TimeoutHandler timeout = TimeoutHandler.create(300);
    filters.register(
        context -> {
          String path = context.request().path();
          CONTEXTS.put(path, context.vertx().getOrCreateContext());
          context.addEndHandler(
              ended -> {
                if (ended.failed()) {
                  CLOSED.add(path);
                }
              });
          if (path.equals("/slow/timed")) {
            timeout.handle(context); // answers 503 when the request is not answered in 300 ms
          } else {
            context.next();
          }
        },
        CorsHandler.PRIORITY + 1);
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/slow/**", CorsOptions.builder().origin(OriginFunctions.pending(PENDING)).build())
            .route("/**", CorsOptions.builder().origin(Origins.of(APP)).build())
            .build();
    filters.register(new CorsHandler(policy), CorsHandler.PRIORITY);
  }

  void routes(@Observes Router router) {
    if (!enabled) {
      return;
    }
    router
        .route("/*")
        .handler(
            context -> {
              APP_RAN.add(context.request().path());
              context.end("app");
            })
        .failureHandler(
            context -> {
              APP_RAN.add("failure handler " + context.request().path());
              if (!context.response().ended()) {
                context.response().setStatusCode(context.statusCode()).end("failed");
              }
            });
  }
}
