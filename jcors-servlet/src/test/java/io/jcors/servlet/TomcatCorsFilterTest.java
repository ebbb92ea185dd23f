package io.jcors.servlet;

/** The filter in embedded Tomcat. */
class TomcatCorsFilterTest extends CorsFilterContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }
}
