package io.jcors.config;

import io.jcors.CorsProblem;
import io.jcors.CorsProblem.Severity;
import io.jcors.CorsRule;

/**
 * One problem of a configuration, placed where it is written: at a line and column of a JSON or
 * YAML file, or at a key of a flat configuration ({@code routes[0].cors.maxAge} of init-params or a
 * properties file). Problems found by the core's checks keep the {@link CorsProblem} they come
 * from; the problems of the file itself (a syntax error, a key written twice, a file that cannot be
 * read) have none.
 *
 * <pre>{@code
 * LoadedConfig config =
 *     ConfigReader.readMap("init-params", Map.of("maxAge", "soon"), OriginSources.none());
 * ConfigProblem problem = config.problems().get(0);
 * assertEquals("maxAge", problem.key());
 * assertEquals("\"soon\"", problem.value());
 * }</pre>
 */
public final class ConfigProblem implements Comparable<ConfigProblem> {
  private final Severity severity;
  private final Location location;
  private final String key;
  private final String option;
  private final String value;
  private final String reason;
  private final String fix;
  private final CorsProblem problem;

  ConfigProblem(
      Severity severity,
      Location location,
      String key,
      String option,
      String value,
      String reason,
      String fix,
      CorsProblem problem) {
    // Keys, values and parser messages come from the file: escaped, as the core escapes its
    // problems, so that a problem can be logged or printed without forging a line.
    this.severity = severity;
    this.location = location;
    this.key = escape(key);
    this.option = escape(option);
    this.value = escape(value);
    this.reason = escape(reason);
    this.fix = escape(fix);
    this.problem = problem;
  }

  /**
   * {@code text} with each character the core escapes (C0 and C1 controls, DEL, the line and
   * paragraph separators) written as {@link CorsProblem#quote} writes it, a JSON escape.
   */
  private static String escape(String text) {
    if (text == null || text.chars().noneMatch(ConfigProblem::escaped)) {
      return text;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped(c)) {
        String quoted = CorsProblem.quote(String.valueOf(c));
        s.append(quoted, 1, quoted.length() - 1);
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static boolean escaped(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
  }

  /** A problem of the core, placed at {@code location} or {@code key}. */
  static ConfigProblem of(CorsProblem problem, Location location, String key) {
    return new ConfigProblem(
        problem.severity(),
        location,
        key,
        problem.option(),
        problem.value(),
        problem.reason(),
        problem.fix(),
        problem);
  }

  /** A problem of the file or map itself: always an error, with no core problem. */
  static ConfigProblem error(
      Location location, String key, String option, String value, String reason, String fix) {
    return new ConfigProblem(Severity.ERROR, location, key, option, value, reason, fix, null);
  }

  /**
   * The rule broken: the core's for a problem of the options, {@link CorsRule#C7} for a source that
   * cannot be read as a configuration (a syntax error, a key written twice, a malformed flat key).
   */
  public CorsRule rule() {
    return problem != null ? problem.rule() : CorsRule.C7;
  }

  /** Error (the configuration does not load) or warning (it loads, but is risky). */
  public Severity severity() {
    return severity;
  }

  /** Where in a file the problem is written; null for a flat configuration, or the whole file. */
  public Location location() {
    return location;
  }

  /** The key of a flat configuration the problem is written under; null for files. */
  public String key() {
    return key;
  }

  /**
   * The option path, such as {@code routes[0].cors.origin[1]}; null for a problem of the whole file
   * (it cannot be read, or is not an object).
   */
  public String option() {
    return option;
  }

  /** The offending value as written (strings quoted), or null. */
  public String value() {
    return value;
  }

  /** Why it is a problem; with {@link #value()}, it completes a sentence about the value. */
  public String reason() {
    return reason;
  }

  /** How to fix it, or null when the reason says it all. */
  public String fix() {
    return fix;
  }

  /** The core's problem this one places, or null for a problem of the file itself. */
  public CorsProblem problem() {
    return problem;
  }

  /** The same problem as an error (for {@code --strict}). */
  public ConfigProblem asError() {
    return new ConfigProblem(Severity.ERROR, location, key, option, value, reason, fix, problem);
  }

  /** In the order of the file: by location, problems without one first. */
  @Override
  public int compareTo(ConfigProblem other) {
    Location a = location == null ? Location.START : location;
    return a.compareTo(other.location == null ? Location.START : other.location);
  }

  /**
   * The problem in one line, after its location: {@code 3:15: origin[0]: "http://a.example/" has a
   * trailing slash ... Fix: ...}, or {@code maxAge: "soon" is not a whole number}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (location != null) {
      s.append(location).append(": ");
    }
    if (option != null) {
      s.append(option).append(": ");
    } else if (key != null) {
      s.append(key).append(": ");
    }
    return PropertyProblem.appendProblem(s, value, reason, fix).toString();
  }
}
