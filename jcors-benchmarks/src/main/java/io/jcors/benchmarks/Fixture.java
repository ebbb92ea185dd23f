package io.jcors.benchmarks;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The policy and the requests every implementation is given: the same allow-list of exact origins,
 * methods, headers, credentials and max-age, and the same six requests. Built once per trial.
 */
final class Fixture {
  static final String HOST = "api.example.com";
  static final String PATH = "/api/data";
  static final String REFUSED_ORIGIN = "https://evil.example.net";
  static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");
  static final List<String> ALLOWED_HEADERS =
      List.of("Content-Type", "Authorization", "X-Requested-With");
  static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id");
  static final long MAX_AGE = 600;
  static final String REQUESTED_METHOD = "PUT";
  static final String REQUESTED_HEADERS = "content-type,authorization,x-requested-with";

  /** The size of the hostile {@code Access-Control-Request-Headers}: 1 MiB. */
  static final int HOSTILE_LENGTH = 1 << 20;

  /** The scenarios, by the names used in {@code @Param}. */
  static final String ACTUAL_ALLOWED = "actual-allowed";

  static final String ACTUAL_REFUSED = "actual-refused";
  static final String NO_ORIGIN = "no-origin";
  static final String PREFLIGHT_ALLOWED = "preflight-allowed";
  static final String PREFLIGHT_REFUSED = "preflight-refused";
  static final String PREFLIGHT_HOSTILE = "preflight-hostile";

  /** The allowed origins, exact, all distinct. */
  final List<String> origins;

  /** The request: method, then header names and values in the order a client sends them. */
  final String method;

  final List<String[]> headers;
  final String scenario;

  Fixture(String scenario, int originCount) {
    this(scenario, originCount, 0);
  }

  /**
   * With every origin's number written with at least {@code digits} digits ({@code
   * https://app0000042.example.com} for 7): lists of different sizes then hold origins of one
   * length, so that comparing sizes compares the lists, not the length of the origin looked up
   * ({@code app0} against {@code app500000} is 5 more characters to hash and compare).
   */
  Fixture(String scenario, int originCount, int digits) {
    if (originCount < 1) {
      throw new IllegalArgumentException("origins must be at least 1, got " + originCount);
    }
    List<String> list = new ArrayList<>(originCount);
    for (int i = 0; i < originCount; i++) {
      String number = Integer.toString(i);
      list.add(
          "https://app"
              + "0".repeat(Math.max(0, digits - number.length()))
              + number
              + ".example.com");
    }
    this.origins = Collections.unmodifiableList(list);
    this.scenario = scenario;
    // The middle of the list: the average case for implementations that scan the list. A copy, as
    // a parsed request has: an implementation must compare characters, not references.
    String allowed = new String(list.get(originCount / 2).toCharArray());
    List<String[]> h = new ArrayList<>();
    h.add(new String[] {"Host", HOST});
    switch (scenario) {
      case ACTUAL_ALLOWED:
        method = "GET";
        h.add(new String[] {"Origin", allowed});
        break;
      case ACTUAL_REFUSED:
        method = "GET";
        h.add(new String[] {"Origin", REFUSED_ORIGIN});
        break;
      case NO_ORIGIN:
        method = "GET";
        break;
      case PREFLIGHT_ALLOWED:
        method = "OPTIONS";
        h.add(new String[] {"Origin", allowed});
        h.add(new String[] {"Access-Control-Request-Method", REQUESTED_METHOD});
        h.add(new String[] {"Access-Control-Request-Headers", REQUESTED_HEADERS});
        break;
      case PREFLIGHT_REFUSED:
        method = "OPTIONS";
        h.add(new String[] {"Origin", REFUSED_ORIGIN});
        h.add(new String[] {"Access-Control-Request-Method", REQUESTED_METHOD});
        h.add(new String[] {"Access-Control-Request-Headers", REQUESTED_HEADERS});
        break;
      case PREFLIGHT_HOSTILE:
        method = "OPTIONS";
        h.add(new String[] {"Origin", allowed});
        h.add(new String[] {"Access-Control-Request-Method", REQUESTED_METHOD});
        h.add(new String[] {"Access-Control-Request-Headers", hostileRequestHeaders()});
        break;
      default:
        throw new IllegalArgumentException("unknown scenario: " + scenario);
    }
    this.headers = Collections.unmodifiableList(h);
  }

  /**
   * jcors configured as every implementation is: this fixture's origins, the methods, allowed and
   * exposed headers, credentials and max-age.
   */
  CorsPolicy jcorsPolicy() {
    return CorsPolicy.of(
        CorsOptions.builder()
            .origin(Origins.of(origins))
            .methods(METHODS)
            .allowedHeaders(ALLOWED_HEADERS)
            .exposedHeaders(EXPOSED_HEADERS)
            .credentials(true)
            .maxAge(MAX_AGE)
            .build());
  }

  /** The request's {@code Origin}, or null. */
  String origin() {
    return header("Origin");
  }

  /** The first value of the request header {@code name} (ignoring case), or null. */
  String header(String name) {
    for (String[] field : headers) {
      if (field[0].equalsIgnoreCase(name)) {
        return field[1];
      }
    }
    return null;
  }

  /**
   * A well-formed list of distinct header names, 1 MiB long: what a hostile client sends to make a
   * CORS layer split, lower-case, look up or copy a huge value.
   */
  static String hostileRequestHeaders() {
    StringBuilder sb = new StringBuilder(HOSTILE_LENGTH);
    for (int i = 0; sb.length() < HOSTILE_LENGTH; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("x-h").append(i);
    }
    sb.setLength(HOSTILE_LENGTH);
    if (sb.charAt(HOSTILE_LENGTH - 1) == ',') {
      sb.setCharAt(HOSTILE_LENGTH - 1, 'x');
    }
    return sb.toString();
  }

  /**
   * Checks that an implementation answered this request as CORS requires, so that each one is
   * measured doing the real work: the allowed origin is echoed, refused or missing origins get no
   * {@code Access-Control-Allow-Origin}, and no one echoes the hostile header list.
   *
   * @param allowOrigin the response's {@code Access-Control-Allow-Origin}, or null
   * @param allowMethods the response's {@code Access-Control-Allow-Methods}, or null
   * @param allowHeaders the response's {@code Access-Control-Allow-Headers}, or null
   */
  void verify(String impl, String allowOrigin, String allowMethods, String allowHeaders) {
    String expectedOrigin;
    switch (scenario) {
      case ACTUAL_ALLOWED:
      case PREFLIGHT_ALLOWED:
        expectedOrigin = origin();
        break;
      case PREFLIGHT_HOSTILE:
        // Spring and Tomcat refuse the preflight (a header is not allowed); the others answer
        // with the configured list, which is what Express does too.
        expectedOrigin = allowOrigin == null ? null : origin();
        break;
      default:
        expectedOrigin = null;
    }
    if (impl.equals("baseline")) {
      expectedOrigin = null;
    }
    check(impl, "Access-Control-Allow-Origin", expectedOrigin, allowOrigin);
    if (scenario.equals(PREFLIGHT_ALLOWED) && !impl.equals("baseline") && allowMethods == null) {
      throw new IllegalStateException(impl + ": no Access-Control-Allow-Methods on " + scenario);
    }
    if (allowHeaders != null && allowHeaders.length() > 1000) {
      throw new IllegalStateException(impl + ": echoed the hostile Access-Control-Request-Headers");
    }
  }

  private void check(String impl, String name, String expected, String actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      throw new IllegalStateException(
          impl + " on " + scenario + ": " + name + " is " + actual + ", expected " + expected);
    }
  }
}
