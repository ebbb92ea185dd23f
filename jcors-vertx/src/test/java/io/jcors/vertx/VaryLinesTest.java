package io.jcors.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.RawHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An application that writes {@code Vary} on several lines: the CORS names are in the response
 * once, whichever line the application replaced, and the application's names are all kept. The
 * headers-end hook reads only the first line when it names them already.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaryLinesTest {
  private static final String APP = "https://app.example.com";
  private VertxServer server;

  @BeforeAll
  void start() throws Exception {
    CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of(APP)).build());
    server =
        VertxServer.start(
            router -> {
              CorsHandler.of(policy).mountOn(router);
              // A second line after the one CORS wrote: the first names Origin already.
              router
                  .get("/added")
                  .handler(
                      ctx -> {
                        ctx.response().headers().add("Vary", "Accept-Encoding");
                        ctx.end("ok");
                      });
              // Both lines the application's own, neither naming Origin.
              router
                  .get("/replaced")
                  .handler(
                      ctx -> {
                        ctx.response().headers().set("Vary", "Accept-Encoding");
                        ctx.response().headers().add("Vary", "Accept-Language");
                        ctx.end("ok");
                      });
              // Origin on the second line only, in another case.
              router
                  .get("/second-names-origin")
                  .handler(
                      ctx -> {
                        ctx.response().headers().set("Vary", "Accept-Encoding");
                        ctx.response().headers().add("Vary", "origin");
                        ctx.end("ok");
                      });
            });
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void lineAddedAfterCors_bothLinesSent() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/added", "Origin", APP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.lines(response, "Vary")).containsExactly("Origin", "Accept-Encoding");
    assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  @Test
  void twoApplicationLinesWithoutOrigin_mergedIntoOneWithOrigin() throws Exception {
    HttpResponse<String> response = Http.send("GET", server.base() + "/replaced", "Origin", APP);
    assertThat(Http.lines(response, "Vary"))
        .containsExactly("Accept-Encoding, Accept-Language, Origin");
  }

  @Test
  void originOnTheSecondLine_notAddedAgain() throws Exception {
    HttpResponse<String> response =
        Http.send("GET", server.base() + "/second-names-origin", "Origin", APP);
    assertThat(Http.header(response, "Vary")).isEqualTo("Accept-Encoding, origin");
  }

  @Test
  void headerNamesSentInTheCoreCase() throws Exception {
    RawHttp.Response response =
        RawHttp.send(
            server.base(), "GET /added HTTP/1.1\r\nHost: localhost\r\nOrigin: " + APP + "\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().stream().map(line -> line[0]))
        .contains("Access-Control-Allow-Origin", "Vary")
        .doesNotContain("access-control-allow-origin", "vary");
  }
}
