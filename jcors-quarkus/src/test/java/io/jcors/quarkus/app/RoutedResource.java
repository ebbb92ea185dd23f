package io.jcors.quarkus.app;

import io.jcors.testsupport.RoutingPaths;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The routes of {@link RoutingPaths} served by Quarkus REST's own dispatch: {@code /api/admin} and
 * below by the admin methods, the rest of {@code /api} by the API methods, each naming its route in
 * {@link RoutingPaths#SERVED}.
 */
@Path("/api")
public class RoutedResource {
  @GET
  public Response api() {
    return served(RoutingPaths.API_ROUTE);
  }

  @GET
  @Path("{rest: .*}")
  public Response apiBelow() {
    return served(RoutingPaths.API_ROUTE);
  }

  @GET
  @Path("admin")
  public Response admin() {
    return served(RoutingPaths.ADMIN_ROUTE);
  }

  @GET
  @Path("admin/{rest: .*}")
  public Response adminBelow() {
    return served(RoutingPaths.ADMIN_ROUTE);
  }

  private static Response served(String route) {
    return Response.ok(route).header(RoutingPaths.SERVED, route).build();
  }
}
