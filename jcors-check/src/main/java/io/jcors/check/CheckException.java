package io.jcors.check;

/**
 * The check could not run: the input cannot describe a browser request ({@link Kind#USAGE}), the
 * server could not be reached ({@link Kind#UNREACHABLE}), or it did not finish in time ({@link
 * Kind#TIMEOUT}). The message says which and why, in words a command line can print as is; {@code
 * jcors check} exits with status 2.
 *
 * <pre>{@code
 * CheckException e =
 *     assertThrows(
 *         CheckException.class,
 *         () -> CheckRequest.builder("http://127.0.0.1:8080/", "https://a.example/").build());
 * assertEquals(CheckException.Kind.USAGE, e.kind());
 * }</pre>
 */
public final class CheckException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the check could not run. */
  public enum Kind {
    /** The URL, origin, method or a header cannot be used by a page's {@code fetch()}. */
    USAGE,
    /** No HTTP response: connection refused, unknown host, TLS failure. */
    UNREACHABLE,
    /**
     * The check did not finish within its time: a server that does not answer, answers too slowly,
     * or sends a body that does not end ({@link CorsCheck#create(java.time.Duration)}).
     */
    TIMEOUT
  }

  private final Kind kind;

  CheckException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  CheckException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Why the check could not run. */
  public Kind kind() {
    return kind;
  }

  /** The exit status of {@code jcors check} for this failure: always 2. */
  public int exitCode() {
    return 2;
  }
}
