package io.jcors.quarkus.app;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link AppResource.Boom} to a 500 with a body of the application's own. */
@Provider
public class BoomMapper implements ExceptionMapper<AppResource.Boom> {
  @Override
  public Response toResponse(AppResource.Boom exception) {
    return Response.serverError().entity("mapped: " + exception.getMessage()).build();
  }
}
