package io.jcors.jaxrs;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.RoutingPaths;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The resources and providers of {@link JaxrsContract}'s applications. */
final class Apps {
  static final String APP_ORIGIN = "https://app.example.com";

  private Apps() {}

  /** {@link #APP_ORIGIN} only, with credentials. */
  static CorsPolicy appPolicy() {
    return CorsPolicy.of(
        CorsOptions.builder().origin(Origins.of(APP_ORIGIN)).credentials(true).build());
  }

  /**
   * An authentication filter as applications write them: pre-matching, at {@link
   * Priorities#AUTHENTICATION}, aborting a request without {@code Authorization} with a 401.
   */
  @PreMatching
  @jakarta.annotation.Priority(Priorities.AUTHENTICATION)
  static final class Authentication implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
        request.abortWith(
            Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
      }
    }
  }

  /** What {@link Errors#teapot()} throws. */
  static final class TeapotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TeapotException() {
      super("short and stout");
    }
  }

  /** Maps {@link TeapotException} to a 418 that varies on {@code Accept-Language}. */
  @Provider
  public static final class TeapotMapper implements ExceptionMapper<TeapotException> {
    /** Made by the runtime. */
    public TeapotMapper() {}

    @Override
    public Response toResponse(TeapotException exception) {
      return Response.status(418).header("Vary", "Accept-Language").entity("teapot").build();
    }
  }

  /** The application's own mapper of every exception, which wins over the feature's fallback. */
  @Provider
  public static final class EveryException implements ExceptionMapper<Throwable> {
    /** Made by the runtime. */
    public EveryException() {}

    @Override
    public Response toResponse(Throwable exception) {
      return Response.status(503).header("X-Mapped", "application").build();
    }
  }

  /** {@code /errors/teapot}: a mapped exception; {@code /errors/unmapped}: an unmapped one. */
  @Path("/errors")
  public static final class Errors {
    /** Made by the runtime. */
    public Errors() {}

    /** Throws what {@link TeapotMapper} maps. */
    @GET
    @Path("teapot")
    public String teapot() {
      throw new TeapotException();
    }

    /** Throws what no mapper of the application maps. */
    @GET
    @Path("unmapped")
    public String unmapped() {
      throw new IllegalStateException("the application failed");
    }
  }

  /**
   * The two routes of {@link RoutingPaths}, dispatched by the runtime's own matching: {@code
   * /api/admin} and below, and the rest of {@code /api}; each names its route.
   */
  @Path("/api")
  public static final class Routed {
    /** Made by the runtime. */
    public Routed() {}

    /** The admin application. */
    @GET
    @Path("admin{rest: (/.*)?}")
    public Response admin() {
      return served(RoutingPaths.ADMIN_ROUTE);
    }

    /** The rest of the API. */
    @GET
    @Path("{rest: .*}")
    public Response api() {
      return served(RoutingPaths.API_ROUTE);
    }

    private static Response served(String route) {
      return Response.ok(route, "text/plain").header(RoutingPaths.SERVED, route).build();
    }
  }
}
