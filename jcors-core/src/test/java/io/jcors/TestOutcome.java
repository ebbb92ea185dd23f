package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A policy's decision for a request, written into response headers as an adapter writes them: what
 * the tests of the rules read. {@link Action#PENDING} while an origin or options function is still
 * running; {@link #completion()} writes the headers once it completes.
 */
final class TestOutcome {
  /** What an adapter does next. */
  enum Action {
    NEXT,
    RESPOND,
    PENDING
  }

  private final Action action;
  private final int status;
  private final CompletionStage<TestOutcome> completion;

  private TestOutcome(Action action, int status, CompletionStage<TestOutcome> completion) {
    this.action = action;
    this.status = status;
    this.completion = completion;
  }

  /**
   * {@code policy}'s decision for {@code request}, written into {@code response} when it is known
   * now.
   *
   * @throws CorsResolutionException when a function failed at once
   */
  static TestOutcome apply(CorsPolicy policy, CorsRequest request, CorsHeaders response) {
    CompletableFuture<CorsDecision> decided = policy.decide(request).toCompletableFuture();
    if (!decided.isDone()) {
      return new TestOutcome(
          Action.PENDING, 0, decided.thenApply(decision -> written(decision, request, response)));
    }
    if (decided.isCompletedExceptionally()) {
      throw (CorsResolutionException) decided.handle((decision, error) -> error).join();
    }
    return written(decided.join(), request, response);
  }

  /**
   * Asserts that a GET from {@code origin} goes on to the application with {@code
   * Access-Control-Allow-Origin: origin}, once any function of {@code policy} has completed.
   */
  static void assertActualRequestAllowed(CorsPolicy policy, String origin) {
    TestResponse response = new TestResponse();
    TestOutcome outcome = apply(policy, TestRequest.get("/").origin(origin), response).settled();
    assertThat(outcome.action()).isEqualTo(Action.NEXT);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
  }

  private static TestOutcome written(
      CorsDecision decision, CorsRequest request, CorsHeaders response) {
    decision.writeTo(request, response);
    return decision.action() == CorsDecision.Action.RESPOND
        ? new TestOutcome(Action.RESPOND, decision.status(), null)
        : new TestOutcome(Action.NEXT, 0, null);
  }

  Action action() {
    return action;
  }

  int status() {
    return status;
  }

  /** For {@link Action#PENDING}: the outcome once the function completed. */
  CompletionStage<TestOutcome> completion() {
    return completion;
  }

  /**
   * This outcome, or for {@link Action#PENDING} the outcome once the function completed, waiting
   * for it: what an adapter ends up doing, whether the answer was known now or later.
   */
  TestOutcome settled() {
    return action == Action.PENDING ? completion.toCompletableFuture().join() : this;
  }

  @Override
  public String toString() {
    return action == Action.RESPOND ? "RESPOND " + status : action.name();
  }
}
