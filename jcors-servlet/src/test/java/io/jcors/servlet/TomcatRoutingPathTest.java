package io.jcors.servlet;

/** Routes chosen on the path embedded Tomcat dispatches on. */
class TomcatRoutingPathTest extends RoutingPathContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }
}
