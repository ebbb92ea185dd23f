package io.jcors.jaxrs;

import io.jcors.testsupport.RoutingPaths;

/** {@link JaxrsContract} on RESTEasy. */
class ResteasyJaxrsTest extends JaxrsContract {
  @Override
  Runtime runtime() {
    return Runtime.RESTEASY;
  }

  @Override
  boolean resolves(RoutingPaths.Entry entry) {
    return false;
  }

  @Override
  boolean rejectedByTheServer(RoutingPaths.Entry entry) {
    return false;
  }
}
