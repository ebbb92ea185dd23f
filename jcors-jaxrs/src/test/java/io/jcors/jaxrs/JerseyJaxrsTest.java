package io.jcors.jaxrs;

/** {@link JaxrsContract} on Jersey. */
class JerseyJaxrsTest extends JaxrsContract {
  @Override
  Runtime runtime() {
    return Runtime.JERSEY;
  }
}
