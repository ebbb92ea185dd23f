package io.jcors.servlet;

/** The adapter test kit's contract on Jetty. */
class JettyAdapterTest extends ServletAdapterContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }
}
