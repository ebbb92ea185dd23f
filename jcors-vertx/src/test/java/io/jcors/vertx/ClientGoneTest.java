package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.LoggedWarnings;
import io.jcors.testsupport.OriginFunctions;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client that closes its connection while an origin function runs: when the function completes
 * (on another thread, after Vert.x has seen the connection close), the handler answers nothing,
 * passes nothing on (the application's handlers and failure handlers do not run for a client that
 * is gone; the same when a timeout handler has answered meanwhile), nothing is logged at WARNING or
 * above (Vert.x logs through JUL here), the blocked-thread checker stays silent, and the next
 * client is answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientGoneTest {
  private static final String APP = "https://app.example.com";

  /** The origin functions' results, in the order the functions were called. */
  private final BlockingQueue<CompletableFuture<Origins>> pending = new LinkedBlockingQueue<>();

  /** The paths whose response ended with the connection closed, as Vert.x Web reports it. */
  private final BlockingQueue<String> closed = new LinkedBlockingQueue<>();

  /** Each request's Vert.x context, by path. */
  private final Map<String, Context> contexts = new ConcurrentHashMap<>();

  /** The paths the application's handler or failure handler ran for. */
  private final List<String> appRan = new CopyOnWriteArrayList<>();

  private LoggedWarnings logged;
  private final ExecutorService completer = Executors.newSingleThreadExecutor();
  private VertxServer server;

  @BeforeAll
  void start() throws Exception {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/slow/**", CorsOptions.builder().origin(OriginFunctions.pending(pending)).build())
            .route("/**", CorsOptions.builder().origin(Origins.of(APP)).build())
            .build();
    server =
        VertxServer.start(
            strict(),
            router -> {
              router
                  .route()
                  .order(CorsHandler.ORDER - 1)
                  .handler(
                      ctx -> {
                        String path = ctx.request().path();
                        contexts.put(path, ctx.vertx().getOrCreateContext());
                        ctx.addEndHandler(
                            ended -> {
                              if (ended.failed()) {
                                closed.add(path);
                              }
                            });
                        ctx.next();
                      });
              // Answers 503 when the request is not answered in 300 ms.
              router
                  .route("/slow/timed")
                  .order(CorsHandler.ORDER - 1)
                  .handler(TimeoutHandler.create(300));
              CorsHandler.of(policy).mountOn(router);
              router
                  .route()
                  .handler(
                      ctx -> {
                        appRan.add(ctx.request().path());
                        ctx.end("app");
                      })
                  .failureHandler(
                      ctx -> {
                        appRan.add("failure handler " + ctx.request().path());
                        if (!ctx.response().ended()) {
                          ctx.response().setStatusCode(ctx.statusCode()).end("failed");
                        }
                      });
            });
    logged = LoggedWarnings.on("");
  }

  @AfterAll
  void stop() throws Exception {
    logged.close();
    completer.shutdownNow();
    server.stop();
  }

  @BeforeEach
  void clear() {
    logged.clear();
    appRan.clear();
  }

  /** Warns after 150 ms on an event loop, checked every 10 ms (as in {@link BlockedThreadTest}). */
  private static VertxOptions strict() {
    return new VertxOptions()
        .setMaxEventLoopExecuteTime(150)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS);
  }

  @Test
  void preflight_clientGone_nothingWrittenNothingLogged() throws Exception {
    leaveWhilePending(
        "OPTIONS /slow/preflight HTTP/1.1\r\nHost: x\r\nOrigin: "
            + APP
            + "\r\nAccess-Control-Request-Method: PUT\r\n",
        "/slow/preflight",
        result -> result.complete(Origins.of(APP)));
  }

  @Test
  void actualRequest_clientGone_applicationNotRun() throws Exception {
    leaveWhilePending(
        "GET /slow/actual HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n",
        "/slow/actual",
        result -> result.complete(Origins.of(APP)));
  }

  @Test
  void failingFunction_clientGone_noFailureHandlerNoLog() throws Exception {
    leaveWhilePending(
        "GET /slow/failing HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n",
        "/slow/failing",
        result -> result.completeExceptionally(new IllegalStateException("store down")));
  }

  @Test
  void actualRequest_answeredByATimeoutHandlerMeanwhile_applicationNotRun() throws Exception {
    HttpResponse<String> timedOut = Http.send("GET", server.base() + "/slow/timed", "Origin", APP);
    assertThat(timedOut.statusCode()).isEqualTo(503);
    assertThat(appRan).containsExactly("failure handler /slow/timed"); // the timeout's 503
    appRan.clear();
    CompletableFuture<Origins> result = pending.poll(20, TimeUnit.SECONDS);
    assertThat(result).as("the origin function was called").isNotNull();
    completeAndCheck("/slow/timed", done -> done.complete(Origins.of(APP)), result);
  }

  /** The same over HTTP/2, where resuming a request that is ended throws in Vert.x. */
  @Test
  void http2Request_answeredByATimeoutHandlerMeanwhile_applicationNotRun() throws Exception {
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> timedOut =
        http2.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/slow/timed"))
                .timeout(Duration.ofSeconds(20))
                .header("Origin", APP)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(timedOut.version()).as("h2c").isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(timedOut.statusCode()).isEqualTo(503);
    assertThat(appRan).containsExactly("failure handler /slow/timed"); // the timeout's 503
    appRan.clear();
    CompletableFuture<Origins> result = pending.poll(20, TimeUnit.SECONDS);
    assertThat(result).as("the origin function was called").isNotNull();
    completeAndCheck("/slow/timed", done -> done.complete(Origins.of(APP)), result);
  }

  /**
   * Sends {@code head}, closes the socket once the origin function is running, waits until Vert.x
   * has seen the close, and checks what happens when the function completes with {@code complete}.
   */
  private void leaveWhilePending(
      String head, String path, Consumer<CompletableFuture<Origins>> complete) throws Exception {
    URI base = URI.create(server.base());
    CompletableFuture<Origins> result;
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      result = pending.poll(20, TimeUnit.SECONDS);
      assertThat(result).as("the origin function was called").isNotNull();
    }
    assertThat(closed.poll(20, TimeUnit.SECONDS)).as("Vert.x saw the close").isEqualTo(path);
    completeAndCheck(path, complete, result);
  }

  /**
   * Completes {@code result} with {@code complete} on another thread, then checks what the server
   * did with the request at {@code path} once the event loop has run the continuation.
   */
  private void completeAndCheck(
      String path, Consumer<CompletableFuture<Origins>> complete, CompletableFuture<Origins> result)
      throws Exception {
    completer.submit(() -> complete.accept(result)).get(20, TimeUnit.SECONDS);
    // The continuation was queued on the request's context as the function completed; a task
    // queued after it runs once it has.
    CountDownLatch ran = new CountDownLatch(1);
    contexts.get(path).runOnContext(ignored -> ran.countDown());
    assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> next = Http.send("GET", server.base() + "/next", "Origin", APP);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(Http.header(next, "Access-Control-Allow-Origin")).isEqualTo(APP);
    Thread.sleep(100); // one more round of the blocked-thread checker
    assertThat(appRan).as("handlers run").containsExactly("/next");
    assertThat(logged.lines()).as("WARNING and above").isEmpty();
  }
}
