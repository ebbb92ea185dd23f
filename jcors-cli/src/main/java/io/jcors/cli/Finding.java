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
 * @param source the origin source whose entry it is about (a file's line, a table's row), or null
 *     for the config itself
 */
record Finding(
    CorsRule rule,
    Severity severity,
    Location location,
    String option,
    String value,
    String reason,
    String fix,
    Source source)
    implements Comparable<Finding> {

  /**
   * The origin source an entry comes from.
   *
   * @param key the source's key, {@code file} or {@code jdbc}
   * @param option where the source is written, {@code routes[0].cors.origin[1].file}
   * @param file the file that holds the entry, as the config names it, whose line {@link
   *     #location()} is (column 0: the whole line); null for a table's row, whose location is that
   *     of the source in the config
   */
  record Source(String key, String option, String file) {}

  /** A finding of the config itself. */
  Finding(
      CorsRule rule,
      Severity severity,
      Location location,
      String option,
      String value,
      String reason,
      String fix) {
    this(rule, severity, location, option, value, reason, fix, null);
  }

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
    return new Finding(rule, Severity.ERROR, location, option, value, reason, fix, source);
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
    boolean inSourceFile = source != null && source.file() != null;
    StringBuilder s = new StringBuilder(PrintableText.escape(inSourceFile ? source.file() : file));
    if (inSourceFile) {
      s.append(':').append(location.line()); // an entry is a whole line: tenants.txt:4
    } else if (location != null) {
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

  /**
   * In the order of the config file; the entries of a source file after the config's findings, in
   * the order of their lines.
   */
  @Override
  public int compareTo(Finding other) {
    boolean mine = source != null && source.file() != null;
    boolean theirs = other.source != null && other.source.file() != null;
    if (mine != theirs) {
      return mine ? 1 : -1;
    }
    if (mine && !source.file().equals(other.source.file())) {
      return 0; // two files: the order in which they were read (the sort is stable)
    }
    Location a = location == null ? Location.START : location;
    return a.compareTo(other.location == null ? Location.START : other.location);
  }
}
