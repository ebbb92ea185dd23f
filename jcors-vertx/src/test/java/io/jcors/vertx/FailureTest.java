package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code ctx.fail(...)}, failure handlers and error handlers answer with the CORS headers and one
 * {@code Vary} carrying the CORS names, whatever they do to the response's headers; {@code Origin:
 * null} gets what the policy says, with no error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureTest {
  private static final String APP = "https://app.example.com";
  private VertxServer server;

  @BeforeAll
  void start() throws Exception {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route("/open/**", CorsOptions.builder().build())
            .route(
                "/**",
                CorsOptions.builder()
                    .origin(Origins.of(APP))
                    .credentials(true)
                    .exposedHeaders("X-Request-Id")
                    .build())
            .build();
    server =
        VertxServer.start(
            router -> {
              CorsHandler.of(policy).mountOn(router);
              router.get("/fail").handler(ctx -> ctx.fail(500));
              router.get("/fail-403").handler(ctx -> ctx.fail(403));
              router
                  .get("/handled")
                  .handler(ctx -> ctx.fail(new IllegalArgumentException("bad id")))
                  .failureHandler(
                      ctx -> {
                        // A failure handler that starts its response over.
                        ctx.response().headers().clear();
                        ctx.response()
                            .setStatusCode(422)
                            .putHeader("Vary", "Accept-Language")
                            .putHeader("Content-Type", "application/json")
                            .end("{\"error\":\"bad id\"}");
                      });
              router
                  .get("/vary-then-fail")
                  .handler(
                      ctx -> {
                        ctx.response().putHeader("Vary", "Accept-Encoding");
                        ctx.fail(503);
                      });
              router.errorHandler(
                  503,
                  ctx -> {
                    ctx.response().headers().remove("Access-Control-Allow-Origin");
                    ctx.response().setStatusCode(503).end("try later");
                  });
              router.get("/*").handler(ctx -> ctx.end("ok"));
            });
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void ctxFail500_keepsTheCorsHeadersAndVary() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/fail", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(Http.header(response, "Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
    assertThat(Http.lines(response, "Vary")).containsExactly("Origin");
  }

  @Test
  void ctxFail403_keepsTheCorsHeadersAndVary() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/fail-403", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.lines(response, "Vary")).containsExactly("Origin");
  }

  @Test
  void failureHandler_clearingTheHeadersAndSettingVary_corsHeadersPutBack() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/handled", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).isEqualTo("{\"error\":\"bad id\"}");
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(Http.lines(response, "Vary")).containsExactly("Accept-Language, Origin");
  }

  @Test
  void errorHandler_removingAllowOrigin_afterTheApplicationsVary_bothKept() throws Exception {
    HttpResponse<String> response =
        Http.send("GET", server.base() + "/vary-then-fail", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("try later");
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(Http.lines(response, "Vary")).containsExactly("Accept-Encoding, Origin");
  }

  /**
   * Vert.x's own handler answered {@code Origin: null} with a 500 (vert-x3/vertx-web#1933); an
   * opaque origin is an origin the list does not hold: the request goes on, without {@code
   * Access-Control-Allow-Origin}.
   */
  @Test
  void originNull_notInTheList_servedWithoutAllowOrigin() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/data", "Origin", "null");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(Http.lines(response, "Vary")).containsExactly("Origin");
    HttpResponse<String> preflight = Http.preflight(server.base() + "/data", "null");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void originNull_anyOrigin_getsTheWildcard() throws Exception {
    HttpResponse<String> response =
        Http.send("GET", server.base() + "/open/data", "Origin", "null");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
  }
}
