package io.jcors.check;

import java.util.Locale;

/**
 * Whether the page can read the response.
 *
 * <pre>{@code
 * assertEquals("allowed", Verdict.ALLOWED.json());
 * assertEquals(0, Verdict.ALLOWED.exitCode());
 * assertEquals(1, Verdict.BLOCKED.exitCode());
 * }</pre>
 */
public enum Verdict {
  /** The browser gives the response to the page. */
  ALLOWED,
  /** The browser rejects the fetch with a network error (a {@code TypeError} in the page). */
  BLOCKED;

  /** The JSON form: {@code "allowed"} or {@code "blocked"}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The exit status of {@code jcors check}: 0 when allowed, 1 when blocked. */
  public int exitCode() {
    return this == ALLOWED ? 0 : 1;
  }
}
