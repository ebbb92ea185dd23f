/**
 * jcors for Jakarta REST (JAX-RS): one {@code Feature} with a pre-matching request filter and a
 * response filter, for Jersey, RESTEasy and other implementations of the Jakarta REST 4 API.
 */
module io.jcors.jaxrs {
  requires transitive io.jcors;
  requires transitive jakarta.ws.rs;

  exports io.jcors.jaxrs;
}
