package io.jcors;

/**
 * The rule a {@link CorsProblem} breaks, so that a program (a CI gate, a framework's failure
 * report, an editor) can tell one rule from another without reading the prose. {@code S} rules are
 * the misconfiguration classes of docs/security.md, {@code F} rules those of the Fetch standard in
 * docs/fetch-rules.md, and {@code C} rules the shape of a configuration (docs/cli.md, "Rules").
 *
 * <pre>{@code
 * CorsProblem problem =
 *     CorsOptions.builder().origin(List.of("null")).problems().get(0);
 * assertEquals(CorsRule.S3, problem.rule());
 * }</pre>
 */
public enum CorsRule {
  /** Any origin reflected with credentials. */
  S1,
  /** {@code *} with credentials. */
  S2,
  /** {@code null} or {@code file:} origins trusted. */
  S3,
  /** A regex that lets in a domain that ends like an allowed one. */
  S4,
  /** A regex that lets anything follow the host, or any top-level domain. */
  S5,
  /** An unescaped {@code .} in a regex. */
  S6,
  /** A regex not anchored at both ends. */
  S7,
  /** A regex that can backtrack catastrophically, or that the regex engine cannot run. */
  S8,
  /** A plain {@code http:} origin trusted with credentials. */
  S10,
  /** Wildcard subdomains of a public suffix trusted with credentials. */
  S11,
  /** An origin that is not a serialized origin, which no browser sends. */
  S15,
  /** A non-ASCII (internationalized) origin or pattern. */
  S16,
  /** {@code Set-Cookie} exposed, or {@code *} exposed with credentials. */
  S20,
  /** A max-age above Chromium's cap of 7200 seconds. */
  S25,
  /** A preflight answered with a status that is not 2xx. */
  F15,
  /** A list element that is not an HTTP token: browsers reject the whole header. */
  F17,
  /** A method that browsers compare case-sensitively, or {@code *} with credentials. */
  F18,
  /** A header {@code *} with credentials, which browsers read as a header named {@code *}. */
  F21,
  /** A negative max-age, which browsers cannot parse. */
  F22,
  /** A forbidden method, which no page can send. */
  F26,
  /** A forbidden request header, which no page can set. */
  F29,
  /** An unknown option. */
  C1,
  /** A value of the wrong type. */
  C2,
  /** A malformed value: a regex, an origin pattern, a route path, a status code. */
  C3,
  /** A route that an earlier route hides, so it never applies. */
  C4,
  /** An origin source that is unknown, has wrong settings, or checks less than its route asks. */
  C5,
  /** A value Express reads otherwise than it seems: {@code ""} is false, {@code "*"} in a list. */
  C6,
  /** A config file that cannot be read as a configuration: its syntax, a key written twice. */
  C7
}
