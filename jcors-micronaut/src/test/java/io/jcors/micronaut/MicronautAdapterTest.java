package io.jcors.micronaut;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * The adapter test kit's contract on a real Micronaut Netty server, one server per policy (given as
 * a {@link CorsPolicy} bean), with two event-loop threads.
 */
class MicronautAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    EmbeddedServer server = Servers.start("contract", policy, Map.of());
    return new Server() {
      @Override
      public String base() {
        return Servers.base(server);
      }

      @Override
      public int requestThreads() {
        return Servers.EVENT_LOOP_THREADS;
      }

      @Override
      public void stop() {
        Servers.stop(server);
      }
    };
  }
}
