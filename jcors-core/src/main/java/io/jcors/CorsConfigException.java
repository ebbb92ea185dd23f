package io.jcors;

import java.util.List;

/**
 * A CORS configuration that cannot be used, with every problem found in it (not only the first).
 *
 * <pre>{@code
 * CorsConfigException e =
 *     assertThrows(
 *         CorsConfigException.class,
 *         () -> CorsOptions.builder().methods("GET", "NOT A METHOD").maxAge(-5).strict(true).build());
 * assertEquals(2, e.problems().size());
 * }</pre>
 */
public final class CorsConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<CorsProblem> problems;

  CorsConfigException(List<CorsProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem that makes the configuration unusable, in the order of the options. */
  public List<CorsProblem> problems() {
    return problems;
  }

  private static String message(List<CorsProblem> problems) {
    StringBuilder s =
        new StringBuilder("invalid CORS configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem)" : " problems)");
    for (CorsProblem problem : problems) {
      s.append("\n  - ").append(problem);
    }
    return s.toString();
  }
}
