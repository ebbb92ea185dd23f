package io.jcors.jaxrs;

import io.jcors.testsupport.RoutingPaths;
import java.util.Set;

/** {@link JaxrsContract} on Jersey. */
class JerseyJaxrsTest extends JaxrsContract {
  @Override
  Runtime runtime() {
    return Runtime.JERSEY;
  }

  /** Grizzly removes a {@code ;jsessionid} parameter before Jersey reads the path. */
  @Override
  boolean resolves(RoutingPaths.Entry entry) {
    return entry.rawPath().contains(";jsessionid=");
  }

  /**
   * Jersey's Grizzly container cannot make a {@code java.net.URI} of a raw {@code \} or an invalid
   * percent-encoding, and answers 500 before any filter.
   */
  @Override
  boolean rejectedByTheServer(RoutingPaths.Entry entry) {
    return Set.of("raw backslash", "invalid hex", "truncated escape", "lone percent")
        .contains(entry.name());
  }
}
