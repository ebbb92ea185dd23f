package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcors.testsupport.RawServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One deadline bounds the whole check: every request of it (preflight, request, redirects),
 * connecting, waiting for the headers and reading each body to its end. A server that sent its
 * headers and then a body at one byte a second once kept the check running for as long as the body
 * lasted, since the timeout covered the headers only; twenty slow redirects each stayed under the
 * per-request timeout.
 */
class CheckDeadlineTest {
  private static final String PAGE = "https://app.example.com";
  private static final Duration DEADLINE = Duration.ofMillis(1500);

  /** Long enough for the check to finish well after its deadline, short enough to fail fast. */
  private static final Duration BOUND = Duration.ofSeconds(6);

  CheckDeadlineTest() {}

  private static CheckException timedOut(String url) {
    long start = System.nanoTime();
    CheckException e =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                assertThrows(
                    CheckException.class,
                    () -> CorsCheck.create(DEADLINE).run(CheckRequest.builder(url, PAGE).build())));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isBetween(DEADLINE.minusMillis(100), DEADLINE.plusMillis(1500));
    assertThat(e.kind()).isEqualTo(CheckException.Kind.TIMEOUT);
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  /** The message of a check that timed out waiting for the response to a GET of {@code url}. */
  private static String noResponseYet(String url) {
    return "gave up after 1.5 s, the time allowed for the whole check: no response yet to GET "
        + url;
  }

  @Test
  void bodyAtOneBytePerSecond_endsAtTheDeadline() throws Exception {
    try (RawServer server = RawServer.slowBody()) {
      CheckException e = timedOut(server.origin() + "/slow");

      assertThat(e.getMessage())
          .isEqualTo(
              "gave up after 1.5 s, the time allowed for the whole check: the body of the"
                  + " response to GET "
                  + server.origin()
                  + "/slow was still arriving");
    }
  }

  @Test
  void slowRedirects_shareOneDeadline() throws Exception {
    // Each response takes 0.4 s, well under the deadline; 20 redirects take 8 s.
    try (RawServer server =
        RawServer.start(
            (head, out) -> {
              Thread.sleep(400);
              RawServer.write(
                  out,
                  "HTTP/1.1 302 Found\r\nLocation: /again\r\nAccess-Control-Allow-Origin: *\r\n"
                      + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            })) {
      String url = server.origin() + "/again";

      assertThat(timedOut(url).getMessage()).isEqualTo(noResponseYet(url));
    }
  }

  @Test
  void serverThatNeverAnswers_endsAtTheDeadline() throws Exception {
    try (RawServer server = RawServer.start((head, out) -> Thread.sleep(60_000))) {
      String url = server.origin() + "/silent";

      assertThat(timedOut(url).getMessage()).isEqualTo(noResponseYet(url));
    }
  }
}
