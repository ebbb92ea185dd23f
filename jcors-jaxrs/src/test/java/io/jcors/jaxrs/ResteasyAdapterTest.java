package io.jcors.jaxrs;

/** The adapter test kit's contract on RESTEasy (Undertow). */
class ResteasyAdapterTest extends JaxrsAdapterContract {
  @Override
  Runtime runtime() {
    return Runtime.RESTEASY;
  }
}
