package io.jcors.servlet;

/** Error responses of embedded Tomcat keep the CORS headers and Vary. */
class TomcatErrorResponseTest extends ErrorResponseContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }

  @Override
  boolean filtersRunOnUnmappedPaths() {
    return false;
  }
}
