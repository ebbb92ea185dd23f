package io.jcors.javalin;

import io.javalin.Javalin;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;

/** The adapter test kit's contract on a real Javalin 7 server (Jetty 12), eight request threads. */
class JavalinAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    Javalin app = Apps.start(policy, Apps::contractRoutes);
    return new Server() {
      @Override
      public String base() {
        return Apps.base(app);
      }

      @Override
      public int requestThreads() {
        return Apps.THREADS;
      }

      @Override
      public void stop() {
        app.stop();
      }
    };
  }
}
