package io.jcors.jaxrs;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * What Jakarta REST's default exception mapper answers (a {@link WebApplicationException}'s own
 * response, a 500 for any other exception), as a mapper the application registered: the response
 * filters run on its response, so an unmapped exception's 500 carries the CORS headers. Jersey
 * skips its own default mapper and hands an unmapped exception to the container, which answers
 * after every filter. Any mapper of the application wins: a closer type, and at {@code Throwable}
 * the lowest priority.
 */
final class FallbackMapper implements ExceptionMapper<Throwable> {
  private static final System.Logger LOG = System.getLogger("io.jcors.jaxrs");

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof WebApplicationException web) {
      return web.getResponse();
    }
    LOG.log(System.Logger.Level.ERROR, "unmapped exception, answered with a 500", exception);
    return Response.serverError()
        .type("text/plain; charset=utf-8")
        .entity("Internal Server Error\n")
        .build();
  }
}
