package io.jcors.servlet;

/** The filter in embedded Jetty. */
class JettyCorsFilterTest extends CorsFilterContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }
}
