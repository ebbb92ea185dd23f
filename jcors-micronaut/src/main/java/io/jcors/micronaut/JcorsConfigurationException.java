package io.jcors.micronaut;

import io.jcors.config.PropertyProblem;
import java.util.List;

/**
 * The {@code jcors.*} configuration cannot be used: every problem found in it, each naming the
 * property that set it, the value, why, and the fix. Thrown while the application context starts,
 * so the application does not start with a CORS policy other than the one written.
 *
 * <p>Micronaut reports it as the cause of the {@code BeanInstantiationException} of {@link
 * CorsFilter}; its message reads:
 *
 * <pre>
 * jcors: invalid CORS configuration (2 problems)
 *   - jcors.max-age: "soon" is not a whole number ...
 *   - jcors.origin[0]: "http://app.example.com/" has a path ...
 * </pre>
 */
public final class JcorsConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Each problem, in the order of the configuration. */
  private final List<String> problems;

  JcorsConfigurationException(List<String> problems) {
    // the message lists the problems; no trace
    super(
        PropertyProblem.listed("jcors: invalid CORS configuration", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem, one line each: {@code jcors.routes[0].cors.max-age: "soon" is not a number. Fix:
   * ...}.
   */
  public List<String> problems() {
    return problems;
  }
}
