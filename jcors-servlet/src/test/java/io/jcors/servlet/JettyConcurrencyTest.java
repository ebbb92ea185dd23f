package io.jcors.servlet;

/** Many threads and policy reloads against the filter in embedded Jetty. */
class JettyConcurrencyTest extends ConcurrencyContract {
  @Override
  Container.Kind kind() {
    return Container.Kind.JETTY;
  }
}
