package io.jcors.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the browser's side of CORS against a live server: the request a page would make, the
 * preflight a browser would send first, the checks a browser applies to each response, and the
 * redirects it would follow, once for each browser engine (Chrome, Firefox, Safari) where they
 * differ. Thread-safe; one instance can run many checks.
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
  private final Set<Browser> browsers;

  private CorsCheck(Transport transport, Duration timeout, Set<Browser> browsers) {
    this.transport = transport;
    this.timeout = timeout;
    this.browsers = browsers;
  }

  /** A check of every engine with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static CorsCheck create() {
    return create(DEFAULT_TIMEOUT);
  }

  /**
   * A check of every engine that gives up when one {@link #run(CheckRequest) run} has not finished
   * within {@code timeout}: all its requests together (preflight, request, redirects), each
   * connection, each wait for a response and the reading of each body to its end. A server that
   * sends its body one byte a second is given up on at the deadline like one that never answers.
   */
  public static CorsCheck create(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new CorsCheck(new SocketTransport(), timeout, Browser.all());
  }

  /** A check for the transport given (tests: a scripted one, or TLS with a test certificate). */
  static CorsCheck create(Transport transport, Duration timeout) {
    return new CorsCheck(transport, timeout, Browser.all());
  }

  /**
   * This check for {@code browsers} only ({@code --browser firefox}).
   *
   * @throws IllegalArgumentException when {@code browsers} is empty
   */
  public CorsCheck browsers(Set<Browser> browsers) {
    if (browsers.isEmpty()) {
      throw new IllegalArgumentException("at least one browser");
    }
    return new CorsCheck(transport, timeout, EnumSet.copyOf(browsers));
  }

  /** The engines this check predicts. */
  public Set<Browser> browsers() {
    return EnumSet.copyOf(browsers);
  }

  /**
   * Sends the requests each engine would send for {@code request} and reports what each would
   * decide. An exchange that several engines make alike (the same request bytes) is sent once.
   *
   * @throws CheckException of kind {@link CheckException.Kind#UNREACHABLE} when a request gets no
   *     HTTP response at all (a browser would block too, but the question is then not about CORS),
   *     or {@link CheckException.Kind#TIMEOUT} when the check has not finished within its timeout
   */
  public CheckReport run(CheckRequest request) throws CheckException {
    Objects.requireNonNull(request, "request");
    Deadline deadline = Deadline.after(timeout);
    // An exchange is sent once: an engine that sends the same request as an engine before it, as
    // the same n-th such request of its fetch (a redirect loop repeats one), gets its response.
    Map<List<Object>, RawResponse> exchanges = new HashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    Map<Browser, PreflightCache> caches = new EnumMap<>(Browser.class);
    for (Browser browser : browsers) {
      Map<SentRequest, Integer> times = new HashMap<>();
      Transport once =
          (sentRequest, limit) -> {
            int time = times.merge(sentRequest, 1, Integer::sum);
            List<Object> key = List.of(sentRequest, time);
            RawResponse response = exchanges.get(key);
            if (response == null) {
              response = transport.send(sentRequest, limit);
              exchanges.put(key, response);
            }
            return response;
          };
      BrowserFetch.Result result = BrowserFetch.run(request, browser, browsers, once, deadline);
      if (result.cache() != null) {
        caches.put(browser, result.cache());
      }
      boolean merged = false;
      for (int i = 0; i < outcomes.size() && !merged; i++) {
        if (outcomes.get(i).sameAs(result.outcome())) {
          outcomes.set(i, outcomes.get(i).with(result.outcome().browsers()));
          merged = true;
        }
      }
      if (!merged) {
        outcomes.add(result.outcome());
      }
    }
    return new CheckReport(request, browsers, outcomes, caches);
  }
}
