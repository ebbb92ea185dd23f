package io.jcors.netty;

import io.jcors.testsupport.RoutingPaths;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The application routes of the adapter contract, as a Netty application writes them: it answers
 * when the request's last content arrives (one {@code FullHttpRequest} behind an aggregator, a head
 * and its contents without), and flushes on {@code channelReadComplete} as Netty's examples do.
 *
 * <ul>
 *   <li>{@code /vary}: {@code Vary: Accept-Encoding}, 200;
 *   <li>{@code /four-oh-four}: 404;
 *   <li>{@code /five-hundred}: throws; {@link #exceptionCaught} answers 500;
 *   <li>{@code /chunked}: 200 in three chunks ({@code Transfer-Encoding: chunked});
 *   <li>{@code /later}: 200 {@code METHOD path}, 200 ms later, from the event loop; the requests
 *       pipelined behind it wait until it is answered, as HTTP/1.1 needs;
 *   <li>every other path: 200, {@code text/plain}, {@code METHOD path}.
 * </ul>
 *
 * <p>Made {@code routed} (the path corpus's application), it serves only the two applications of
 * {@link RoutingPaths}, dispatching on the path as {@code QueryStringDecoder} reads it, and answers
 * 404 on every other path, as an application routing by hand does.
 *
 * <p>A head the codec could not read gets 400 and the connection is closed.
 */
final class TestApplication extends ChannelInboundHandlerAdapter {
  /** The request being read; the application's own state, one request at a time. */
  private HttpRequest request;

  /** Whether only the path corpus's two applications are served. */
  private final boolean routed;

  TestApplication(boolean routed) {
    this.routed = routed;
  }

  /** Whether {@code /later} is being answered: the requests after it wait, as HTTP/1.1 needs. */
  private boolean busy;

  private final ArrayDeque<Object> waiting = new ArrayDeque<>();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (busy) {
      waiting.add(msg);
      return;
    }
    try {
      if (msg instanceof HttpRequest head) {
        request = head;
        if (head.decoderResult().isFailure()) {
          FullHttpResponse bad =
              new DefaultFullHttpResponse(
                  head.protocolVersion(), HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER);
          HttpUtil.setContentLength(bad, 0);
          ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
          request = null;
          return;
        }
      }
      if (msg instanceof LastHttpContent && request != null) {
        HttpRequest answered = request;
        request = null;
        answer(ctx, answered);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void answer(ChannelHandlerContext ctx, HttpRequest request) {
    String path;
    try {
      path = new QueryStringDecoder(request.uri()).path();
    } catch (IllegalArgumentException e) {
      send(ctx, request, HttpResponseStatus.BAD_REQUEST, "", null); // invalid percent-encoding
      return;
    }
    if (routed && RoutingPaths.routeOf(path) == null) {
      send(ctx, request, HttpResponseStatus.NOT_FOUND, "", null);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    switch (path) {
      case "/four-oh-four" -> send(ctx, request, HttpResponseStatus.NOT_FOUND, "", null);
      case "/five-hundred" -> throw new IllegalStateException("the application failed");
      case "/vary" ->
          send(ctx, request, HttpResponseStatus.OK, body(request, path), "Accept-Encoding");
      case "/later" -> {
        busy = true;
        ctx.executor()
            .schedule(
                () -> {
                  send(ctx, request, HttpResponseStatus.OK, body(request, path), null);
                  busy = false;
                  while (!busy && !waiting.isEmpty()) {
                    channelRead(ctx, waiting.poll());
                  }
                  ctx.flush();
                },
                200,
                TimeUnit.MILLISECONDS);
      }
      case "/chunked" -> {
        HttpResponse head =
            new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        ctx.write(head);
        ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("one ", StandardCharsets.UTF_8)));
        ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("two ", StandardCharsets.UTF_8)));
        ctx.write(
                new DefaultLastHttpContent(Unpooled.copiedBuffer("three", StandardCharsets.UTF_8)))
            .addListener(
                keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
      }
      default -> send(ctx, request, HttpResponseStatus.OK, body(request, path), null);
    }
  }

  private static String body(HttpRequest request, String path) {
    return request.method().name() + " " + path;
  }

  private static void send(
      ChannelHandlerContext ctx,
      HttpRequest request,
      HttpResponseStatus status,
      String body,
      String vary) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request.protocolVersion(), status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (vary != null) {
      response.headers().set(HttpHeaderNames.VARY, vary);
    }
    String route =
        status.code() == 200
            ? RoutingPaths.routeOf(new QueryStringDecoder(request.uri()).path())
            : null;
    if (route != null) {
      response.headers().set(RoutingPaths.SERVED, route);
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.write(response)
        .addListener(
            keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  /** What a Netty application does with its own exception: a 500, then the connection closes. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    FullHttpResponse error =
        new DefaultFullHttpResponse(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            HttpResponseStatus.INTERNAL_SERVER_ERROR,
            Unpooled.EMPTY_BUFFER);
    HttpUtil.setContentLength(error, 0);
    HttpUtil.setKeepAlive(error, false);
    ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
  }
}
