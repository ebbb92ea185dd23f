package io.jcors.config;

import io.jcors.CorsProblem;
import java.util.List;

/**
 * One problem of the jcors configuration as the user of a framework's application properties reads
 * it (Spring Boot, Quarkus): the property ({@code jcors.routes[0].cors.origin}), the value as
 * written (or null), why, and the fix (or null).
 *
 * <pre>{@code
 * String line =
 *     new PropertyProblem("jcors.max-age", "\"ten\"", "is not a number", "write seconds").toString();
 * // line is: jcors.max-age: "ten" is not a number. Fix: write seconds
 * }</pre>
 *
 * @param property the property that set the value
 * @param value the value as written, or null
 * @param reason why it is a problem
 * @param fix how to fix it, or null
 */
public record PropertyProblem(String property, String value, String reason, String fix) {
  /** A problem of the core, its option renamed to {@code property}, the property that set it. */
  public static PropertyProblem of(CorsProblem problem, String property) {
    return new PropertyProblem(property, problem.value(), problem.reason(), problem.fix());
  }

  /** {@code property: value reason. Fix: fix}, as the core words its problems. */
  @Override
  public String toString() {
    return appendProblem(new StringBuilder(property).append(": "), value, reason, fix).toString();
  }

  /**
   * Appends {@code value reason. Fix: fix} to {@code s}, leaving out the value and the fix when
   * null: the words after the name of what is wrong, as the core writes them.
   */
  static StringBuilder appendProblem(StringBuilder s, String value, String reason, String fix) {
    if (value != null) {
      s.append(value).append(' ');
    }
    s.append(reason);
    if (fix != null) {
      s.append(". Fix: ").append(fix);
    }
    return s;
  }

  /**
   * The message of an exception that lists configuration problems: {@code heading}, how many there
   * are, then each on its own line, as {@link ConfigException} and the frameworks' configuration
   * exceptions word it.
   *
   * <pre>{@code
   * String message =
   *     PropertyProblem.listed(
   *         "invalid jcors configuration",
   *         List.of(new PropertyProblem("jcors.max-age", "\"ten\"", "is not a number", null)));
   * assertEquals(
   *     "invalid jcors configuration (1 problem)\n  - jcors.max-age: \"ten\" is not a number", message);
   * }</pre>
   *
   * @param heading what is invalid, {@code cors.yaml: invalid CORS configuration}
   * @param problems the problems, each written by its {@code toString()}
   * @return the message
   */
  public static String listed(String heading, List<?> problems) {
    StringBuilder s =
        new StringBuilder(heading)
            .append(" (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem)" : " problems)");
    for (Object problem : problems) {
      s.append("\n  - ").append(problem);
    }
    return s.toString();
  }
}
