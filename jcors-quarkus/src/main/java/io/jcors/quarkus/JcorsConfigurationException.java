package io.jcors.quarkus;

import io.jcors.config.PropertyProblem;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code jcors.*} configuration cannot be used: thrown while the application starts, its
 * message lists every problem (the property, the value, why, and the fix). Quarkus prints the
 * message of a {@link ConfigurationException} and stops, without a stack trace:
 *
 * <pre>
 * The CORS configuration of jcors (application.properties) has 2 problems:
 *   jcors.max-age: "soon" is not a whole number of seconds. Fix: ...
 *   jcors.credentials: true cannot be combined with origin "*": ... Fix: ...
 * </pre>
 */
public final class JcorsConfigurationException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  JcorsConfigurationException(String source, List<PropertyProblem> problems) {
    super(message(source, problems), properties(problems));
    this.problems = problems.stream().map(PropertyProblem::toString).toList();
  }

  /** Each problem, as one line of the message: {@code property: value reason. Fix: fix}. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<PropertyProblem> problems) {
    StringBuilder s =
        new StringBuilder("The CORS configuration of jcors (")
            .append(source)
            .append(") has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (PropertyProblem problem : problems) {
      s.append("\n  ").append(problem);
    }
    return s.append(
            "\nFix each property listed above (application.properties, a profile or the"
                + " environment); see docs/quarkus.md, or set jcors.enabled=false.")
        .toString();
  }

  private static Set<String> properties(List<PropertyProblem> problems) {
    Set<String> properties = new LinkedHashSet<>();
    problems.forEach(problem -> properties.add(problem.property()));
    return properties;
  }
}
