package io.jcors;

/**
 * The response headers the table-driven tests name (Fetch standard, 3.2.3 "HTTP responses"),
 * written out here rather than taken from the core's own constants, so that a wrong constant in the
 * core fails the tests instead of moving with them.
 */
final class CorsHeaderNames {
  static final String ACAO = "Access-Control-Allow-Origin";
  static final String ACAC = "Access-Control-Allow-Credentials";
  static final String ACAM = "Access-Control-Allow-Methods";
  static final String ACAH = "Access-Control-Allow-Headers";
  static final String ACEH = "Access-Control-Expose-Headers";
  static final String ACMA = "Access-Control-Max-Age";
  static final String VARY = "Vary";

  private CorsHeaderNames() {}
}
