package io.jcors.spring.boot;

import io.jcors.config.PropertyProblem;
import java.util.List;

/**
 * The jcors configuration cannot be used: every problem found in it, each named by its property.
 * {@link JcorsFailureAnalyzer} turns it into Spring Boot's startup failure report.
 */
final class JcorsConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<PropertyProblem> problems;

  JcorsConfigurationException(List<PropertyProblem> problems) {
    super(message(problems), null, false, false); // the report lists the problems; no trace
    this.problems = List.copyOf(problems);
  }

  List<PropertyProblem> problems() {
    return problems;
  }

  private static String message(List<PropertyProblem> problems) {
    StringBuilder s =
        new StringBuilder("invalid jcors configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem)" : " problems)");
    for (PropertyProblem problem : problems) {
      s.append("\n  - ").append(problem);
    }
    return s.toString();
  }
}
