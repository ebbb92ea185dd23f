package io.jcors.check;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The time one check may take, from its start: every request of it (preflight, request, each
 * redirect), connecting, waiting for each response and reading each body to its end. It belongs to
 * the check, not to a transport, so that any {@link Transport} is bounded the same way.
 */
final class Deadline {
  private final Duration budget;
  private final long end;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.end = System.nanoTime() + budget.toNanos();
  }

  /** A deadline {@code budget} from now. */
  static Deadline after(Duration budget) {
    return new Deadline(budget);
  }

  /** The time left; zero or negative once the deadline has passed. */
  Duration remaining() {
    return Duration.ofNanos(end - System.nanoTime());
  }

  /** The exception for a check that ran out of time while {@code doing} (one clause, no period). */
  CheckException passed(String doing) {
    return new CheckException(
        CheckException.Kind.TIMEOUT,
        "gave up after " + seconds(budget) + ", the time allowed for the whole check: " + doing);
  }

  /** {@code 10 s}, {@code 1.5 s}, {@code 0.25 s}. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }
}
