package io.jcors.quarkus.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The REST endpoints of the test application: public, secured by an HTTP permission ({@code
 * /secure/*}, application.properties), failing with a mapped and an unmapped exception.
 */
@Path("/")
public class AppResource {
  /** An exception the application maps to a 500 itself. */
  public static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom");
    }
  }

  @GET
  @Path("hello")
  public String hello() {
    return "hello";
  }

  @GET
  @Path("secure/hello")
  public String secure() {
    return "secret";
  }

  @GET
  @Path("admin/hello")
  public String admin() {
    return "admin";
  }

  @GET
  @Path("async/hello")
  public String async() {
    return "async";
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new Boom();
  }

  @GET
  @Path("crash")
  public String crash() {
    throw new IllegalStateException("crash");
  }

  @GET
  @Path("vary")
  public Response vary() {
    return Response.ok("vary").header("Vary", "Accept-Encoding").build();
  }
}
