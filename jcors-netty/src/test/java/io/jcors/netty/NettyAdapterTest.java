package io.jcors.netty;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import org.junit.jupiter.api.Nested;

/**
 * The adapter test kit's contract on a real Netty server, in each of the three pipelines: the
 * aggregator before the handler, the handler before the aggregator, and no aggregator.
 */
class NettyAdapterTest {
  @Nested
  class AggregatorFirst extends AdapterContract {
    @Override
    protected Server start(CorsPolicy policy) throws Exception {
      return NettyServer.start(policy, NettyServer.Pipeline.AGGREGATOR_FIRST);
    }
  }

  @Nested
  class CorsFirst extends AdapterContract {
    @Override
    protected Server start(CorsPolicy policy) throws Exception {
      return NettyServer.start(policy, NettyServer.Pipeline.CORS_FIRST);
    }
  }

  @Nested
  class NoAggregator extends AdapterContract {
    @Override
    protected Server start(CorsPolicy policy) throws Exception {
      return NettyServer.start(policy, NettyServer.Pipeline.NO_AGGREGATOR);
    }
  }
}
