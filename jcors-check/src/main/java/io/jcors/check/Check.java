package io.jcors.check;

import java.util.Objects;

/**
 * One check of the Fetch standard that the browser applies to a response, and its result in plain
 * words.
 *
 * <pre>{@code
 * Check check = report.failure().orElseThrow();
 * assertEquals("F9", check.rule());
 * assertFalse(check.passed());
 * System.out.println(check.explanation() + "\nFix: " + check.fix());
 * }</pre>
 *
 * @param rule the rule of docs/fetch-rules.md, such as {@code F9}
 * @param name a short name: {@code allow-origin}, {@code ok-status}, {@code method}, ...
 * @param passed whether the browser accepts the response at this check
 * @param explanation what the browser compared and what it found
 * @param fix what to change on the server when the check fails; for a check that passes only
 *     because browsers are more lenient than the Fetch standard, what to change to be safe (a
 *     warning); empty otherwise
 */
public record Check(String rule, String name, boolean passed, String explanation, String fix) {
  /** All parts are required. */
  public Check {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(fix, "fix");
  }

  /** Whether the check passes only through a browser leniency that may go away. */
  public boolean warning() {
    return passed && !fix.isEmpty();
  }

  static Check pass(String rule, String name, String explanation) {
    return new Check(rule, name, true, explanation, "");
  }

  static Check fail(String rule, String name, String explanation, String fix) {
    return new Check(rule, name, false, explanation, fix);
  }
}
