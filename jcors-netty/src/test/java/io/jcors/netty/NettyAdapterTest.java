package io.jcors.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The adapter test kit's contract on a real Netty server, in each of the three pipelines: the
 * aggregator before the handler, the handler before the aggregator, and no aggregator. {@link
 * TestApplication} serves the kit's routes or, routed, the path corpus's two applications, read
 * with {@code QueryStringDecoder}: routes are chosen on the normal form of the path, given only
 * when that reading is the same.
 */
class NettyAdapterTest {
  /** The kit's contract with the handler in one of the pipelines. */
  abstract static class InPipeline extends AdapterContract {
    private final NettyServer.Pipeline pipeline;

    InPipeline(NettyServer.Pipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    protected Server start(CorsPolicy policy) throws Exception {
      return NettyServer.start(policy, pipeline);
    }

    @Override
    protected Server startRouted(CorsPolicy policy) throws Exception {
      return NettyServer.startRouted(policy, pipeline);
    }
  }

  @Nested
  class AggregatorFirst extends InPipeline {
    AggregatorFirst() {
      super(NettyServer.Pipeline.AGGREGATOR_FIRST);
    }

    /**
     * Found by the path corpus: the absolute form was routed on its path, /api/admin/**, while the
     * application, reading it with QueryStringDecoder, served no route of its own.
     */
    @Test
    void absoluteFormTarget_noApplicationRoute_noCorsHeadersFromRoutes() throws Exception {
      RoutingPaths.Entry entry =
          new RoutingPaths.Entry(
              "absolute form",
              "http://x/api/admin/users?q=1",
              RoutingPaths.Kind.DECODED,
              RoutingPaths.ADMIN_ROUTE);
      assertThat(checkRouted(entry, RoutingPaths.Reading.AS_THE_CORE)).isNull();
    }
  }

  @Nested
  class CorsFirst extends InPipeline {
    CorsFirst() {
      super(NettyServer.Pipeline.CORS_FIRST);
    }
  }

  @Nested
  class NoAggregator extends InPipeline {
    NoAggregator() {
      super(NettyServer.Pipeline.NO_AGGREGATOR);
    }
  }
}
