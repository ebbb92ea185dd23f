package io.jcors.jaxrs;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import java.util.List;

/**
 * The adapter test kit's contract on Jersey (Grizzly), with {@link Runtime#THREADS} request
 * threads.
 */
class JerseyAdapterTest extends AdapterContract {
  /**
   * Jakarta REST filters are synchronous: {@link JaxrsContract} checks the bounded wait instead.
   */
  @Override
  protected boolean waitsWithoutAThread() {
    return false;
  }

  @Override
  protected Server start(CorsPolicy policy) throws Exception {
    return Runtime.JERSEY.start(List.of(ContractResource.class, new JcorsFeature(policy)));
  }
}
