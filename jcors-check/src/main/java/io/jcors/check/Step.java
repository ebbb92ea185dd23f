package io.jcors.check;

import java.util.List;
import java.util.Objects;

/**
 * One request the browser sends on the page's behalf (a preflight, the request itself, or the
 * request again after a redirect), the response, and the checks applied to it.
 *
 * <pre>{@code
 * for (Step step : report.steps()) {
 *   System.out.println(step.kind() + " " + step.request().url() + " -> " + step.passed());
 * }
 * }</pre>
 *
 * @param kind preflight or request
 * @param request the request sent
 * @param response the response received
 * @param checks the checks in the order the browser applies them; the browser stops at the first
 *     failure, and so does this list
 * @param passed whether every check passed
 */
public record Step(
    Kind kind, SentRequest request, ReceivedResponse response, List<Check> checks, boolean passed) {
  /** What the browser sent. */
  public enum Kind {
    /** The CORS-preflight request ({@code OPTIONS}, no credentials). */
    PREFLIGHT,
    /** The page's request (or its repetition after a redirect). */
    REQUEST;

    /** The JSON form: {@code "preflight"} or {@code "request"}. */
    public String json() {
      return this == PREFLIGHT ? "preflight" : "request";
    }
  }

  /** Copies the checks. */
  public Step {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    checks = List.copyOf(checks);
  }
}
