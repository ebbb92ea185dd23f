package io.jcors.micronaut;

import io.jcors.testsupport.RoutingPaths;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The two applications of {@link RoutingPaths}, chosen by Micronaut's own router: {@code
 * /api/admin} and below to the admin application, the rest of {@code /api} to the API. Each names
 * the route it served.
 */
@Controller
@Requires(property = "test.app", value = "routing")
class RoutingApi {
  @Get("/api/admin")
  MutableHttpResponse<String> adminRoot() {
    return served(RoutingPaths.ADMIN_ROUTE);
  }

  @Get("/api/admin/{+rest}")
  MutableHttpResponse<String> admin(String rest) {
    return served(RoutingPaths.ADMIN_ROUTE);
  }

  @Get("/api")
  MutableHttpResponse<String> apiRoot() {
    return served(RoutingPaths.API_ROUTE);
  }

  @Get("/api/{+rest}")
  MutableHttpResponse<String> api(String rest) {
    return served(RoutingPaths.API_ROUTE);
  }

  private static MutableHttpResponse<String> served(String route) {
    return HttpResponse.ok(route).header(RoutingPaths.SERVED, route);
  }
}
