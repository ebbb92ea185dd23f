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
    // the report lists the problems; no trace
    super(PropertyProblem.listed("invalid jcors configuration", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  List<PropertyProblem> problems() {
    return problems;
  }
}
