package io.jcors.servlet;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import jakarta.servlet.ServletRegistration;

/** The adapter test kit's contract on one servlet container: the filter on /*, then {@link App}. */
abstract class ServletAdapterContract extends AdapterContract {
  abstract Container.Kind kind();

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    Container container = kind().create();
    String base =
        container.start(
            context -> {
              new CorsFilter(policy).addTo(context, "/*");
              ServletRegistration.Dynamic app = context.addServlet("app", new App());
              app.addMapping("/");
              app.setAsyncSupported(true);
            });
    return new Server() {
      @Override
      public String base() {
        return base;
      }

      @Override
      public int requestThreads() {
        return container.maxThreads;
      }

      @Override
      public void stop() throws Exception {
        container.close();
      }
    };
  }
}
