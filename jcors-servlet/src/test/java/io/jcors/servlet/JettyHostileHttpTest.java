package io.jcors.servlet;

/** Hostile HTTP against the filter in embedded Jetty. */
class JettyHostileHttpTest extends HostileHttpContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }
}
