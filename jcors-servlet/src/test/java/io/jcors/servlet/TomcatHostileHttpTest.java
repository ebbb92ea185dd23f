package io.jcors.servlet;

/** Hostile HTTP against the filter in embedded Tomcat. */
class TomcatHostileHttpTest extends HostileHttpContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }
}
