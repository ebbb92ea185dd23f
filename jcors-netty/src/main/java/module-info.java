/** jcors for Netty: a {@code ChannelDuplexHandler} for HTTP/1.1 pipelines. */
module io.jcors.netty {
  requires transitive io.jcors;
  requires transitive io.netty.codec.http;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.common;
  requires transitive io.netty.transport;

  exports io.jcors.netty;
}
