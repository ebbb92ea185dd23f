package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.LoggedWarnings;
import io.jcors.testsupport.OriginFunctions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that resets its connection while an origin function runs. The JDK server cannot tell
 * that the client is gone, so when the function completes the exchange goes on as for any client
 * (the application runs, and its writes fail); what the filter must not do is report the gone
 * client as an error: the write that fails is logged below WARNING, as the JDK server logs its own
 * failed writes. A failing function is still logged as the application's error, and the next client
 * is answered.
 */
class ClientGoneTest {
  private static final String APP = "https://app.example.com";

  private final BlockingQueue<CompletableFuture<Origins>> pending = new LinkedBlockingQueue<>();
  private final CountDownLatch appDone = new CountDownLatch(1);
  private LoggedWarnings logged;
  private AdapterContract.Server server;

  @BeforeEach
  void start() throws IOException {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/slow/**", CorsOptions.builder().origin(OriginFunctions.pending(pending)).build())
            .route("/**", CorsOptions.builder().origin(Origins.of(APP)).build())
            .build();
    server = JdkAdapterTest.serve(policy, this::app);
    logged = LoggedWarnings.on("io.jcors.jdk");
  }

  @AfterEach
  void stop() throws Exception {
    logged.close();
    server.stop();
  }

  /** A body larger than the socket buffers, so that writing it to a reset connection fails. */
  private void app(HttpExchange exchange) throws IOException {
    try {
      byte[] body = new byte[4 << 20];
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      appDone.countDown();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"actual", "preflight", "failing function"})
  void clientResetsWhileTheFunctionRuns_nothingIsLoggedAsAnError_andTheNextClientIsAnswered(
      String request) throws Exception {
    String head =
        request.equals("preflight")
            ? "OPTIONS /slow/x HTTP/1.1\r\nAccess-Control-Request-Method: PUT\r\n"
            : "GET /slow/x HTTP/1.1\r\n";
    int port = URI.create(server.base()).getPort();
    CompletableFuture<Origins> function;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              (head + "Host: 127.0.0.1\r\nOrigin: " + APP + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      function = pending.poll(10, TimeUnit.SECONDS);
      assertThat(function).as("the origin function was called").isNotNull();
      socket.setSoLinger(true, 0); // close with a reset: the server's next write fails at once
    }
    Thread.sleep(100); // the reset reaches the server before the function answers
    if (request.equals("failing function")) {
      function.completeExceptionally(new IllegalStateException("origin store down"));
    } else {
      function.complete(Origins.reflect());
    }
    if (request.equals("actual")) {
      assertThat(appDone.await(10, TimeUnit.SECONDS)).as("the application ran").isTrue();
    }

    HttpResponse<Void> next =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "/fast"))
                    .header("Origin", APP)
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    Thread.sleep(200); // the gone client's exchange has failed by now; anything logged is in
    if (request.equals("failing function")) {
      assertThat(logged.lines()).singleElement().asString().contains("origin store down");
    } else {
      assertThat(logged.lines()).isEmpty();
    }
  }
}
