package io.jcors.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one or more engines decide for the fetch, and why: the verdict, whether a preflight was
 * sent, the warnings about the request itself, each request and response with the checks applied to
 * it, and when blocked, the failing check. Engines that send the same requests, see the same
 * responses and decide the same share one outcome.
 *
 * <pre>{@code
 * for (Outcome outcome : report.outcomes()) {
 *   System.out.println(Browser.names(outcome.browsers()) + ": " + outcome.verdict());
 * }
 * }</pre>
 */
public final class Outcome {
  private final Set<Browser> browsers;
  private final Verdict verdict;
  private final Preflight preflight;
  private final List<Check> requestChecks;
  private final List<Step> steps;
  private final Check failure;
  private final List<String> readableHeaders;
  private final int status;

  Outcome(
      Set<Browser> browsers,
      Verdict verdict,
      Preflight preflight,
      List<Check> requestChecks,
      List<Step> steps,
      Check failure,
      List<String> readableHeaders,
      int status) {
    this.browsers = Set.copyOf(EnumSet.copyOf(browsers));
    this.verdict = Objects.requireNonNull(verdict);
    this.preflight = Objects.requireNonNull(preflight);
    this.requestChecks = List.copyOf(requestChecks);
    this.steps = List.copyOf(steps);
    this.failure = failure;
    this.readableHeaders = List.copyOf(readableHeaders);
    this.status = status;
  }

  /** The engines this outcome is for. */
  public Set<Browser> browsers() {
    return EnumSet.copyOf(browsers);
  }

  /** Whether the page can read the response. */
  public Verdict verdict() {
    return verdict;
  }

  /** Whether a preflight was sent, and why. */
  public Preflight preflight() {
    return preflight;
  }

  /**
   * The checks on the request before anything is sent: a forbidden request header the page set,
   * which the browser drops (a warning, F29).
   */
  public List<Check> requestChecks() {
    return requestChecks;
  }

  /** Every request sent, in order, with its response and checks. */
  public List<Step> steps() {
    return steps;
  }

  /** The check that made the browser block the request; empty when allowed. */
  public Optional<Check> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The lower-case names of the response headers the page can read (F30, F31); empty when blocked.
   */
  public List<String> readableHeaders() {
    return readableHeaders;
  }

  /** The status of the last response received (the page sees it only when allowed). */
  public int status() {
    return status;
  }

  /** This outcome for {@code more} engines too. */
  Outcome with(Set<Browser> more) {
    Set<Browser> all = EnumSet.copyOf(browsers);
    all.addAll(more);
    return new Outcome(
        all, verdict, preflight, requestChecks, steps, failure, readableHeaders, status);
  }

  /** Whether {@code other} says the same, whatever engines it is for. */
  boolean sameAs(Outcome other) {
    return verdict == other.verdict
        && preflight.equals(other.preflight)
        && requestChecks.equals(other.requestChecks)
        && steps.equals(other.steps)
        && Objects.equals(failure, other.failure)
        && readableHeaders.equals(other.readableHeaders)
        && status == other.status;
  }
}
