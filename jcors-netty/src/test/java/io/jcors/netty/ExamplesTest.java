package io.jcors.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the Netty example of docs/adapters.md and the handler's Javadoc example, verbatim. */
class ExamplesTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> get(Channel server, String origin) throws Exception {
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products"))
            .header("Origin", origin)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> preflight(Channel server) throws Exception {
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://app.example.com")
            .header("Access-Control-Request-Method", "PUT")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void docsExample_servesProductsWithCors() throws Exception {
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 16))
                        .addLast(new CorsHandler(policy))
                        .addLast(
                            new SimpleChannelInboundHandler<FullHttpRequest>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, FullHttpRequest request) {
                                FullHttpResponse response =
                                    new DefaultFullHttpResponse(
                                        request.protocolVersion(),
                                        HttpResponseStatus.OK,
                                        Unpooled.copiedBuffer(
                                            "[{\"id\":1}]", StandardCharsets.UTF_8));
                                response
                                    .headers()
                                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                                HttpUtil.setContentLength(
                                    response, response.content().readableBytes());
                                boolean keepAlive = HttpUtil.isKeepAlive(request);
                                HttpUtil.setKeepAlive(response, keepAlive);
                                ChannelFuture sent = ctx.writeAndFlush(response);
                                if (!keepAlive) {
                                  sent.addListener(ChannelFutureListener.CLOSE);
                                }
                              }
                            });
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    System.out.println("listening on " + server.localAddress());

    try {
      HttpResponse<String> response = get(server, "https://app.example.com");
      assertThat(response.body()).isEqualTo("[{\"id\":1}]");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
      HttpResponse<String> refused = get(server, "https://evil.example");
      assertThat(refused.statusCode()).isEqualTo(200);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> preflight = preflight(server);
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");
    } finally {
      server.close().sync();
      group.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }

  /** The application handler of the Javadoc example. */
  static final class ProductsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              request.protocolVersion(),
              HttpResponseStatus.OK,
              Unpooled.copiedBuffer("[]", StandardCharsets.UTF_8));
      HttpUtil.setContentLength(response, 2);
      ctx.writeAndFlush(response);
    }
  }

  @Test
  void javadocExample_handlerAfterTheAggregator() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 16))
                        .addLast(new CorsHandler(policy))
                        .addLast(new ProductsHandler());
                  }
                });

    Channel server = bootstrap.bind("127.0.0.1", 0).sync().channel();
    try {
      HttpResponse<String> response = get(server, "https://app.example.com");
      assertThat(response.body()).isEqualTo("[]");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(preflight(server).statusCode()).isEqualTo(204);
    } finally {
      server.close().sync();
      group.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }
}
