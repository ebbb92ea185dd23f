package io.jcors.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.Requests;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin in front of a before-handler and an access check ({@code beforeMatched}) that answer
 * 401, exception and error handlers, and refused origins, on a real Javalin server.
 */
class SecuredTest {
  private static final String APP = "https://app.example.com";
  private static final CorsPolicy POLICY = Requests.credentialedPolicy(APP);

  /** Answers 401 to a request without {@code Authorization}, as an authentication check does. */
  private static final Handler REQUIRE_AUTHORIZATION =
      ctx -> {
        if (ctx.header("Authorization") == null) {
          throw new UnauthorizedResponse();
        }
      };

  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static RawHttp.Response send(String base, String method, String path, String more)
      throws IOException {
    return RawHttp.send(
        base, method + " " + path + " HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n" + more);
  }

  private static RawHttp.Response preflight(String base, String path) throws IOException {
    return send(
        base,
        "OPTIONS",
        path,
        "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n");
  }

  private static void assertCors(RawHttp.Response response) {
    Requests.assertCredentialedCors(response, APP);
  }

  /**
   * Asserts that jcors answers the preflight to {@code /private} before the authentication check
   * (204, {@code Authorization} allowed), and that the check's 401 keeps the CORS headers.
   */
  private static void assertPreflightAnswered_401KeepsCors(String base) throws IOException {
    RawHttp.Response preflight = preflight(base, "/private");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.lines("Access-Control-Allow-Headers")).containsExactly("Authorization");
    RawHttp.Response get = send(base, "GET", "/private", "");
    assertThat(get.status()).isEqualTo(401);
    assertCors(get);
  }

  @Test
  void beforeHandler401_preflightAnsweredBeforeIt_401KeepsTheCorsHeaders() throws IOException {
    app =
        Apps.start(
            POLICY,
            config -> {
              config.routes.before(REQUIRE_AUTHORIZATION);
              config.routes.get("/private", ctx -> ctx.result("secret"));
            });
    assertPreflightAnswered_401KeepsCors(Apps.base(app));
  }

  /** The plugin runs ahead of before-handlers added before it was registered, too. */
  @Test
  void beforeHandlerAddedBeforeThePlugin_preflightAnsweredFirst_401KeepsTheCorsHeaders()
      throws IOException {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.before(REQUIRE_AUTHORIZATION);
                  config.registerPlugin(new JcorsPlugin(POLICY));
                  config.routes.get("/private", ctx -> ctx.result("secret"));
                })
            .start("127.0.0.1", 0);
    assertPreflightAnswered_401KeepsCors(Apps.base(app));
  }

  @Test
  void accessCheckInBeforeMatched_preflightAnsweredBeforeIt_401KeepsTheCorsHeaders()
      throws IOException {
    app =
        Apps.start(
            POLICY,
            config -> {
              config.routes.beforeMatched(REQUIRE_AUTHORIZATION);
              config.routes.get("/private", ctx -> ctx.result("secret"));
              config.routes.options("/private", ctx -> ctx.result("the application's OPTIONS"));
            });
    String base = Apps.base(app);
    assertPreflightAnswered_401KeepsCors(base);
    assertThat(send(base, "GET", "/private", "Authorization: Bearer x\r\n").status())
        .isEqualTo(200);
  }

  @Test
  void exceptionHandler_keepsTheCorsHeaders_andMergesVary() throws IOException {
    app =
        Apps.start(
            POLICY,
            config -> {
              config.routes.get(
                  "/boom",
                  ctx -> {
                    throw new IllegalStateException("the application failed");
                  });
              config.routes.exception(
                  IllegalStateException.class,
                  (e, ctx) -> ctx.status(503).result("try later").header("Vary", "Accept"));
            });
    String base = Apps.base(app);
    RawHttp.Response boom = send(base, "GET", "/boom", "");
    assertThat(boom.status()).isEqualTo(503);
    assertThat(boom.lines("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(boom.lines("Vary")).containsExactly("Accept, Origin");
  }

  /** javalin#2105: its CORS plugin answered a refused origin's request with 400. */
  @Test
  void refusedOrigin_statusAndBodyUnchanged() throws IOException {
    app = Apps.start(POLICY, config -> config.routes.get("/data", ctx -> ctx.result("data")));
    RawHttp.Response response =
        RawHttp.send(
            Apps.base(app), "GET /data HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.lines("Vary")).containsExactly("Origin");
    RawHttp.Response refusedPreflight =
        RawHttp.send(
            Apps.base(app),
            "OPTIONS /data HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\n");
    assertThat(refusedPreflight.status()).isEqualTo(204); // answered, without Allow-Origin
    assertThat(refusedPreflight.header("Access-Control-Allow-Origin")).isNull();
  }
}
