package io.jcors.check;

import java.util.Objects;

/**
 * Whether the browser sends a preflight before the request, and why.
 *
 * <pre>{@code
 * Preflight preflight = report.preflight();
 * if (preflight.sent()) {
 *   System.out.println("preflight: " + preflight.reason());
 * }
 * }</pre>
 *
 * @param sent whether an {@code OPTIONS} preflight was sent (before the request or after a
 *     redirect)
 * @param reason why, or why not, in plain words
 */
public record Preflight(boolean sent, String reason) {
  /** Both parts are required. */
  public Preflight {
    Objects.requireNonNull(reason, "reason");
  }
}
