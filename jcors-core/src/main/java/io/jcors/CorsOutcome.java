package io.jcors;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * What a server adapter does after {@link CorsPolicy#apply(CorsRequest, CorsResponse)} has written
 * the CORS headers: pass the request on to the application ({@link Action#NEXT}), answer a
 * preflight now ({@link Action#RESPOND}), or wait for an origin or options function ({@link
 * Action#PENDING}).
 *
 * <pre>{@code
 * // request: an adapter's view of a preflight (OPTIONS, Origin, Access-Control-Request-Method)
 * CorsOutcome outcome = CorsPolicy.defaults().apply(request, response);
 * assertEquals(CorsOutcome.Action.RESPOND, outcome.action());
 * assertEquals(204, outcome.status());
 * }</pre>
 */
public final class CorsOutcome {
  /** The next step for the adapter. */
  public enum Action {
    /** Pass the request on to the application (Express's {@code next()}). */
    NEXT,
    /**
     * End the exchange now with {@link CorsOutcome#status()}, {@code Content-Length: 0} and an
     * empty body: the answer to a preflight.
     */
    RESPOND,
    /**
     * Wait for {@link CorsOutcome#completion()}, then act on the outcome it gives. It fails with a
     * {@link CorsResolutionException} when a function failed.
     */
    PENDING
  }

  private static final CorsOutcome NEXT = new CorsOutcome(Action.NEXT, 0, null);

  private final Action action;
  private final int status;
  private final CompletionStage<CorsOutcome> completion;

  private CorsOutcome(Action action, int status, CompletionStage<CorsOutcome> completion) {
    this.action = action;
    this.status = status;
    this.completion = completion;
  }

  static CorsOutcome next() {
    return NEXT;
  }

  static CorsOutcome respond(int status) {
    return new CorsOutcome(Action.RESPOND, status, null);
  }

  static CorsOutcome pending(CompletionStage<CorsOutcome> completion) {
    return new CorsOutcome(Action.PENDING, 0, Objects.requireNonNull(completion));
  }

  /** The next step. */
  public Action action() {
    return action;
  }

  /** The status to answer with, for {@link Action#RESPOND}. */
  public int status() {
    if (action != Action.RESPOND) {
      throw new IllegalStateException("status() is for RESPOND outcomes, this one is " + action);
    }
    return status;
  }

  /**
   * For {@link Action#PENDING}: the final outcome, {@link Action#NEXT} or {@link Action#RESPOND},
   * once the function has completed and the headers are written.
   */
  public CompletionStage<CorsOutcome> completion() {
    if (action != Action.PENDING) {
      throw new IllegalStateException(
          "completion() is for PENDING outcomes, this one is " + action);
    }
    return completion;
  }

  @Override
  public String toString() {
    return action == Action.RESPOND ? "RESPOND " + status : action.name();
  }
}
