package io.jcors.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One connection, many requests, over a raw socket: pipelined requests are answered in the order
 * they were sent, each with its own CORS headers and nothing of its neighbours'; preflights keep
 * the connection open or close it as asked; the handler never answers a same-origin or non-CORS
 * request with an error (netty#10381). Every case runs in the three pipelines.
 */
class PipeliningTest {
  private static final String A = "https://a.example";
  private static final String B = "https://b.example";
  private NettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private Pipelined connect(CorsPolicy policy, NettyServer.Pipeline pipeline) throws Exception {
    server = NettyServer.start(policy, pipeline);
    return new Pipelined(server.port());
  }

  private static CorsPolicy aAndB() {
    return CorsPolicy.of(CorsOptions.builder().origin(Origins.of(A, B)).credentials(true).build());
  }

  private static String get(String path, String origin) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: x\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + "\r\n";
  }

  private static String preflight(String path, String origin, String connection) {
    return "OPTIONS "
        + path
        + " HTTP/1.1\r\nHost: x\r\nOrigin: "
        + origin
        + "\r\nAccess-Control-Request-Method: PUT\r\n"
        + (connection == null ? "" : "Connection: " + connection + "\r\n")
        + "\r\n";
  }

  /** An application response: its body, and the allowed origin it carries ({@code null}: none). */
  private static void assertServed(Pipelined.Response response, String body, String origin) {
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
  }

  /** A preflight answered by the handler, for this origin ({@code null}: refused). */
  private static void assertPreflightAnswered(Pipelined.Response response, String origin) {
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void pipelined_actualPreflightRefusedNoOrigin_answeredInOrder_eachWithOnlyItsOwnHeaders(
      NettyServer.Pipeline pipeline) throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      connection.send(
          get("/a", A),
          preflight("/b", B, null),
          get("/c", "https://evil.example"),
          get("/d", null));
      Pipelined.Response a = connection.read();
      assertServed(a, "GET /a", A);
      assertThat(a.header("Vary")).isEqualTo("Origin");
      Pipelined.Response b = connection.read();
      assertThat(b.status()).isEqualTo(204);
      // Set by the handler, as Express does; Netty's encoder removes it from a 204 (RFC 9110
      // section 8.6: a server must not send Content-Length in a 204).
      assertThat(b.header("Content-Length")).isNull();
      assertThat(b.header("Access-Control-Allow-Origin")).isEqualTo(B);
      assertThat(b.header("Access-Control-Allow-Methods"))
          .isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
      Pipelined.Response c = connection.read();
      assertThat(c.status()).isEqualTo(200);
      assertThat(c.body()).isEqualTo("GET /c");
      assertThat(c.header("Access-Control-Allow-Origin")).isNull();
      // As Express: the decision of a refused origin still says credentials (DESIGN section 2).
      assertThat(c.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(c.header("Vary")).isEqualTo("Origin");
      assertServed(connection.read(), "GET /d", null);
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void pipelined_preflightBehindASlowApplicationResponse_isAnsweredAfterIt(
      NettyServer.Pipeline pipeline) throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      connection.send(get("/later", A), preflight("/b", B, null), get("/c", A));
      assertServed(connection.read(), "GET /later", A);
      assertPreflightAnswered(connection.read(), B);
      assertServed(connection.read(), "GET /c", A);
    }
  }

  /**
   * More preflights than the handler keeps waiting ({@link CorsHandler#MAX_WAITING_RESPONSES})
   * behind a slow response: reading pauses and resumes, and every one is answered, in order.
   */
  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void pipelined_manyPreflightsBehindASlowResponse_allAnsweredInOrder(NettyServer.Pipeline pipeline)
      throws Exception {
    // Past the handler's bound, within HttpServerCodec's own (128 requests awaiting responses).
    int preflights = CorsHandler.MAX_WAITING_RESPONSES + 32;
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      String[] requests = new String[preflights + 2];
      requests[0] = get("/later", A);
      for (int i = 1; i <= preflights; i++) {
        requests[i] = preflight("/p" + i, i % 2 == 0 ? A : B, null);
      }
      requests[preflights + 1] = get("/last", B);
      connection.send(requests);
      Pipelined.Response first = connection.read();
      assertThat(first.body()).as("%s %s", first.status(), first.headers()).isEqualTo("GET /later");
      for (int i = 1; i <= preflights; i++) {
        assertPreflightAnswered(connection.read(), i % 2 == 0 ? A : B);
      }
      assertServed(connection.read(), "GET /last", B);
    }
  }

  /**
   * An origin function that answers 100 ms later, on another thread, for every path under /slow.
   */
  private static CorsPolicy slowUnderSlow() {
    CorsOptions slow =
        CorsOptions.builder()
            .origin(
                origin ->
                    CompletableFuture.supplyAsync(
                        () -> Origins.of(A),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)))
            .build();
    return CorsPolicy.builder().route("/slow/**", slow).route("/**", aAndB()).build();
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void pipelined_behindAPendingOriginFunction_heldAndAnsweredInOrder(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(slowUnderSlow(), pipeline)) {
      connection.send(
          get("/slow/1", A),
          preflight("/slow/2", A, null),
          get("/fast", B),
          get("/slow/3", B),
          preflight("/fast", A, null));
      assertServed(connection.read(), "GET /slow/1", A);
      assertPreflightAnswered(connection.read(), A);
      assertServed(connection.read(), "GET /fast", B);
      assertServed(connection.read(), "GET /slow/3", null); // the function allows A only
      assertPreflightAnswered(connection.read(), A);
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void pipelined_failingOriginFunction_500InItsPlace_theNextRequestsAnswered(
      NettyServer.Pipeline pipeline) throws Exception {
    CorsOptions failing =
        CorsOptions.builder()
            .origin(
                origin ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw new IllegalStateException("origin store down");
                        }))
            .build();
    CorsPolicy policy =
        CorsPolicy.builder().route("/down/**", failing).route("/**", aAndB()).build();
    try (Pipelined connection = connect(policy, pipeline)) {
      connection.send(get("/a", A), get("/down/x", A), get("/b", B));
      assertThat(connection.read().body()).isEqualTo("GET /a");
      Pipelined.Response down = connection.read();
      assertThat(down.status()).isEqualTo(500);
      assertThat(down.header("Access-Control-Allow-Origin")).isNull();
      assertServed(connection.read(), "GET /b", B);
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void keepAlive_preflightsAndRequestsOneAfterAnother_onOneConnection(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      for (int i = 0; i < 3; i++) {
        Pipelined.Response pre =
            connection.send(preflight("/p" + i, i % 2 == 0 ? A : B, null)).read();
        assertPreflightAnswered(pre, i % 2 == 0 ? A : B);
        assertThat(pre.header("Connection")).isNull(); // HTTP/1.1: open unless closed
        assertServed(
            connection.send(get("/g" + i, i % 2 == 0 ? B : null)).read(),
            "GET /g" + i,
            i % 2 == 0 ? B : null);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void keepAlive_preflightWithConnectionClose_answeredThenClosed(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      Pipelined.Response pre = connection.send(preflight("/p", A, "close")).read();
      assertThat(pre.status()).isEqualTo(204);
      assertThat(pre.header("Connection")).isEqualTo("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void keepAlive_http10PreflightAskingKeepAlive_staysOpen(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      String http10 =
          "OPTIONS /p HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\nOrigin: "
              + A
              + "\r\nAccess-Control-Request-Method: PUT\r\n\r\n";
      Pipelined.Response pre = connection.send(http10).read();
      assertThat(pre.status()).isEqualTo(204);
      assertThat(pre.header("Connection")).isEqualToIgnoringCase("keep-alive");
      assertThat(connection.send(get("/after", A)).read().body()).isEqualTo("GET /after");
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void preflightWithABody_bodyDropped_theNextRequestIntact(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      String withBody =
          "OPTIONS /p HTTP/1.1\r\nHost: x\r\nOrigin: "
              + A
              + "\r\nAccess-Control-Request-Method: PUT\r\nContent-Length: 11\r\n\r\nhello world";
      String chunked =
          "OPTIONS /q HTTP/1.1\r\nHost: x\r\nOrigin: "
              + B
              + "\r\nAccess-Control-Request-Method: PUT\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
      connection.send(withBody, chunked, get("/after", A));
      assertThat(connection.read().header("Access-Control-Allow-Origin")).isEqualTo(A);
      assertThat(connection.read().header("Access-Control-Allow-Origin")).isEqualTo(B);
      assertServed(connection.read(), "GET /after", A);
    }
  }

  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void chunkedApplicationResponse_getsTheCorsHeadersOnItsHead(NettyServer.Pipeline pipeline)
      throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      connection.send(get("/chunked", A), get("/chunked", B));
      for (String origin : new String[] {A, B}) {
        Pipelined.Response chunked = connection.read();
        assertThat(chunked.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(chunked.body()).isEqualTo("one two three");
        assertThat(chunked.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(chunked.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(chunked.header("Vary")).isEqualTo("Origin");
      }
    }
  }

  /** netty#10381: Netty's CorsHandler answers a same-origin request it does not allow with 403. */
  @ParameterizedTest
  @EnumSource(NettyServer.Pipeline.class)
  void sameOriginAndNonCorsRequests_reachTheApplication_neverAnErrorFromCors(
      NettyServer.Pipeline pipeline) throws Exception {
    try (Pipelined connection = connect(aAndB(), pipeline)) {
      String self = "http://127.0.0.1:" + server.port();
      String post =
          "POST /form HTTP/1.1\r\nHost: 127.0.0.1:"
              + server.port()
              + "\r\nOrigin: "
              + self
              + "\r\nContent-Length: 3\r\n\r\na=1";
      String options = "OPTIONS /o HTTP/1.1\r\nHost: x\r\nOrigin: " + self + "\r\n\r\n";
      String noOriginPreflight =
          "OPTIONS /n HTTP/1.1\r\nHost: x\r\nAccess-Control-Request-Method: PUT\r\n\r\n";
      connection.send(get("/same", self), post, options, noOriginPreflight);
      for (String body : new String[] {"GET /same", "POST /form", "OPTIONS /o", "OPTIONS /n"}) {
        Pipelined.Response response = connection.read();
        assertThat(response.status()).as(body).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.header("Access-Control-Allow-Origin")).as(body).isNull();
      }
    }
  }
}
