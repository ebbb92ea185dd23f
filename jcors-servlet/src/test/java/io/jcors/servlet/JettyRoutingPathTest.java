package io.jcors.servlet;

/** Routes chosen on the path embedded Jetty dispatches on. */
class JettyRoutingPathTest extends RoutingPathContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }
}
