package io.jcors.check;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs the browser's side of CORS against a live server: the request a page would make, the
 * preflight a browser would send first, the checks a browser applies to each response, and the
 * redirects it would follow. Thread-safe; one instance can run many checks.
 *
 * <pre>{@code
 * CheckRequest request =
 *     CheckRequest.builder(api + "/items", "https://app.example.com")
 *         .method("PUT")
 *         .header("X-Token", "abc")
 *         .build();
 * CheckReport report = CorsCheck.create().run(request);
 * if (report.verdict() == Verdict.BLOCKED) {
 *   System.out.println(report.failure().orElseThrow().fix());
 * }
 * }</pre>
 */
public final class CorsCheck {
  /** The default limit for connecting and for each response. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Transport transport;

  private CorsCheck(Transport transport) {
    this.transport = transport;
  }

  /** A check with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static CorsCheck create() {
    return create(DEFAULT_TIMEOUT);
  }

  /** A check that gives up on a server after {@code timeout} (to connect, and per response). */
  public static CorsCheck create(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new CorsCheck(new HttpTransport(timeout));
  }

  /**
   * Sends the requests a browser would send for {@code request} and reports what it would decide.
   *
   * @throws CheckException of kind {@link CheckException.Kind#UNREACHABLE} when a request gets no
   *     HTTP response at all (a browser would block too, but the question is then not about CORS)
   */
  public CheckReport run(CheckRequest request) throws CheckException {
    Objects.requireNonNull(request, "request");
    return BrowserFetch.run(request, transport);
  }
}
