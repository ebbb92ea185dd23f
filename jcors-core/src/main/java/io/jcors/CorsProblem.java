package io.jcors;

import java.util.Objects;

/**
 * One problem in a CORS configuration: the option, the offending value, why it is a problem and how
 * to fix it.
 *
 * <pre>{@code
 * CorsConfigException e =
 *     assertThrows(
 *         CorsConfigException.class,
 *         () -> CorsOptions.builder().origin("*").credentials(true).build());
 * CorsProblem problem = e.problems().get(0);
 * assertEquals("credentials", problem.option());
 * assertEquals(CorsRule.S2, problem.rule());
 * assertEquals(CorsProblem.Severity.ERROR, problem.severity());
 * }</pre>
 */
public final class CorsProblem {
  /** How serious a problem is. */
  public enum Severity {
    /** The configuration is refused: it cannot work as written. */
    ERROR,
    /**
     * The configuration works but is risky or cannot do what it seems to; strict mode refuses it.
     */
    WARNING
  }

  private final CorsRule rule;
  private final Severity severity;
  private final String option;
  private final String value;
  private final String reason;
  private final String fix;

  CorsProblem(
      CorsRule rule, Severity severity, String option, String value, String reason, String fix) {
    // Options, values and reasons quote config files, database rows and requests: escaped here,
    // every problem can be logged or printed without forging a line.
    this.rule = Objects.requireNonNull(rule);
    this.severity = Objects.requireNonNull(severity);
    this.option = Problems.escape(Objects.requireNonNull(option));
    this.value = Problems.escape(value);
    this.reason = Problems.escape(Objects.requireNonNull(reason));
    this.fix = Problems.escape(fix);
  }

  /**
   * {@code text} as problems show a value: in double quotes, with quotes, backslashes and control
   * characters escaped, so that a value read from a config file, a database row or a request can be
   * logged without starting a new line.
   *
   * <pre>{@code
   * String logged = CorsProblem.quote("https://*.ex\nWARNING: forged");
   * assertEquals("\"https://*.ex\\u000aWARNING: forged\"", logged);
   * }</pre>
   */
  public static String quote(String text) {
    return Problems.quote(String.valueOf(text));
  }

  /**
   * The rule broken, for programs: {@code S3} (docs/security.md), {@code F15}
   * (docs/fetch-rules.md), {@code C1} (the shape of a configuration). The {@link #reason()} names S
   * and F rules too, for people.
   */
  public CorsRule rule() {
    return rule;
  }

  /** Whether the configuration is refused because of this problem. */
  public Severity severity() {
    return severity;
  }

  /**
   * The option, as a path into the configuration: {@code origin[2]}, {@code routes[0].cors.maxAge}.
   */
  public String option() {
    return option;
  }

  /** The offending value as written in a config file ({@code "http://a.example/"}), or null. */
  public String value() {
    return value;
  }

  /**
   * Why it is a problem. When {@link #value()} is set, the reason completes a sentence about it.
   */
  public String reason() {
    return reason;
  }

  /** How to fix it, or null when the reason says it all. */
  public String fix() {
    return fix;
  }

  CorsProblem withSeverity(Severity newSeverity) {
    return new CorsProblem(rule, newSeverity, option, value, reason, fix);
  }

  CorsProblem under(String prefix) {
    String path = option.startsWith("[") ? prefix + option : prefix + "." + option;
    return new CorsProblem(rule, severity, prefix.isEmpty() ? option : path, value, reason, fix);
  }

  /**
   * The problem in one line: {@code origin[0]: "http://api.example.com/" has a trailing slash; an
   * origin is scheme://host[:port], without a path. Fix: write "http://api.example.com".}
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(option).append(": ");
    if (value != null) {
      s.append(value).append(' ');
    }
    s.append(reason);
    if (fix != null) {
      s.append(". Fix: ").append(fix);
    }
    return s.toString();
  }
}
