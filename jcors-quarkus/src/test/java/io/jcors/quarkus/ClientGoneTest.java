package io.jcors.quarkus;

import static io.jcors.quarkus.SnippetHttp.allowOrigin;
import static io.jcors.quarkus.gone.SlowOriginApp.APP;
import static io.jcors.quarkus.gone.SlowOriginApp.APP_RAN;
import static io.jcors.quarkus.gone.SlowOriginApp.CLOSED;
import static io.jcors.quarkus.gone.SlowOriginApp.CONTEXTS;
import static io.jcors.quarkus.gone.SlowOriginApp.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.Origins;
import io.jcors.quarkus.gone.SlowOriginApp;
import io.jcors.testsupport.LoggedWarnings;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that closes its connection while an origin function runs, in a real Quarkus application:
 * when the function completes (on another thread, after Vert.x has seen the close), the handler
 * answers nothing and passes nothing on (the application's routes and failure handlers do not run
 * for a client that is gone; the same when a timeout handler has answered meanwhile), nothing is
 * logged at WARNING or above, the blocked-thread checker stays silent, and the next client is
 * answered. The same cases as jcors-vertx's ClientGoneTest.
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class ClientGoneTest {
  @RegisterExtension
  static final QuarkusUnitTest QUARKUS =
      new QuarkusUnitTest()
          .withApplicationRoot(
              jar ->
                  jar.addClasses(StartupLogTest.classes())
                      .addClasses(SlowOriginApp.class, SnippetHttp.class))
          .overrideConfigKey("jcors-test.client-gone", "true")
          .overrideConfigKey("quarkus.http.host", "127.0.0.1")
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("quarkus.vertx.event-loops-pool-size", "1")
          // Warns when an event loop runs one task for longer than 150 ms.
          .overrideConfigKey("quarkus.vertx.max-event-loop-execute-time", "150ms");

  @TestHTTPResource("/")
  URL base;

  private LoggedWarnings logged;
  private ExecutorService completer;

  @BeforeEach
  void listen() {
    APP_RAN.clear();
    completer = Executors.newSingleThreadExecutor();
    logged = LoggedWarnings.on("");
  }

  @AfterEach
  void release() {
    logged.close();
    completer.shutdownNow();
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
  void failingFunction_clientGone_noAnswerNoLog() throws Exception {
    leaveWhilePending(
        "GET /slow/failing HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n",
        "/slow/failing",
        result -> result.completeExceptionally(new IllegalStateException("store down")));
  }

  @Test
  void actualRequest_answeredByATimeoutHandlerMeanwhile_applicationNotRun() throws Exception {
    // Over HTTP/2 (the JDK client upgrades to h2c, which Quarkus accepts): the request is ended
    // by the time the function completes.
    HttpResponse<String> timedOut = SnippetHttp.get(url("/slow/timed"), APP);
    assertThat(timedOut.statusCode()).isEqualTo(503);
    assertThat(APP_RAN).containsExactly("failure handler /slow/timed"); // the timeout's 503
    APP_RAN.clear();
    CompletableFuture<Origins> result = PENDING.poll(20, TimeUnit.SECONDS);
    assertThat(result).as("the origin function was called").isNotNull();
    completeAndCheck("/slow/timed", done -> done.complete(Origins.of(APP)), result);
  }

  /** The control: a client that waits for a failing function gets a 500, and the error logged. */
  @Test
  void failingFunction_clientWaits_500AndLogged() throws Exception {
    CompletableFuture<HttpResponse<String>> sent =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SnippetHttp.get(url("/slow/waiting"), APP);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            completer);
    CompletableFuture<Origins> result = PENDING.poll(20, TimeUnit.SECONDS);
    assertThat(result).as("the origin function was called").isNotNull();
    result.completeExceptionally(new IllegalStateException("store down"));
    assertThat(sent.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
    assertThat(APP_RAN).isEmpty();
    assertThat(logged.lines()).anySatisfy(line -> assertThat(line).startsWith("io.jcors.quarkus"));
  }

  private URL url(String path) throws Exception {
    return new URL(base, path);
  }

  /**
   * Sends {@code head}, closes the socket once the origin function is running, waits until Vert.x
   * has seen the close, and checks what happens when the function completes with {@code complete}.
   */
  private void leaveWhilePending(
      String head, String path, Consumer<CompletableFuture<Origins>> complete) throws Exception {
    CompletableFuture<Origins> result;
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      result = PENDING.poll(20, TimeUnit.SECONDS);
      assertThat(result).as("the origin function was called").isNotNull();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!CLOSED.contains(path) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(CLOSED).as("Vert.x saw the close").contains(path);
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
    CONTEXTS.get(path).runOnContext(ignored -> ran.countDown());
    assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> next = SnippetHttp.get(url("/next"), APP);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(allowOrigin(next)).isEqualTo(APP);
    Thread.sleep(100);
    assertThat(APP_RAN).as("routes run").containsExactly("/next");
    assertThat(logged.lines()).as("WARNING and above").isEmpty();
  }
}
