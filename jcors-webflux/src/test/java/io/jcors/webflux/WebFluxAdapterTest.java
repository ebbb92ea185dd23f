package io.jcors.webflux;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;

/** The adapter test kit's contract on Reactor Netty, with an event loop of two threads. */
class WebFluxAdapterTest extends AdapterContract {
  @Override
  protected Server start(CorsPolicy policy) {
    return Netty.start(policy, new ContractApp());
  }
}
