package io.jcors.javalin;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import java.util.function.Consumer;

/**
 * The adapter test kit's contract on a real Javalin 7 server (Jetty 12), eight request threads; the
 * path corpus on Javalin's own routes ({@code /api/admin}, {@code /api/admin/<rest>}, {@code /api},
 * {@code /api/<rest>}).
 */
class JavalinAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    return server(policy, Apps::contractRoutes);
  }

  @Override
  protected boolean errorPages() {
    return true;
  }

  @Override
  protected Server startRouted(CorsPolicy policy) {
    return server(
        policy,
        config -> {
          config.routes.get("/api/admin", ctx -> served(ctx, RoutingPaths.ADMIN_ROUTE));
          config.routes.get("/api/admin/<rest>", ctx -> served(ctx, RoutingPaths.ADMIN_ROUTE));
          config.routes.get("/api", ctx -> served(ctx, RoutingPaths.API_ROUTE));
          config.routes.get("/api/<rest>", ctx -> served(ctx, RoutingPaths.API_ROUTE));
        });
  }

  /**
   * Javalin routes a path that encodes an unreserved character as received: {@code
   * /api/%61dmin/users} is an admin path decoded, so it gets no CORS headers at all.
   */
  @Override
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return RoutingPaths.asReceived(entry);
  }

  private static void served(Context ctx, String route) {
    ctx.header(RoutingPaths.SERVED, route).result(route);
  }

  private static Server server(CorsPolicy policy, Consumer<JavalinConfig> routes) {
    Javalin app = Apps.start(policy, routes);
    return Server.of(Apps.base(app), Apps.THREADS, app::stop);
  }
}
