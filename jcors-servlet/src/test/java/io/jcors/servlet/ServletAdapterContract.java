package io.jcors.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The adapter test kit's contract on one servlet container: the filter on /*, then {@link App},
 * with the container's error pages; for the path corpus, one servlet per route, mapped to {@code
 * /api/admin/*} and {@code /api/*}. One subclass per container.
 */
abstract class ServletAdapterContract extends AdapterContract {
  abstract Container.Kind kind();

  /** The container's error pages for 404 and 500: {@link App}'s {@code /error-page}. */
  @Override
  protected boolean errorPages() {
    return true;
  }

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return start(
        kind().create().errorPage(404, "/error-page").errorPage(500, "/error-page"),
        context -> {
          new CorsFilter(policy).addTo(context, "/*");
          ServletRegistration.Dynamic app = context.addServlet("app", new App());
          app.addMapping("/");
          app.setAsyncSupported(true);
        });
  }

  @Override
  protected Server startRouted(CorsPolicy policy) throws Exception {
    return start(kind().create(), routed(policy));
  }

  /** A servlet container resolves parameters, dot and empty segments before it dispatches. */
  @Override
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return RoutingPaths.Reading.AS_THE_CORE;
  }

  private static Server start(Container container, Consumer<ServletContext> setup)
      throws Exception {
    String base = container.start(setup);
    return Server.of(base, container.maxThreads, container::close);
  }

  /** The routed filter on every path, and one servlet per route, each naming its route. */
  private static Consumer<ServletContext> routed(CorsPolicy policy) {
    return context -> {
      new CorsFilter(policy).addTo(context, "/*");
      context.addServlet("admin", new Served(RoutingPaths.ADMIN_ROUTE)).addMapping("/api/admin/*");
      context.addServlet("api", new Served(RoutingPaths.API_ROUTE)).addMapping("/api/*");
      context.addServlet("other", new Served(null)).addMapping("/");
    };
  }

  @Test
  void ambiguousPath_servedByAContainerSetToAcceptIt_getsNoCorsHeaders() throws Exception {
    Server relaxed = start(kind().create().acceptAmbiguousPaths(), routed(RoutingPaths.policy()));
    try {
      int served = 0;
      for (RoutingPaths.Entry entry : RoutingPaths.entries()) {
        if (entry.kind() == RoutingPaths.Kind.AMBIGUOUS
            && RoutingPaths.check(relaxed.base(), entry, RoutingPaths.Reading.AS_THE_CORE)
                != null) {
          served++;
        }
      }
      RoutingPaths.Entry slash =
          new RoutingPaths.Entry(
              "encoded slash", "/api%2Fadmin/users", RoutingPaths.Kind.AMBIGUOUS, null);
      assertThat(RoutingPaths.check(relaxed.base(), slash, RoutingPaths.Reading.AS_THE_CORE))
          .as("the container serves an encoded / decoded")
          .isEqualTo(RoutingPaths.ADMIN_ROUTE);
      assertThat(served).isPositive();
    } finally {
      relaxed.stop();
    }
  }

  /** A servlet that names the route it belongs to ({@code null}: none, and a 404). */
  static final class Served extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String route;

    Served(String route) {
      this.route = route;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      if (route == null) {
        response.sendError(404);
        return;
      }
      response.setHeader(RoutingPaths.SERVED, route);
      response.setContentType("text/plain");
      response.getWriter().write(route);
    }
  }
}
