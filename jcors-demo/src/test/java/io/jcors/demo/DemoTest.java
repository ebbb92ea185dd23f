package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The demo's servers over real HTTP: what the API answers, what it records, what the page serves.
 */
class DemoTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Demo demo;

  DemoTest() {}

  @BeforeAll
  static void start() throws IOException {
    demo = Demo.start(0, 0);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static HttpResponse<String> send(String url, String method, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET of the API's {@code path} from a page of {@code origin}. */
  private static HttpResponse<String> apiGet(String path, String origin)
      throws IOException, InterruptedException {
    return send(demo.apiUrl() + path, "GET", "Origin", origin);
  }

  private static String page() {
    return demo.pageUrl();
  }

  @Nested
  class Api {
    Api() {}

    @Test
    void data_allowsThePageOriginOnly() throws Exception {
      HttpResponse<String> fromPage = apiGet("/data", page());
      HttpResponse<String> fromElsewhere = apiGet("/data", "https://evil.example");

      assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).hasValue(page());
      assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(page());
      assertThat(fromPage.body()).contains("apples");
    }

    @Test
    void withCors_allowsAnyOrigin() throws Exception {
      HttpResponse<String> response = apiGet("/with-cors", "https://evil.example");

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void withoutCors_answersWithoutCorsHeaders() throws Exception {
      HttpResponse<String> response = apiGet("/without-cors", page());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().map().keySet())
          .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void productsPreflight_allowsPutDeleteAndTheTokenHeader() throws Exception {
      HttpResponse<String> response =
          send(
              demo.apiUrl() + "/products/42",
              "OPTIONS",
              "Origin",
              page(),
              "Access-Control-Request-Method",
              "PUT",
              "Access-Control-Request-Headers",
              "content-type,x-demo-token");

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
          .hasValue("GET,PUT,DELETE");
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
          .hasValue("Content-Type,X-Demo-Token");
    }

    @Test
    void productsPut_withoutToken_is401WithCorsHeaders() throws Exception {
      HttpResponse<String> response = send(demo.apiUrl() + "/products/42", "PUT", "Origin", page());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(page());
      assertThat(response.body()).contains("X-Demo-Token: demo is required");
    }

    @Test
    void session_setsTheCookieAndReadsItBack() throws Exception {
      HttpResponse<String> first = apiGet("/session", page());
      HttpResponse<String> second =
          send(demo.apiUrl() + "/session", "GET", "Origin", page(), "Cookie", "demo_visits=1");

      assertThat(first.headers().firstValue("Set-Cookie"))
          .hasValueSatisfying(cookie -> assertThat(cookie).startsWith("demo_visits=1;"));
      assertThat(first.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
      assertThat(first.body()).isEqualTo("{\"cookieReceived\":false,\"visitsBefore\":0}");
      assertThat(second.body()).isEqualTo("{\"cookieReceived\":true,\"visitsBefore\":1}");
    }

    @Test
    void partners_asyncLookup_allowsThePageAndRefusesOthers() throws Exception {
      HttpResponse<String> fromPage = apiGet("/partners", page());
      HttpResponse<String> fromElsewhere = apiGet("/partners", "https://evil.example");

      assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).hasValue(page());
      assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(fromElsewhere.statusCode()).isEqualTo(200);
    }

    @Test
    void admin_allowsAnotherOriginOnly() throws Exception {
      HttpResponse<String> response = apiGet("/admin", page());

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(DemoApi.ADMIN_ORIGIN);
    }
  }

  @Nested
  class Page {
    Page() {}

    @Test
    void index_isServedWithoutExternalAssets() throws Exception {
      HttpResponse<String> response = send(page() + "/", "GET");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("<script src=\"/app.js\">").doesNotContain("https://");
      assertThat(send(page() + "/app.js", "GET").body()).doesNotContain("https://");
      assertThat(send(page() + "/style.css", "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void scenarios_nameBothOrigins() throws Exception {
      String body = send(page() + "/scenarios", "GET").body();

      assertThat(body)
          .startsWith(
              "{\"apiOrigin\":\"" + demo.apiUrl() + "\",\"pageOrigin\":\"" + page() + "\",");
      for (Scenario scenario : Scenario.all()) {
        assertThat(body).contains("\"id\":\"" + scenario.id() + "\"");
      }
    }

    @Test
    void apiLog_showsThePreflightTheApiReceived() throws Exception {
      long before = Long.parseLong(lastId());
      send(
          demo.apiUrl() + "/products/9",
          "OPTIONS",
          "Origin",
          page(),
          "Access-Control-Request-Method",
          "DELETE",
          "Access-Control-Request-Headers",
          "x-demo-token");

      String log = send(page() + "/api-log?after=" + before, "GET").body();

      assertThat(log)
          .contains(
              "\"method\":\"OPTIONS\",\"path\":\"/products/9\",\"preflight\":true,"
                  + "\"request\":{\"Origin\":\""
                  + page()
                  + "\",\"Access-Control-Request-Method\":\"DELETE\","
                  + "\"Access-Control-Request-Headers\":\"x-demo-token\"},\"status\":204,");
    }

    @Test
    void explain_blockedScenario_givesTheRuleAndFix() throws Exception {
      String body = send(page() + "/explain?scenario=without-cors", "GET").body();

      assertThat(body).startsWith("{\"verdict\":\"blocked\"");
      assertThat(body).contains("\"fix\":\"send `Access-Control-Allow-Origin: " + page());
    }

    @Test
    void explain_originTheApiRefusesOnPurpose_saysSo_andSuggestsNoStar() throws Exception {
      String body = send(page() + "/explain?scenario=admin", "GET").body();

      assertThat(body)
          .contains("the server's CORS configuration allows another origin and refuses this one")
          .contains("\"fix\":\"none if that is intended; only if `" + page() + "` should read it")
          .doesNotContain("(or `*`)");
    }

    @Test
    void tutorial_fixFromThePage_enablesCorsOnTheRunningApi_andResetRemovesIt() throws Exception {
      String greeting = demo.apiUrl() + Tutorial.GREETING;
      HttpResponse<String> fixed =
          send(page() + "/tutorial?step=1&action=fix", "POST", "Origin", page());
      HttpResponse<String> afterFix = send(greeting, "GET", "Origin", page());
      HttpResponse<String> reset =
          send(page() + "/tutorial?step=1&action=reset", "POST", "Origin", page());
      HttpResponse<String> afterReset = send(greeting, "GET", "Origin", page());

      assertThat(fixed.body()).isEqualTo("{\"step\":1,\"fixed\":true}");
      assertThat(afterFix.headers().firstValue("Access-Control-Allow-Origin")).hasValue(page());
      assertThat(afterFix.body()).isEqualTo("{\"greeting\":\"hello from the API\"}");
      assertThat(reset.body()).isEqualTo("{\"step\":1,\"fixed\":false}");
      assertThat(afterReset.statusCode()).isEqualTo(200);
      assertThat(afterReset.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void tutorial_step2Fix_answersThePreflightForPutAndTheToken() throws Exception {
      String note = demo.apiUrl() + Tutorial.NOTE;
      String[] preflight = {
        "Origin", page(),
        "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "content-type,x-demo-token"
      };
      HttpResponse<String> before = send(note, "OPTIONS", preflight);
      send(page() + "/tutorial?step=2&action=fix", "POST", "Origin", page());
      HttpResponse<String> after = send(note, "OPTIONS", preflight);
      send(page() + "/tutorial?step=2&action=reset", "POST", "Origin", page());

      assertThat(before.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(after.statusCode()).isEqualTo(204);
      assertThat(after.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
      assertThat(after.headers().firstValue("Access-Control-Allow-Headers"))
          .hasValue("Content-Type,X-Demo-Token");
    }

    @Test
    void tutorial_fromAnotherOrigin_is403_andChangesNothing() throws Exception {
      HttpResponse<String> response =
          send(page() + "/tutorial?step=1&action=fix", "POST", "Origin", "https://evil.example");
      HttpResponse<String> noOrigin = send(page() + "/tutorial?step=1&action=fix", "POST");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .contains("only the demo page (" + page() + ") may change the API");
      assertThat(noOrigin.statusCode()).isEqualTo(403);
      assertThat(
              apiGet(Tutorial.GREETING, page()).headers().firstValue("Access-Control-Allow-Origin"))
          .isEmpty();
    }

    @Test
    void tutorial_badStepOrAction_is400() throws Exception {
      assertThat(send(page() + "/tutorial?step=3&action=fix", "POST", "Origin", page()).body())
          .isEqualTo("{\"error\":\"use ?step=1 or 2 and action=fix or reset\"}");
      assertThat(
              send(page() + "/tutorial?step=1&action=drop", "POST", "Origin", page()).statusCode())
          .isEqualTo(400);
    }

    @Test
    void favicon_isAnIcon() throws Exception {
      HttpResponse<byte[]> icon =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(page() + "/favicon.ico")).build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
      // An ICO header (reserved 0, type 1) holding one image.
      assertThat(icon.body()).startsWith(0, 0, 1, 0, 1, 0);
    }

    @Test
    void explain_unknownScenario_is404() throws Exception {
      assertThat(send(page() + "/explain?scenario=nope", "GET").statusCode()).isEqualTo(404);
    }

    private String lastId() throws Exception {
      String body = send(page() + "/api-log", "GET").body();
      return body.substring("{\"last\":".length(), body.indexOf(','));
    }
  }

  @Nested
  class Start {
    Start() {}

    @Test
    void portInUse_namesThePortAndTheFlag_exit2() throws Exception {
      try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = taken.getLocalPort();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
            Demo.run(
                new String[] {"--api-port", "0", "--page-port", String.valueOf(port)},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .isEqualTo(
                "demo: port "
                    + port
                    + " is already in use; stop the program using it or choose another port"
                    + " with --page-port (e.g. --page-port "
                    + (port + 1)
                    + ")"
                    + System.lineSeparator());
      }
    }

    @Test
    void badArgument_printsUsage_exit2() {
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status =
          Demo.run(
              new String[] {"--api-port", "x"},
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(status).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("demo: --api-port: \"x\" is not a port number (0 to 65535)")
          .contains("usage: jcors demo [--api-port 3000] [--page-port 5500]");
    }

    @Test
    void banner_printsBothUrlsAndWhatToDo() {
      assertThat(demo.banner())
          .contains("API   " + demo.apiUrl())
          .contains("page  " + demo.pageUrl() + "   <- open this in a browser")
          .contains("Press Ctrl-C to stop.");
    }
  }
}
