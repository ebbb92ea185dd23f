package io.jcors.jaxrs;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import java.util.List;

/**
 * The adapter test kit's contract on one Jakarta REST implementation, with {@link Runtime#THREADS}
 * request threads: {@link ContractResource}, and for the path corpus {@link Apps.Routed}, matched
 * by the runtime. One subclass per implementation.
 */
abstract class JaxrsAdapterContract extends AdapterContract {
  abstract Runtime runtime();

  /**
   * Jakarta REST filters are synchronous: {@link JaxrsContract} checks the bounded wait instead.
   */
  @Override
  protected boolean waitsWithoutAThread() {
    return false;
  }

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return runtime().start(List.of(ContractResource.class, new JcorsFeature(policy)));
  }

  @Override
  protected Server startRouted(CorsPolicy policy) throws Exception {
    return runtime().start(List.of(Apps.Routed.class, new JcorsFeature(policy)));
  }

  @Override
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return runtime().reads(entry);
  }
}
