package io.jcors.jaxrs;

/** The adapter test kit's contract on Jersey (Grizzly). */
class JerseyAdapterTest extends JaxrsAdapterContract {
  @Override
  Runtime runtime() {
    return Runtime.JERSEY;
  }
}
