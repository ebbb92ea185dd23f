package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code jcors check} run from the jar against {@code jcors serve} of {@code check/api.json} (also
 * run from the jar): the verdict as exit code, the report as text and as JSON, and exit 2 when the
 * server cannot be reached or the arguments describe no request a page can make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CheckIT {
  private static final String APP = "https://app.example.com";

  private JcorsProcess.Server server;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public CheckIT() {}

  @BeforeAll
  void startServer() throws IOException {
    server =
        JcorsProcess.Server.start(Path.of("src/test/resources/check/api.json").toAbsolutePath());
  }

  @AfterAll
  void stopServer() throws IOException {
    server.close();
  }

  private JcorsProcess.Result check(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "check";
    System.arraycopy(args, 0, command, 1, args.length);
    return JcorsProcess.run(Path.of("."), command);
  }

  @Nested
  class Allowed {
    @Test
    void simpleGet_wildcardRoute_0_noPreflight() throws Exception {
      JcorsProcess.Result result = check(server.url + "/public/items", "--origin", APP);

      assertThat(result.exitCode()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out())
          .startsWith(
              "fetch("
                  + server.url
                  + "/public/items) from a page on https://app.example.com: GET, without"
                  + " credentials\n"
                  + "Browsers: Chrome, Firefox and Safari, which all decide alike\n"
                  + "Preflight: not sent (")
          .contains("   < Access-control-allow-origin: *\n")
          .contains("   [pass] F8 `Access-Control-Allow-Origin: *` allows every origin")
          .endsWith("Verdict: allowed (the page can read the response, status 200)\n");
    }

    @Test
    void putWithCustomHeaderAndCredentials_0_afterPreflight() throws Exception {
      JcorsProcess.Result result =
          check(
              server.url + "/api/items/7",
              "--origin",
              APP,
              "--method",
              "PUT",
              "--header",
              "X-Token: abc",
              "--header",
              "Content-Type: application/json",
              "--credentials");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out())
          .contains("Preflight: sent (needed: the method `PUT` is not CORS-safelisted")
          .contains("1. Preflight\n   > OPTIONS " + server.url + "/api/items/7\n")
          .contains("   > Access-Control-Request-Method: PUT\n")
          .contains("   > Access-Control-Request-Headers: content-type,x-token\n")
          .contains("2. Request\n   > PUT " + server.url + "/api/items/7\n")
          .contains("   < Access-control-allow-credentials: true\n")
          .endsWith("Verdict: allowed (the page can read the response, status 200)\n");
    }
  }

  @Nested
  class Blocked {
    @Test
    void otherOrigin_1_explanationAndFix() throws Exception {
      JcorsProcess.Result result =
          check(server.url + "/api/items", "--origin", "https://evil.example");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEmpty();
      assertThat(result.out())
          .contains("   < Access-control-allow-origin: https://app.example.com\n")
          .endsWith(
              "   [FAIL] F9 the response allows `https://app.example.com`, but the page's origin"
                  + " is `https://evil.example`: the server's CORS configuration allows another"
                  + " origin and refuses this one\n"
                  + "\n"
                  + "Verdict: blocked (F9: the response allows `https://app.example.com`, but the"
                  + " page's origin is `https://evil.example`: the server's CORS configuration"
                  + " allows another origin and refuses this one)\n"
                  + "Fix: none if that is intended; only if `https://evil.example` should read it,"
                  + " add it to the origins the server's CORS configuration allows\n");
    }

    @Test
    void methodNotAllowed_1_requestNeverSent() throws Exception {
      JcorsProcess.Result result =
          check(server.url + "/api/items", "--origin", APP, "--method", "PATCH");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out())
          .contains("1. Preflight")
          .doesNotContain("2. Request")
          .contains("Verdict: blocked (F18: `PATCH` is not in `Access-Control-Allow-Methods`")
          .contains("Fix: add `PATCH` to `Access-Control-Allow-Methods`");
    }

    @Test
    void wildcardWithCredentials_1_saysWhy() throws Exception {
      JcorsProcess.Result result =
          check(server.url + "/public/items", "--origin", APP, "--credentials");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out())
          .containsPattern("Verdict: blocked \\(F\\d+: [^\\n]*`\\*`[^\\n]*credentials")
          .contains("Fix: ");
    }
  }

  @Nested
  class Json {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void blockedAfterPreflight_verdictPreflightAndSteps() throws Exception {
      JcorsProcess.Result result =
          check(
              server.url + "/api/items",
              "--origin",
              APP,
              "--method",
              "DELETE",
              "--header",
              "X-Token: abc",
              "--json");

      assertThat(result.exitCode()).isEqualTo(1);
      JsonNode report = mapper.readTree(result.out());
      assertThat(report.get("verdict").asText()).isEqualTo("blocked");
      assertThat(report.at("/preflight/sent").asBoolean()).isTrue();
      assertThat(report.at("/preflight/reason").asText())
          .startsWith("needed: the method `DELETE` is not CORS-safelisted");
      JsonNode steps = report.get("steps");
      assertThat(steps).hasSize(1);
      assertThat(steps.at("/0/kind").asText()).isEqualTo("preflight");
      assertThat(steps.at("/0/request/method").asText()).isEqualTo("OPTIONS");
      assertThat(steps.at("/0/response/status").asInt()).isEqualTo(204);
      assertThat(steps.at("/0/result").asText()).isEqualTo("fail");
      assertThat(report.at("/failure/rule").asText()).isEqualTo("F18");
      assertThat(report.at("/failure/fix").asText())
          .isEqualTo("add `DELETE` to `Access-Control-Allow-Methods`");
    }

    @Test
    void allowedWithoutPreflight_oneRequestStepThatPasses() throws Exception {
      JcorsProcess.Result result =
          check(server.url + "/api/items", "--origin", APP, "--credentials", "--json");

      assertThat(result.exitCode()).isZero();
      JsonNode report = mapper.readTree(result.out());
      assertThat(report.get("verdict").asText()).isEqualTo("allowed");
      assertThat(report.at("/preflight/sent").asBoolean()).isFalse();
      assertThat(report.at("/preflight/reason").asText()).startsWith("not needed:");
      JsonNode steps = report.get("steps");
      assertThat(steps).hasSize(1);
      assertThat(steps.at("/0/kind").asText()).isEqualTo("request");
      assertThat(steps.at("/0/response/status").asInt()).isEqualTo(200);
      assertThat(steps.at("/0/result").asText()).isEqualTo("pass");
      assertThat(report.get("failure").isNull()).isTrue();
      assertThat(report.at("/request/credentials").asBoolean()).isTrue();
    }
  }

  @Nested
  class CannotRun {
    @Test
    void serverNotListening_2_oneLineOnStderr() throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      String url = "http://127.0.0.1:" + port + "/api/items";

      JcorsProcess.Result result = check(url, "--origin", APP);

      assertThat(result.exit2Stderr())
          .isEqualTo(
              "jcors check: cannot reach "
                  + url
                  + ": connection refused (is the server running on that port?)\n");
    }

    @Test
    void notAnOrigin_2_saysHowToWriteIt() throws Exception {
      JcorsProcess.Result result = check(server.url + "/api/items", "--origin", "app.example.com");

      assertThat(result.exit2Stderr())
          .isEqualTo(
              "jcors check: origin `app.example.com` is not an origin; write"
                  + " scheme://host[:port], e.g. https://app.example.com\n");
    }

    @Test
    void missingOrigin_2_usage() throws Exception {
      JcorsProcess.Result result = check(server.url + "/api/items");

      assertThat(result.exit2Stderr())
          .startsWith("Missing required option: '--origin=ORIGIN'\nUsage: jcors check ")
          .doesNotContain("Exception");
    }
  }
}
