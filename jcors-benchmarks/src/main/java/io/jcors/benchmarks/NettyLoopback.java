package io.jcors.benchmarks;

import io.jcors.netty.CorsHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.cors.CorsConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server of the end-to-end measurement: {@code HttpServerCodec}, {@code
 * HttpObjectAggregator}, then jcors' {@link CorsHandler} ({@code cors}), Netty's own {@link
 * io.netty.handler.codec.http.cors.CorsHandler} with the same options ({@code native}, {@link
 * NettySubject#config}), or neither ({@code plain}), then an application answering every request
 * with {@code 200 {"ok":true}}, keeping the connection open. One event-loop thread per CPU.
 */
final class NettyLoopback {
  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private NettyLoopback() {}

  static LoopbackServer.Running start(String layer, int port) throws InterruptedException {
    io.jcors.CorsPolicy policy = LoopbackServer.policy();
    CorsConfig config = NettySubject.config(new Fixture(Fixture.ACTUAL_ALLOWED, 100));
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(
            Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
    Channel channel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    pipeline(ch.pipeline(), layer, policy, config);
                  }
                })
            .bind("127.0.0.1", port)
            .sync()
            .channel();
    return new LoopbackServer.Running() {
      @Override
      public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
      }

      @Override
      public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      }
    };
  }

  /**
   * The handlers of one connection: the codec, the aggregator, the CORS layer ({@code cors}, {@code
   * native}, {@code filter} for a handler that only passes messages on, or {@code plain} for none)
   * and the route; {@link AdapterBenchmark} runs the same pipeline on an in-memory channel.
   */
  static void pipeline(
      ChannelPipeline pipeline, String layer, io.jcors.CorsPolicy policy, CorsConfig config) {
    pipeline.addLast(new HttpServerCodec()).addLast(new HttpObjectAggregator(1 << 16));
    switch (layer) {
      case "cors" -> pipeline.addLast(new CorsHandler(policy));
      case "native" -> pipeline.addLast(new io.netty.handler.codec.http.cors.CorsHandler(config));
      case "filter" -> pipeline.addLast(new ChannelDuplexHandler());
      case "plain" -> {}
      default -> throw new IllegalArgumentException("unknown layer " + layer);
    }
    pipeline.addLast(new Data());
  }

  /** The route: 200 {"ok":true} for every method, as the other servers' route. */
  static final class Data extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ByteBuf CONTENT =
        Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(BODY));

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              request.protocolVersion(), HttpResponseStatus.OK, CONTENT.duplicate());
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      if (keepAlive) {
        ctx.write(response, ctx.voidPromise());
      } else {
        ctx.write(response).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
