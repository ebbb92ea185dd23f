package io.jcors.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RoutingPaths;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter's routes are chosen on the path the container dispatches on: every path of {@link
 * RoutingPaths} gets the CORS headers of the servlet the container chose (mapped to {@code
 * /api/admin/*} and {@code /api/*}), or none. One subclass per container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoutingPathContract {
  private Container container;
  private String base;

  abstract Container.Kind kind();

  @BeforeAll
  void start() throws Exception {
    container = kind().create();
    base = container.start(RoutingPathContract::setUp);
  }

  @AfterAll
  void stop() throws Exception {
    container.close();
  }

  /** The routed filter on every path, and one servlet per route, each naming its route. */
  static void setUp(ServletContext context) {
    new CorsFilter(RoutingPaths.policy()).addTo(context, "/*");
    context.addServlet("admin", new Served(RoutingPaths.ADMIN_ROUTE)).addMapping("/api/admin/*");
    context.addServlet("api", new Served(RoutingPaths.API_ROUTE)).addMapping("/api/*");
    context.addServlet("other", new Served(null)).addMapping("/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.jcors.testsupport.RoutingPaths#cases")
  void path_getsTheCorsHeadersOfTheServletTheContainerChose(RoutingPaths.Entry entry)
      throws IOException {
    RoutingPaths.check(base, entry, true);
  }

  @Test
  void encodedLetter_reachesTheAdminServlet_withTheAdminRoutesHeaders() throws IOException {
    // The finding: this request got Access-Control-Allow-Origin: https://partner.example and
    // credentials from the /api/** route while the container served it from the admin servlet.
    RoutingPaths.Entry entry =
        new RoutingPaths.Entry(
            "encoded a", "/api/%61dmin/users", RoutingPaths.Kind.DECODED, RoutingPaths.ADMIN_ROUTE);
    assertThat(RoutingPaths.check(base, entry, true)).isEqualTo(RoutingPaths.ADMIN_ROUTE);
  }

  @Test
  void ambiguousPath_servedByAContainerSetToAcceptIt_getsNoCorsHeaders() throws Exception {
    Container relaxed = kind().create().acceptAmbiguousPaths();
    String relaxedBase = relaxed.start(RoutingPathContract::setUp);
    try {
      int served = 0;
      for (RoutingPaths.Entry entry : RoutingPaths.entries()) {
        if (entry.kind() == RoutingPaths.Kind.AMBIGUOUS
            && RoutingPaths.check(relaxedBase, entry, true) != null) {
          served++;
        }
      }
      RoutingPaths.Entry slash =
          new RoutingPaths.Entry(
              "encoded slash", "/api%2Fadmin/users", RoutingPaths.Kind.AMBIGUOUS, null);
      assertThat(RoutingPaths.check(relaxedBase, slash, true))
          .as("the container serves an encoded / decoded")
          .isEqualTo(RoutingPaths.ADMIN_ROUTE);
      assertThat(served).isPositive();
    } finally {
      relaxed.close();
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
