package io.jcors.netty;

import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Applies a jcors policy in a Netty HTTP/1.1 pipeline: {@code app.use(cors())} for a Netty server.
 * Add one per connection, after {@link io.netty.handler.codec.http.HttpServerCodec} (and before or
 * after an {@link io.netty.handler.codec.http.HttpObjectAggregator}), before the application's
 * handlers:
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
 * ServerBootstrap bootstrap = new ServerBootstrap()
 *     .group(group)
 *     .channel(NioServerSocketChannel.class)
 *     .childHandler(new ChannelInitializer<SocketChannel>() {
 *       protected void initChannel(SocketChannel channel) {
 *         channel.pipeline()
 *             .addLast(new HttpServerCodec())
 *             .addLast(new HttpObjectAggregator(1 << 16))
 *             .addLast(new CorsHandler(policy))
 *             .addLast(new ProductsHandler());
 *       }
 *     });
 * }</pre>
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus}, {@code Content-Length: 0} and
 * the connection kept open as the request asks, unless {@code preflightContinue} passes them on;
 * every other request is passed on unchanged, and the decision's headers are added to the
 * application's {@link HttpResponse} as it is written (a header the application set itself stays;
 * the CORS names are merged into its {@code Vary}). A request without {@code Origin}, a same-origin
 * request and a refused origin's request all reach the application: this handler never answers an
 * actual request with an error of its own.
 *
 * <p>The handler keeps no request in a field: it holds, per connection, the requests whose
 * responses have not left yet, in the order they arrived, which is the order HTTP/1.1 answers
 * pipelined requests in (RFC 9112 section 9.3.2); a preflight pipelined behind a request the
 * application is still answering is answered after it. When an origin or options function completes
 * later, the request and whatever the connection sends after it are held (reading paused, so no
 * more than one read's worth) and passed on, in order, on the connection's event loop when it
 * completes; no thread waits. When the function fails, the client gets a 500.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the normal form of the request
 * target's path ({@link io.jcors.RequestPath}); a path that an application decoding it with {@link
 * io.netty.handler.codec.http.QueryStringDecoder} would read differently (one with {@code ;}
 * parameters, dot segments or empty segments), or that cannot be decoded without ambiguity, gets no
 * CORS headers from them.
 *
 * <p>Not {@link io.netty.channel.ChannelHandler.Sharable}: one instance per connection, as above;
 * the policy may be shared by all of them.
 */
public final class CorsHandler extends ChannelDuplexHandler {
  private static final System.Logger LOG = System.getLogger("io.jcors.netty");

  /**
   * How many requests may wait for their responses before reading pauses: a client pipelining
   * preflights behind a slow response cannot make the handler keep an unbounded queue of answers.
   */
  static final int MAX_WAITING_RESPONSES = 64;

  private static final byte[] SERVER_ERROR =
      "Internal Server Error\n".getBytes(StandardCharsets.UTF_8);

  private final CorsPolicy policy;

  /** The requests whose responses have not left yet, oldest first. */
  private final ArrayDeque<PendingRequest> responses = new ArrayDeque<>(2);

  /** What the connection sent after a request whose decision is not made yet, in order. */
  private final ArrayDeque<Object> held = new ArrayDeque<>(0);

  /** Whether a decision is still being made: inbound messages are held until it is. */
  private boolean deciding;

  /** This handler's context in its connection's pipeline (one: the handler is not sharable). */
  private ChannelHandlerContext context;

  /**
   * {@link #holdUntil} for the policy's stage, made once per connection rather than per request.
   */
  private final BiConsumer<PendingRequest, CompletionStage<CorsDecision>> holdUntil =
      (pending, decision) -> holdUntil(context, pending, decision);

  /**
   * Whether this handler turned reading off (while deciding, or while too many responses wait), and
   * turns it on again after.
   */
  private boolean pausedReading;

  /**
   * Whether the rest of a request's body is dropped: the handler answered it, not the application.
   */
  private boolean dropping;

