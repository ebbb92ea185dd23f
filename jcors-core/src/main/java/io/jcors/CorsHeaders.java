package io.jcors;

import java.util.Objects;

/**
 * The CORS headers of one exchange, kept on its response whatever the application and the container
 * do to it: the headers of a {@link CorsDecision} written once, merged into a {@code Vary} the
 * application sets, and put back after the container resets the response or before it commits an
 * error response. Each adapter gives a view of its server's response headers ({@link Target}); the
 * rules live here, once.
 *
 * <pre>{@code
 * CorsHeaders kept = new CorsHeaders(decision, request);
 * kept.writeTo(response);                                   // when the decision is applied
 * response.set("Vary", kept.vary("Accept-Encoding"));       // the application sets Vary
 * response.clear();                                         // the container resets the response
 * kept.restore(response);                                   // before it commits
 * assertEquals("https://app.example.com", response.get("Access-Control-Allow-Origin"));
 * assertEquals("Origin", response.get("Vary"));
 * }</pre>
 */
public final class CorsHeaders {
  /**
   * A server's response headers as this class reads and writes them; an adapter implements it over
   * its response type, without copying.
   */
  public interface Target {
    /**
     * Every value of the header {@code name} (matched ignoring case) joined with {@code ", "}, or
     * null when the response has none.
     */
    String get(String name);

    /** Sets the header {@code name} to {@code value}, replacing every earlier line of it. */
    void set(String name, String value);
  }

  private final CorsDecision decision;
  private final CorsRequest request;

  /** The headers of {@code decision}, made for {@code request}. */
  public CorsHeaders(CorsDecision decision, CorsRequest request) {
    this.decision = Objects.requireNonNull(decision, "decision");
    this.request = Objects.requireNonNull(request, "request");
  }

  /** The decision whose headers are kept. */
  public CorsDecision decision() {
    return decision;
  }

  /** Whether there is anything to keep: false when the decision writes no header. */
  public boolean any() {
    return !decision.isEmpty();
  }

  /**
   * Writes every header of the decision on {@code target}, replacing what is there (as Express
   * does), and merges its names into the {@code Vary} already there.
   */
  public void writeTo(Target target) {
    for (int i = 0; i < decision.headerCount(); i++) {
      target.set(decision.headerName(i), decision.headerValue(i, request));
    }
    mergeVary(target);
  }

  /**
   * Puts back what a reset or an error response removed: each header of the decision that {@code
   * target} no longer has (one the application set itself stays), and the CORS names in {@code
   * Vary}. Idempotent.
   */
  public void restore(Target target) {
    for (int i = 0; i < decision.headerCount(); i++) {
      String name = decision.headerName(i);
      if (target.get(name) == null) {
        target.set(name, decision.headerValue(i, request));
      }
    }
    mergeVary(target);
  }

  /**
   * The {@code Vary} value to send when the application sets {@code applicationVary}: its names
   * with the CORS names merged in ({@link CorsDecision#varyWith(String)}).
   */
  public String vary(String applicationVary) {
    return decision.varyWith(applicationVary);
  }

  private void mergeVary(Target target) {
    if (!decision.varyNames().isEmpty()) {
      target.set("Vary", decision.varyWith(target.get("Vary")));
    }
  }
}
