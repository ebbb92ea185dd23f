package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcors.check.PrintableText;
import io.jcors.testsupport.RawServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jcors check --browser}: the verdict per engine where engines differ, in text and JSON; and
 * what a page may do that the check once refused with exit 2 (a forbidden header, a control byte in
 * a value, a URL with an empty username), or that must stay a one-line error.
 */
public class CheckBrowserTest {
  private static final String PAGE = "https://app.example.com";

  /** Needed by JUnit on the class path with -Xlint:all. */
  public CheckBrowserTest() {}

  private static CliRun run(String... args) {
    return CliRun.run(Duration.ofSeconds(20), args);
  }

  /**
   * {@code jcors check} of a GET to {@code server} from {@code PAGE} with the client hint {@code
   * DPR: 2}, which Chrome safelists and Firefox and Safari do not, and the {@code options} after
   * it.
   */
  private static CliRun checkWithDpr(RawServer server, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("check", server.origin() + "/x", "--origin", PAGE, "--header", "DPR: 2"));
    args.addAll(List.of(options));
    return run(args.toArray(new String[0]));
  }

  /**
   * A server that refuses every preflight (404) and allows every other request for any origin: a
   * request that needs a preflight is blocked, one that does not is allowed.
   */
  private static RawServer refusingPreflights(List<String> heads) throws Exception {
    return RawServer.start(
        (head, out) -> {
          heads.add(head);
          RawServer.write(
              out,
              head.startsWith("OPTIONS ")
                  ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  : "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n");
        });
  }

  @Test
  void enginesDiffer_textSaysWhereItIsBlocked_exit1() throws Exception {
    // Chrome safelists the client hint DPR; Firefox and Safari send a preflight for it.
    try (RawServer server = refusingPreflights(new CopyOnWriteArrayList<>())) {
      CliRun run = checkWithDpr(server);

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .contains("\nBrowsers: blocked in Firefox and Safari, allowed in Chrome\n")
          .contains("\n== Chrome ==\n")
          .contains("\n== Firefox and Safari ==\n")
          .endsWith("\nVerdict: blocked in Firefox and Safari, allowed in Chrome\n");
    }
  }

  @Test
  void oneEngine_onlyItsVerdict_exitFollowsIt() throws Exception {
    try (RawServer server = refusingPreflights(new CopyOnWriteArrayList<>())) {
      CliRun chrome = checkWithDpr(server, "--browser", "chromium");
      assertThat(chrome.code()).isZero();
      assertThat(chrome.out()).contains("\nBrowsers: Chrome\n").endsWith("status 200)\n");

      CliRun firefox = checkWithDpr(server, "--browser", "firefox,safari");
      assertThat(firefox.code()).isEqualTo(1);
      assertThat(firefox.out())
          .contains("\nBrowsers: Firefox and Safari, which all decide alike\n");
    }
  }

  @Test
  void json_hasAVerdictPerEngine() throws Exception {
    try (RawServer server = refusingPreflights(new CopyOnWriteArrayList<>())) {
      CliRun run = checkWithDpr(server, "--json");

      assertThat(run.code()).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.get("verdict").asText()).isEqualTo("blocked");
      assertThat(json.at("/browsers/chromium").asText()).isEqualTo("allowed");
      assertThat(json.at("/browsers/firefox").asText()).isEqualTo("blocked");
      assertThat(json.at("/browsers/safari").asText()).isEqualTo("blocked");
      assertThat(json.at("/outcomes/1/browsers").toString()).isEqualTo("[\"firefox\",\"safari\"]");
      assertThat(json.at("/outcomes/1/failure/rule").asText()).isEqualTo("F15");
    }
  }

  @ParameterizedTest(name = "--browser {0}")
  @ValueSource(strings = {"opera", "", "firefox,", "\u001b[2J"})
  void unknownBrowser_isAUsageError_oneLine(String name) {
    CliRun run = run("check", "http://127.0.0.1:9/", "--origin", PAGE, "--browser", name);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "jcors check: --browser "
                + PrintableText.escape(name)
                + " is not a browser engine; write chromium, firefox, safari, a list such as"
                + " firefox,safari, or all"
                + System.lineSeparator());
  }

  @Test
  void forbiddenHeader_isDroppedWithAWarning_notExit2() throws Exception {
    List<String> heads = new CopyOnWriteArrayList<>();
    try (RawServer server = refusingPreflights(heads)) {
      CliRun run =
          run("check", server.origin() + "/x", "--origin", PAGE, "--header", "Cookie: a=b");

      assertThat(run.code()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .contains("   [warn] F29 the page sets `Cookie`, but it is a forbidden request header")
          .contains("Warning: do not set `Cookie`; use --credentials");
      assertThat(heads).allSatisfy(head -> assertThat(head).doesNotContainIgnoringCase("cookie"));
    }
  }

  @Test
  void controlByteInAHeaderValue_isSent_notExit2() throws Exception {
    List<String> heads = new CopyOnWriteArrayList<>();
    try (RawServer server =
        RawServer.start(
            (head, out) -> {
              heads.add(head);
              RawServer.write(
                  out,
                  "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n"
                      + "Access-Control-Allow-Headers: x-test\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n");
            })) {
      CliRun run =
          run("check", server.origin() + "/x", "--origin", PAGE, "--header", "X-Test: a\u0001b");

      assertThat(run.err()).isEmpty();
      assertThat(run.code()).isZero();
      assertThat(heads).anySatisfy(head -> assertThat(head).contains("\r\nX-Test: a\u0001b\r\n"));
      assertThat(run.out()).contains("   > X-Test: a\\u0001b\n");
    }
  }

  @Test
  void urlWithEmptyUserinfo_isChecked_andUrlWithCredentials_isOneLineExit2() throws Exception {
    try (RawServer server = refusingPreflights(new CopyOnWriteArrayList<>())) {
      String url = server.origin().replace("http://", "http://@") + "/x";
      CliRun ok = run("check", url, "--origin", PAGE);
      assertThat(ok.code()).isZero();

      CliRun credentials =
          run("check", server.origin().replace("http://", "http://u:p@") + "/x", "--origin", PAGE);
      assertThat(credentials.code()).isEqualTo(2);
      assertThat(credentials.err())
          .endsWith(
              "contains credentials (user:password@); fetch() refuses such URLs"
                  + System.lineSeparator());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"http://[::1/x", "http://exa mple.com/", "http://127.0.0.1:99999/", "//x/"})
  void malformedUrl_isOneLineExit2_withoutJavaExceptionText(String url) {
    CliRun run = run("check", url, "--origin", PAGE);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("jcors check: URL `" + url + "` is not a valid URL: ");
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void unknownHost_isOneLineExit2() {
    CliRun run = run("check", "http://no-such-host.invalid/x", "--origin", PAGE);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "jcors check: cannot reach http://no-such-host.invalid/x: unknown host"
                + System.lineSeparator());
  }
}
