package io.jcors.servlet;

/** Error responses of embedded Jetty keep the CORS headers and Vary. */
class JettyErrorResponseTest extends ErrorResponseContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }

  @Override
  boolean filtersRunOnUnmappedPaths() {
    return true;
  }
}
