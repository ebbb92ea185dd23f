package io.jcors.quarkus.app;

import io.jcors.CorsPolicy;
import io.jcors.quarkus.CorsHandler;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application routes of the adapter test kit, as Vert.x routes after Quarkus REST's, and a
 * {@link CorsHandler} at {@link CorsHandler#PRIORITY} applying {@link #POLICY}, which each test
 * sets: one Quarkus application serves every policy of the kit. Only with {@code
 * jcors-test.contract=true} (QuarkusContractTest's profile).
 */
@ApplicationScoped
public class ContractRoutes {
  /** The policy the handler applies; null: none. */
  public static final AtomicReference<CorsPolicy> POLICY = new AtomicReference<>();

  /**
   * Whether only the path corpus's routes are served ({@code RoutedResource}): the kit's routes
   * pass every request on, so a path no resource has gets the server's own 404.
   */
  public static final AtomicBoolean ROUTED = new AtomicBoolean();

  @ConfigProperty(name = "jcors-test.contract", defaultValue = "false")
  boolean contract;

  void filters(@Observes Filters filters) {
    if (contract) {
      filters.register(
          context -> {
            CorsPolicy policy = POLICY.get();
            if (policy == null) {
              context.next();
            } else {
              new CorsHandler(policy).handle(context);
            }
          },
          CorsHandler.PRIORITY);
    }
  }

  void routes(@Observes Router router) {
    if (!contract) {
      return;
    }
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1)
        .handler(
            context -> {
              String path = context.request().path();
              if (ROUTED.get() || context.normalizedPath().contains("/api")) {
                // The path corpus's routes: RoutedResource, Quarkus REST, which runs after.
                context.next();
                return;
              }
              switch (path) {
                case "/four-oh-four" -> context.fail(404);
                case "/five-hundred" -> throw new IllegalStateException("five-hundred");
                default -> {
                  if (path.equals("/vary")) {
                    context.response().putHeader("Vary", "Accept-Encoding");
                  }
                  context
                      .response()
                      .putHeader("Content-Type", "text/plain")
                      .end(context.request().method().name() + " " + path);
                }
              }
            });
  }
}
