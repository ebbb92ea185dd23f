package io.jcors.cli;

import io.jcors.CorsProblem.Severity;
import io.jcors.CorsRule;
import io.jcors.check.PrintableText;
import io.jcors.config.ConfigProblem;
import io.jcors.config.Location;

/**
 * One problem of a config file, placed in it: what {@code lint} and {@code serve} print.
 *
 * @param rule the rule broken ({@code S3}, {@code F15}, {@code C1}; docs/cli.md, "Rules")
 * @param severity error (the config does not load) or warning (it loads, but is risky or cannot do
 *     what it seems to)
 * @param location where the option or value is written; null for the file as a whole
 * @param option the option path, such as {@code routes[0].cors.origin[1]}; null for the file
 * @param value the offending value as written, or null
 * @param reason why it is a problem: the attack it enables or why a browser refuses it
 * @param fix how to fix it, or null
 */
record Finding(
    CorsRule rule,
    Severity severity,
    Location location,
    String option,
    String value,
    String reason,
    String fix)
    implements Comparable<Finding> {

  /** A problem of a configuration, placed by jcors-config. */
  static Finding of(ConfigProblem problem) {
    return new Finding(
        problem.rule(),
        problem.severity(),
        problem.location(),
        problem.option() != null ? problem.option() : problem.key(),
        problem.value(),
        problem.reason(),
        problem.fix());
  }

  /** The same finding as an error ({@code --strict}). */
  Finding asError() {
    return new Finding(rule, Severity.ERROR, location, option, value, reason, fix);
  }

  /** {@code "error"} or {@code "warning"}. */
  String level() {
    return severity == Severity.ERROR ? "error" : "warning";
  }

  /**
   * Compiler style, two lines: {@code cors.json:3:15: warning: origin[0]: "http://a.example" is
   * plain http ...} and an indented {@code fix: ...}.
   */
  String toText(String file) {
    // Every part may hold text from the file (a value, a name the parser quotes): escaped, so that
    // one finding stays two lines and cannot write to the terminal.
    StringBuilder s = new StringBuilder(PrintableText.escape(file));
    if (location != null) {
      s.append(':').append(location);
    }
    s.append(": ").append(level()).append(": ");
    if (option != null) {
      s.append(PrintableText.escape(option)).append(": ");
    }
    if (value != null) {
      s.append(PrintableText.escape(value)).append(' ');
    }
    s.append(PrintableText.escape(reason));
    if (fix != null) {
      s.append(System.lineSeparator()).append("    fix: ").append(PrintableText.escape(fix));
    }
    return s.toString();
  }

  @Override
  public int compareTo(Finding other) {
    Location a = location == null ? Location.START : location;
    return a.compareTo(other.location == null ? Location.START : other.location);
  }
}
