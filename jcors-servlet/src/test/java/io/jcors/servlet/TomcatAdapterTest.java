package io.jcors.servlet;

/** The adapter test kit's contract on Tomcat. */
class TomcatAdapterTest extends ServletAdapterContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }
}
