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
  /** The default time one check may take, all its requests together. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Transport transport;
  private final Duration timeout;

  private CorsCheck(Transport transport, Duration timeout) {
    this.transport = transport;
    this.timeout = timeout;
  }

  /** A check with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static CorsCheck create() {
    return create(DEFAULT_TIMEOUT);
  }

  /**
   * A check that gives up when one {@link #run(CheckRequest) run} has not finished within {@code
   * timeout}: all its requests together (preflight, request, redirects), each connection, each wait
   * for a response and the reading of each body to its end. A server that sends its body one byte a
   * second is given up on at the deadline like one that never answers.
   */
  public static CorsCheck create(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new CorsCheck(new HttpTransport(timeout), timeout);
  }

  /**
   * Sends the requests a browser would send for {@code request} and reports what it would decide.
   *
   * @throws CheckException of kind {@link CheckException.Kind#UNREACHABLE} when a request gets no
   *     HTTP response at all (a browser would block too, but the question is then not about CORS),
   *     or {@link CheckException.Kind#TIMEOUT} when the check has not finished within its timeout
   */
  public CheckReport run(CheckRequest request) throws CheckException {
    Objects.requireNonNull(request, "request");
    return BrowserFetch.run(request, transport, Deadline.after(timeout));
  }
}
