package io.jcors.benchmarks;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's {@link CorsHandler} in a real pipeline (an {@link EmbeddedChannel}): the decoded request
 * is handed to {@code channelRead} of the handler's own context; the application handler behind it
 * answers with a reused response, which passes back through the CORS handler's {@code write} (where
 * Netty adds the headers of actual requests). Preflights are answered by the CORS handler itself.
 * An outbound sink at the head of the pipeline drops what is written, so no I/O is measured.
 */
final class NettySubject implements Subject {
  private final FullHttpRequest request;
  private final FullHttpResponse response =
      new DefaultFullHttpResponse(
          HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
  private final Sink sink = new Sink();
  private final ChannelHandlerContext context;
  private final CorsHandler cors;

  NettySubject(Fixture fixture) {
    this.cors = new CorsHandler(config(fixture));
    EmbeddedChannel channel = new EmbeddedChannel(sink, cors, new Application(response));
    this.context = channel.pipeline().context(cors);
    this.request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(fixture.method),
            Fixture.PATH,
            Unpooled.EMPTY_BUFFER);
    for (String[] field : fixture.headers) {
      request.headers().add(field[0], field[1]);
    }
  }

  /**
   * Netty's configuration of the comparison's options: the fixture's origins, credentials, methods,
   * allowed and exposed headers, max-age; not short-circuited (a refused origin's request reaches
   * the application, as with jcors).
   */
  static CorsConfig config(Fixture fixture) {
    HttpMethod[] methods = new HttpMethod[Fixture.METHODS.size()];
    for (int i = 0; i < methods.length; i++) {
      methods[i] = HttpMethod.valueOf(Fixture.METHODS.get(i));
    }
    return CorsConfigBuilder.forOrigins(fixture.origins.toArray(new String[0]))
        .allowCredentials()
        .allowedRequestMethods(methods)
        .allowedRequestHeaders(Fixture.ALLOWED_HEADERS.toArray(new String[0]))
        .exposeHeaders(Fixture.EXPOSED_HEADERS.toArray(new String[0]))
        .maxAge(Fixture.MAX_AGE)
        // By default Netty adds a Date header to preflights, computed per request; no other
        // implementation does, so it is turned off to compare the same work.
        .noPreflightResponseHeaders()
        .build();
  }

  @Override
  public Object handle() throws Exception {
    response.headers().clear();
    sink.written = null;
    cors.channelRead(context, request);
    return sink.written;
  }

  @Override
  public String responseHeader(String name) {
    return sink.written == null ? null : sink.written.headers().get(name);
  }

  /** The application: answers every request it gets with the same response. */
  static final class Application extends ChannelInboundHandlerAdapter {
    private final FullHttpResponse response;

    Application(FullHttpResponse response) {
      this.response = response;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(response, ctx.voidPromise());
    }
  }

  /** Stands for the socket: keeps the last response written and drops it. */
  static final class Sink extends ChannelOutboundHandlerAdapter {
    HttpResponse written;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      written = (HttpResponse) msg;
      ReferenceCountUtil.release(msg); // a no-op for the application's reused empty response
      promise.trySuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {}
  }
}
