package io.jcors.servlet;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.ConcurrentLoad;
import jakarta.servlet.ServletRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One policy shared by many connections of a real servlet container (S24), with the load and checks
 * of {@link ConcurrentLoad}. Bounded: 8 client threads (so at most 8 connections) against at most 8
 * request threads. One subclass per container.
 */
abstract class ConcurrencyContract {
  private static final int SERVER_THREADS = 8;

  private Container container;

  abstract Container.Kind kind();

  @AfterEach
  void stop() throws Exception {
    if (container != null) {
      container.close();
    }
  }

  @Test
  void manyThreads_differentOrigins_eachResponseCarriesOnlyItsOwnOrigin() throws Exception {
    ConcurrentLoad.checkEachResponseCarriesOnlyItsOwnOrigin(this::start);
  }

  @Test
  void reload_underLoad_losesNoRequest_mixesNoPolicies_andEndsOnTheLastPolicy() throws Exception {
    ConcurrentLoad.checkReloadUnderLoad(this::start);
  }

  /** The filter on every path before {@link App}, which echoes method and path. */
  private String start(CorsPolicy policy) throws Exception {
    container = kind().create().maxThreads(SERVER_THREADS);
    return container.start(
        context -> {
          new CorsFilter(policy).addTo(context, "/*");
          ServletRegistration.Dynamic app = context.addServlet("app", new App());
          app.addMapping("/");
          app.setAsyncSupported(true);
        });
  }
}
