package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.web.handler.BasicAuthHandler;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The handler runs before authentication, whatever order the application adds them in: a preflight
 * never reaches {@link BasicAuthHandler}, and its 401 carries the CORS headers.
 */
class OrderingTest {
  private static final String APP = "https://app.example.com";

  /** Accepts {@code alice:secret} only. */
  static final AuthenticationProvider USERS =
      credentials -> {
        UsernamePasswordCredentials password = (UsernamePasswordCredentials) credentials;
        return "alice".equals(password.getUsername()) && "secret".equals(password.getPassword())
            ? Future.succeededFuture(User.fromName("alice"))
            : Future.failedFuture("wrong user name or password");
      };

  private static CorsHandler cors() {
    return CorsHandler.of(CorsOptions.builder().origin(Origins.of(APP)).credentials(true).build());
  }

  /**
   * What a page sees of {@code GET url}, an orders API behind HTTP Basic for {@link #USERS}, with
   * CORS for {@code https://app.example.com} and credentials: the preflight answered by CORS, never
   * by authentication; the 401 readable by the page, with one {@code Vary}; alice's request served.
   *
   * @return the response to alice's request
   */
  static HttpResponse<String> servesOrdersBehindBasicAuth(String url) throws Exception {
    HttpResponse<String> preflight = Http.preflight(url, APP);
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.header(preflight, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(Http.header(preflight, "WWW-Authenticate")).isNull();

    HttpResponse<String> refused = Http.send("GET", url, "Origin", APP);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(Http.header(refused, "WWW-Authenticate")).startsWith("Basic");
    assertThat(Http.header(refused, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.header(refused, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(Http.lines(refused, "Vary")).containsExactly("Origin");

    String alice =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> served = Http.send("GET", url, "Origin", APP, "Authorization", alice);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo("[]");
    assertThat(Http.header(served, "Access-Control-Allow-Origin")).isEqualTo(APP);
    return served;
  }

  @Test
  void authenticationAddedFirst_preflightAnswered_401CarriesCorsHeadersAndOneVary()
      throws Exception {
    VertxServer server =
        VertxServer.start(
            router -> {
              router.route("/api/*").handler(BasicAuthHandler.create(USERS)); // added first
              cors().mountOn(router);
              router.get("/api/orders").handler(ctx -> ctx.end("[]"));
            });
    try {
      servesOrdersBehindBasicAuth(server.base() + "/api/orders");
    } finally {
      server.stop();
    }
  }

  /** The control: the same application without the handler answers the preflight with 401. */
  @Test
  void withoutTheHandler_authenticationAnswersThePreflightWith401() throws Exception {
    VertxServer server =
        VertxServer.start(
            router -> {
              router.route("/api/*").handler(BasicAuthHandler.create(USERS));
              router.get("/api/orders").handler(ctx -> ctx.end("[]"));
            });
    try {
      HttpResponse<String> preflight = Http.preflight(server.base() + "/api/orders", APP);
      assertThat(preflight.statusCode()).isEqualTo(401);
      assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isNull();
    } finally {
      server.stop();
    }
  }

  /** On one route Vert.x Web checks the order by type: CORS cannot follow authentication. */
  @Test
  void sameRoute_afterAuthentication_isRefusedByTheRouter() throws Exception {
    VertxServer server =
        VertxServer.start(
            router -> {
              assertThatThrownBy(
                      () ->
                          router
                              .route("/refused/*")
                              .handler(BasicAuthHandler.create(USERS))
                              .handler(cors()))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining(
                      "Cannot add [SECURITY_POLICY] handler to route with [AUTHENTICATION]");
              assertThatThrownBy(
                      () ->
                          router.route("/refused/*").handler(BodyHandler.create()).handler(cors()))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining(
                      "Cannot add [SECURITY_POLICY] handler to route with [BODY]");
              // (The route keeps the handlers added before the refused one, hence /refused/*.)
              // Before them it is accepted.
              router
                  .route("/api/*")
                  .handler(cors())
                  .handler(BodyHandler.create())
                  .handler(BasicAuthHandler.create(USERS));
              router.post("/api/orders").handler(ctx -> ctx.end(ctx.body().asString()));
            });
    try {
      HttpResponse<String> preflight = Http.preflight(server.base() + "/api/orders", APP);
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
    } finally {
      server.stop();
    }
  }
}