  /** A handler applying {@code policy}. */
  public CorsHandler(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A handler applying {@code options} on every path. */
  public CorsHandler(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (deciding) {
      held.add(msg);
      return;
    }
    read(ctx, msg);
  }

  /** Handles one inbound message while no decision is pending. */
  private void read(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      dropping = false;
      PendingRequest pending = new PendingRequest(request);
      if (request.decoderResult().isFailure()) {
        // A head the codec could not read: no CORS; the application answers it (usually 400).
        queue(ctx, pending);
        ctx.fireChannelRead(msg);
        return;
      }
      CorsDecision now = policy.decideNowOrLater(pending, holdUntil);
      if (now != null) {
        decided(ctx, pending, now);
      }
      return;
    }
    if (dropping && msg instanceof HttpContent) {
      dropping = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Holds the connection's input until {@code decision} completes, then carries on on the event
   * loop. Reading is paused meanwhile, so that a client pipelining requests behind this one cannot
   * make the handler hold more than what one read already decoded.
   */
  private void holdUntil(
      ChannelHandlerContext ctx, PendingRequest pending, CompletionStage<CorsDecision> decision) {
    deciding = true;
    pauseReading(ctx);
    decision.whenComplete(
        (decided, error) -> {
          if (ctx.executor().inEventLoop()) {
            resume(ctx, pending, decided, error);
            return;
          }
          try {
            ctx.executor().execute(() -> resume(ctx, pending, decided, error));
          } catch (RejectedExecutionException e) {
            // The event loop is shutting down: the connection closes, and with it what was held
            // (handlerRemoved); the request itself is released here.
            ReferenceCountUtil.release(pending.message);
          }
        });
  }

  /** On the event loop, once a function completed: apply its decision, then what was held. */
  private void resume(
      ChannelHandlerContext ctx, PendingRequest pending, CorsDecision decided, Throwable error) {
    deciding = false;
    if (ctx.isRemoved() || !ctx.channel().isActive()) {
      ReferenceCountUtil.release(pending.message);
      releaseHeld();
      return;
    }
    if (error != null) {
      failed(ctx, pending, error); // a CorsResolutionException
    } else {
      decided(ctx, pending, decided);
    }
    while (!deciding && !held.isEmpty()) {
      read(ctx, held.poll());
    }
    // The read that brought these messages completed while they were held: applications that
    // flush on channelReadComplete see it again now.
    ctx.fireChannelReadComplete();
    resumeReading(ctx);
  }

  private void pauseReading(ChannelHandlerContext ctx) {
    if (!pausedReading && ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(false);
      pausedReading = true;
    }
  }

  /** Turns reading on again once nothing is being decided and few enough responses wait. */
  private void resumeReading(ChannelHandlerContext ctx) {
    if (pausedReading && !deciding && responses.size() <= MAX_WAITING_RESPONSES) {
      pausedReading = false;
      ctx.channel().config().setAutoRead(true);
    }
  }

  /**
   * Adds {@code pending} to the requests awaiting their responses; pauses reading past the bound.
   */
  private void queue(ChannelHandlerContext ctx, PendingRequest pending) {
    responses.add(pending);
    if (responses.size() > MAX_WAITING_RESPONSES) {
      pauseReading(ctx);
    }
  }

  /** Applies a decision: answer the preflight, or pass the request on to the application. */
  private void decided(ChannelHandlerContext ctx, PendingRequest pending, CorsDecision decision) {
    pending.decision = decision;
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      FullHttpResponse answer = response(pending, HttpResponseStatus.valueOf(decision.status()));
      pending.writeOn(answer.headers());
      answer(ctx, pending, answer);
      return;
    }
    queue(ctx, pending);
    Object msg = pending.message;
    pending.message = null;
    ctx.fireChannelRead(msg);
  }

  private void failed(ChannelHandlerContext ctx, PendingRequest pending, Throwable error) {
    LOG.log(System.Logger.Level.ERROR, "CORS: " + error.getMessage(), error);
    pending.decision = null;
    FullHttpResponse answer =
        new DefaultFullHttpResponse(
            pending.request().protocolVersion(),
            HttpResponseStatus.INTERNAL_SERVER_ERROR,
            Unpooled.wrappedBuffer(SERVER_ERROR));
    answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, SERVER_ERROR.length);
    HttpUtil.setKeepAlive(answer, pending.keepAlive());
    answer(ctx, pending, answer);
  }

  /** An empty response to {@code pending} with {@code status}, keeping the connection as asked. */
  private static FullHttpResponse response(PendingRequest pending, HttpResponseStatus status) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            pending.request().protocolVersion(), status, Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
    HttpUtil.setKeepAlive(response, pending.keepAlive());
    return response;
  }

  /**
   * Answers {@code pending} here: its body, if any, is dropped; the answer leaves now, or after the
   * responses to the requests before it.
   */
  private void answer(ChannelHandlerContext ctx, PendingRequest pending, FullHttpResponse answer) {
    Object msg = pending.message;
    pending.message = null;
    dropping = !(msg instanceof LastHttpContent);
    ReferenceCountUtil.release(msg);
    pending.answer = answer;
    queue(ctx, pending);
    if (responses.size() == 1) {
      sendAnswers(ctx);
      ctx.flush();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    PendingRequest head = responses.peek();
    if (head != null && head.answer == null) {
      if (msg instanceof HttpResponse response
          && !head.responseStarted
          && !isInterim(response.status())) {
        head.responseStarted = true;
        if (head.decision != null && !head.decision.isEmpty()) {
          head.writeOn(response.headers());
        }
      }
      if (msg instanceof LastHttpContent && head.responseStarted) {
        ctx.write(msg, promise);
        responses.poll();
        if (!responses.isEmpty() && responses.peek().answer != null) {
          sendAnswers(ctx); // the application flushes what it wrote, and these with it
        }
        resumeReading(ctx);
        return;
      }
    }
    ctx.write(msg, promise);
  }

  /** 1xx responses other than 101 precede the final response (RFC 9110 section 15.2). */
  private static boolean isInterim(HttpResponseStatus status) {
    return status.codeClass() == HttpStatusClass.INFORMATIONAL
        && status.code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code();
  }

  /**
   * Writes the handler's own answers at the head of the queue, up to the application's next one.
   */
  private void sendAnswers(ChannelHandlerContext ctx) {
    PendingRequest head;
    while ((head = responses.peek()) != null && head.answer != null) {
      responses.poll();
      boolean keepAlive = head.keepAlive();
      FullHttpResponse answer = head.answer;
      head.answer = null;
      if (keepAlive) {
        ctx.write(answer, ctx.voidPromise());
      } else {
        ctx.write(answer).addListener(ChannelFutureListener.CLOSE);
        return;
      }
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseHeld();
    for (PendingRequest pending : responses) {
      ReferenceCountUtil.release(pending.answer);
      pending.answer = null;
    }
    responses.clear();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseHeld();
    super.channelInactive(ctx);
  }

  private void releaseHeld() {
    Object msg;
    while ((msg = held.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
