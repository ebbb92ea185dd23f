package io.jcors.jaxrs.example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** docs/adapters.md's resource, verbatim. */
@Path("/products")
public class Products {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    return "[{\"id\":1}]";
  }
}
