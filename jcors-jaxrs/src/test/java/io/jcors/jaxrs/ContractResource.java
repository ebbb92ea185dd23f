package io.jcors.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The application routes of {@link io.jcors.testsupport.AdapterContract}: {@code /vary}, {@code
 * /four-oh-four} (a {@link NotFoundException}), {@code /five-hundred} (an unmapped exception), and
 * {@code METHOD path} on every other path, for any method.
 */
@Path("/")
public class ContractResource {
  @Context private UriInfo uri;
  @Context private Request request;

  /** Made by the runtime for each request. */
  public ContractResource() {}

  @GET
  @Path("{path: .*}")
  public Response get() {
    return answer();
  }

  @POST
  @Path("{path: .*}")
  public Response post() {
    return answer();
  }

  @PUT
  @Path("{path: .*}")
  public Response put() {
    return answer();
  }

  @DELETE
  @Path("{path: .*}")
  public Response delete() {
    return answer();
  }

  @PATCH
  @Path("{path: .*}")
  public Response patch() {
    return answer();
  }

  @OPTIONS
  @Path("{path: .*}")
  public Response options() {
    return answer();
  }

  private Response answer() {
    String path = uri.getPath();
    path = path.startsWith("/") ? path : "/" + path;
    switch (path) {
      case "/four-oh-four" -> throw new NotFoundException();
      case "/five-hundred" -> throw new IllegalStateException("the application failed");
      default -> {
        Response.ResponseBuilder response =
            Response.ok(request.getMethod() + " " + path, "text/plain");
        return path.equals("/vary")
            ? response.header("Vary", "Accept-Encoding").build()
            : response.build();
      }
    }
  }
}
