package io.jcors.jaxrs;

/** {@link JaxrsContract} on RESTEasy. */
class ResteasyJaxrsTest extends JaxrsContract {
  @Override
  Runtime runtime() {
    return Runtime.RESTEASY;
  }
}
