package io.jcors.servlet;

/** Many threads and policy reloads against the filter in embedded Tomcat. */
class TomcatConcurrencyTest extends ConcurrencyContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.TOMCAT;
  }
}
