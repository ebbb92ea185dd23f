package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vert.x's blocked-thread checker, set to warn after 150 ms on an event loop, stays silent while
 * many requests wait for origin and options functions that complete 600 ms later: no event loop
 * waits. (A limit well below the functions' delay and well above a busy machine's pauses: a handler
 * that waited for a function would hold its event loop for the whole delay.)
 */
class BlockedThreadTest {
  private static final String APP = "https://app.example.com";
  private static final int REQUESTS = 24;
  private static final long FUNCTION_MILLIS = 600;

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger checker = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void release() {
    checker.removeHandler(capture);
    later.shutdownNow();
  }

  /** Warns after 150 ms on an event loop, checked every 10 ms. */
  private static VertxOptions strict() {
    return new VertxOptions()
        .setMaxEventLoopExecuteTime(150)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS);
  }

  /** Completes with {@code value} after {@link #FUNCTION_MILLIS}, on another thread. */
  private <T> CompletableFuture<T> completedLater(T value) {
    CompletableFuture<T> result = new CompletableFuture<>();
    later.schedule(() -> result.complete(value), FUNCTION_MILLIS, TimeUnit.MILLISECONDS);
    return result;
  }

  @Test
  void asyncOriginAndOptionsFunctions_manyPending_checkerSilent() throws Exception {
    CorsOptions partner = CorsOptions.builder().origin(Origins.of(APP)).maxAge(60).build();
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/origin/**",
                CorsOptions.builder().origin(origin -> completedLater(Origins.of(APP))).build())
            .route("/options/**", CorsPolicy.of(request -> completedLater(partner)))
            .build();
    VertxServer server =
        VertxServer.start(
            strict(),
            router -> {
              CorsHandler.of(policy).mountOn(router);
              router.route().handler(ctx -> ctx.end(ctx.request().path()));
            });
    try {
      // The first request loads the classes of the router and the handler; then the checker
      // is listened to.
      assertThat(Http.send("GET", server.base() + "/warm-up", "Origin", APP).body())
          .isEqualTo("/warm-up");
      checker.addHandler(capture);
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        boolean preflight = i % 2 == 1;
        HttpRequest.Builder request =
            HttpRequest.newBuilder(
                    URI.create(server.base() + (preflight ? "/options/" : "/origin/") + i))
                .timeout(Duration.ofSeconds(20))
                .header("Origin", APP);
        if (preflight) {
          request
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Access-Control-Request-Method", "PUT");
        }
        sent.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<String> response = sent.get(i).get(30, TimeUnit.SECONDS);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
        if (i % 2 == 1) {
          assertThat(response.statusCode()).isEqualTo(204);
          assertThat(Http.header(response, "Access-Control-Max-Age")).isEqualTo("60");
        } else {
          assertThat(response.body()).isEqualTo("/origin/" + i);
        }
      }
      Thread.sleep(100); // one more round of the checker after the last completion
    } finally {
      server.stop();
    }
    assertThat(warnings).as("blocked-thread warnings").isEmpty();
  }

  /** The control: a handler that holds its event loop for 600 ms is reported. */
  @Test
  void handlerHoldingTheEventLoop_checkerWarns() throws Exception {
    VertxServer server =
        VertxServer.start(
            strict(),
            router ->
                router
                    .route()
                    .handler(
                        ctx -> {
                          try {
                            Thread.sleep(FUNCTION_MILLIS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          ctx.end("late");
                        }));
    checker.addHandler(capture);
    try {
      assertThat(Http.send("GET", server.base() + "/x").body()).isEqualTo("late");
    } finally {
      server.stop();
    }
    assertThat(warnings).anySatisfy(message -> assertThat(message).contains("has been blocked"));
  }
}
