package io.jcors.netty;

import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A real Netty server on 127.0.0.1, an ephemeral port: {@link HttpServerCodec}, then either an
 * {@link HttpObjectAggregator} before the {@link CorsHandler}, the handler before the aggregator,
 * or no aggregator at all, then {@link TestApplication} (routed or not).
 */
final class NettyServer implements AdapterContract.Server {
  /** The event-loop threads requests run on. */
  static final int THREADS = 2;

  /** Where the aggregator is, if there is one. */
  enum Pipeline {
    AGGREGATOR_FIRST,
    CORS_FIRST,
    NO_AGGREGATOR
  }

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;

  private NettyServer(CorsPolicy policy, Pipeline pipeline, boolean routed)
      throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(THREADS, NioIoHandler.newFactory());
    channel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpServerCodec());
                    switch (pipeline) {
                      case AGGREGATOR_FIRST ->
                          ch.pipeline()
                              .addLast(new HttpObjectAggregator(1 << 16))
                              .addLast(new CorsHandler(policy));
                      case CORS_FIRST ->
                          ch.pipeline()
                              .addLast(new CorsHandler(policy))
                              .addLast(new HttpObjectAggregator(1 << 16));
                      case NO_AGGREGATOR -> ch.pipeline().addLast(new CorsHandler(policy));
                    }
                    ch.pipeline().addLast(new TestApplication(routed));
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  static NettyServer start(CorsPolicy policy, Pipeline pipeline) throws InterruptedException {
    return new NettyServer(policy, pipeline, false);
  }

  /** A server whose application is {@link TestApplication}'s routed one, for the path corpus. */
  static NettyServer startRouted(CorsPolicy policy, Pipeline pipeline) throws InterruptedException {
    return new NettyServer(policy, pipeline, true);
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
  }

  int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public int requestThreads() {
    return THREADS;
  }

  @Override
  public void stop() throws InterruptedException {
    channel.close().sync();
    boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
  }
}
