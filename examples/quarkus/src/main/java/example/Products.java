package example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The API: public products, and an account for signed-in users only (application.properties). */
@Path("/api")
public class Products {
  @GET
  @Path("products/{id}")
  public String product(@PathParam("id") String id) {
    return "{\"id\":\"" + id.replaceAll("[^0-9A-Za-z-]", "") + "\"}";
  }

  @GET
  @Path("account")
  public String account() {
    return "{\"user\":\"alice\"}";
  }
}
