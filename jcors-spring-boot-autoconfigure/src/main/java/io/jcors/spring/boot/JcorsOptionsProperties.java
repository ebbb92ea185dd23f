package io.jcors.spring.boot;

import java.util.List;

/**
 * The CORS options of one policy, under {@code jcors} or {@code jcors.routes[i].cors}: the option
 * names of the Express {@code cors} middleware in Spring's relaxed forms ({@code allowed-headers}
 * and {@code allowedHeaders} are the same property), with the values of a jcors config file.
 *
 * <pre>{@code
 * jcors:
 *   origin: [https://app.example.com, "https://*.example.org"]
 *   credentials: true
 *   max-age: 600
 * }</pre>
 *
 * <p>Every value is kept as written and checked, with every other option, when the application
 * starts: a wrong value stops it with the list of problems. A property left out keeps the Express
 * default.
 */
public class JcorsOptionsProperties {
  /**
   * The allowed origins: "*" (any origin, the default), true (reflect the request's origin), false
   * (no CORS), an origin (https://app.example.com, sent on every response), a pattern
   * (https://*.example.com, http://localhost:*), a regex written /source/flags, or a list of
   * origins, patterns and regexes.
   */
  private List<String> origin;

  /** The methods allowed in a preflight, a list or one comma-separated string. */
  private List<String> methods;

  /**
   * The request headers allowed in a preflight; left out, the headers the preflight asks for are
   * reflected.
   */
  private List<String> allowedHeaders;

  /** The response headers the page's script may read (Access-Control-Expose-Headers). */
  private List<String> exposedHeaders;

  /** Whether to send Access-Control-Allow-Credentials: true (true or false; default false). */
  private String credentials;

  /** The seconds a browser may cache a preflight answer (Access-Control-Max-Age). */
  private String maxAge;

  /** Whether to pass preflights on to the application instead of answering them (true or false). */
  private String preflightContinue;

  /** The status of preflight answers (default 204; some legacy clients need 200). */
  private String optionsSuccessStatus;

  /** Whether every risky setting is an error instead of a warning (true or false). */
  private String strict;

  /** Whether to log why each refused request was refused (true or false). */
  private String debug;

  /** No options set. */
  public JcorsOptionsProperties() {}

  /** The allowed origins, as written. */
  public List<String> getOrigin() {
    return origin;
  }

  /** Sets the allowed origins. */
  public void setOrigin(List<String> origin) {
    this.origin = origin;
  }

  /** The allowed methods, as written. */
  public List<String> getMethods() {
    return methods;
  }

  /** Sets the allowed methods. */
  public void setMethods(List<String> methods) {
    this.methods = methods;
  }

  /** The allowed request headers, as written. */
  public List<String> getAllowedHeaders() {
    return allowedHeaders;
  }

  /** Sets the allowed request headers. */
  public void setAllowedHeaders(List<String> allowedHeaders) {
    this.allowedHeaders = allowedHeaders;
  }

  /** The exposed response headers, as written. */
  public List<String> getExposedHeaders() {
    return exposedHeaders;
  }

  /** Sets the exposed response headers. */
  public void setExposedHeaders(List<String> exposedHeaders) {
    this.exposedHeaders = exposedHeaders;
  }

  /** Whether credentials are allowed, as written. */
  public String getCredentials() {
    return credentials;
  }

  /** Sets whether credentials are allowed. */
  public void setCredentials(String credentials) {
    this.credentials = credentials;
  }

  /** The preflight cache time in seconds, as written. */
  public String getMaxAge() {
    return maxAge;
  }

  /** Sets the preflight cache time in seconds. */
  public void setMaxAge(String maxAge) {
    this.maxAge = maxAge;
  }

  /** Whether preflights go on to the application, as written. */
  public String getPreflightContinue() {
    return preflightContinue;
  }

  /** Sets whether preflights go on to the application. */
  public void setPreflightContinue(String preflightContinue) {
    this.preflightContinue = preflightContinue;
  }

  /** The status of preflight answers, as written. */
  public String getOptionsSuccessStatus() {
    return optionsSuccessStatus;
  }

  /** Sets the status of preflight answers. */
  public void setOptionsSuccessStatus(String optionsSuccessStatus) {
    this.optionsSuccessStatus = optionsSuccessStatus;
  }

  /** Whether strict mode is on, as written. */
  public String getStrict() {
    return strict;
  }

  /** Sets strict mode. */
  public void setStrict(String strict) {
    this.strict = strict;
  }

  /** Whether debug logging is on, as written. */
  public String getDebug() {
    return debug;
  }

  /** Sets debug logging. */
  public void setDebug(String debug) {
    this.debug = debug;
  }
}
