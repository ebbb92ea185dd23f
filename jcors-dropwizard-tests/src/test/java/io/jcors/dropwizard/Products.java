package io.jcors.dropwizard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/products")
public class Products {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    return "[{\"id\":1}]";
  }
}
