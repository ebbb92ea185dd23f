package io.jcors.helidon;

import io.helidon.webserver.WebServer;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;

/**
 * The adapter test kit's contract on a real Helidon 4 SE server. Helidon runs each request on a
 * virtual thread of its own, so the checks that waiting requests hold no thread send {@value
 * #PENDING} requests whose function has not completed, all waiting at once.
 */
class HelidonAdapterTest extends AdapterContract {
  /** Requests left waiting at once for an origin or options function (one more is sent). */
  static final int PENDING = 200;

  @Override
  protected Server start(CorsPolicy policy) {
    WebServer server = Servers.start(policy, Servers::contractRoutes);
    return new Server() {
      @Override
      public String base() {
        return Servers.base(server);
      }

      @Override
      public int requestThreads() {
        return PENDING;
      }

      @Override
      public void stop() {
        server.stop();
      }
    };
  }
}
