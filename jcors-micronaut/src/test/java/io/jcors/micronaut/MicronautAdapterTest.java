package io.jcors.micronaut;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * The adapter test kit's contract on a real Micronaut Netty server, one server per policy (given as
 * a {@link CorsPolicy} bean), with two event-loop threads; the path corpus on Micronaut's own
 * router ({@link RoutingApi}).
 */
class MicronautAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    return server("contract", policy);
  }

  @Override
  protected Server startRouted(CorsPolicy policy) {
    return server("routing", policy);
  }

  /**
   * Micronaut's router matches the raw path, percent-encoded, with {@code ;} parameters, dot and
   * empty segments left in: those paths, and those that encode an unreserved character (so {@code
   * /api/%61dmin/users} reaches the API, not the admin application), get no CORS headers.
   */
  @Override
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return RoutingPaths.asReceived(entry);
  }

  private static Server server(String app, CorsPolicy policy) {
    EmbeddedServer server = Servers.start(app, policy, Map.of());
    return Server.of(Servers.base(server), Servers.EVENT_LOOP_THREADS, () -> Servers.stop(server));
  }
}
