/**
 * jcors for Jakarta REST (JAX-RS): filters for Jersey, RESTEasy and every other implementation of
 * the Jakarta REST 3.1 or 4 API.
 */
module io.jcors.jaxrs {
  requires transitive io.jcors;
  requires transitive jakarta.ws.rs;

  exports io.jcors.jaxrs;
}
