package io.jcors.spring.boot;

import io.jcors.config.PropertyProblem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot's "APPLICATION FAILED TO START" report for an invalid jcors configuration: every
 * problem with its property, the value, why and the fix, instead of a bean-creation stack trace.
 */
final class JcorsFailureAnalyzer extends AbstractFailureAnalyzer<JcorsConfigurationException> {
  JcorsFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, JcorsConfigurationException cause) {
    StringBuilder description =
        new StringBuilder("The CORS configuration of jcors has ")
            .append(cause.problems().size())
            .append(cause.problems().size() == 1 ? " problem:\n" : " problems:\n");
    for (PropertyProblem problem : cause.problems()) {
      description.append("\n  ").append(problem.property()).append(": ");
      if (problem.value() != null) {
        description.append(problem.value()).append(' ');
      }
      description.append(problem.reason());
      if (problem.fix() != null) {
        description.append("\n      Fix: ").append(problem.fix());
      }
    }
    return new FailureAnalysis(
        description.toString(),
        "Fix each property listed above (application.yml, application.properties or the"
            + " environment); docs/spring-boot.md describes every jcors property. To start without"
            + " CORS, set jcors.enabled=false.",
        cause);
  }
}
