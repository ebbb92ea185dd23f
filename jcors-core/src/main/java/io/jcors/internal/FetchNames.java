package io.jcors.internal;

import java.util.Set;

/**
 * The Fetch standard's tables of methods and header names that the core's checks and debug mode
 * read, in one place (docs/fetch-rules.md F26, F29, F30, F20). jcors-check keeps its own copy, to
 * need nothing but {@code java.base}; a test of jcors-check asserts that the two are equal.
 */
public final class FetchNames {
  /** Fetch "CORS-safelisted method" (F26): never needs {@code Access-Control-Allow-Methods}. */
  public static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

  /** Fetch "forbidden method" (F26), compared ASCII case-insensitively: no page can send them. */
  public static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

  /** Fetch "forbidden request-header" names (F29), lower case; besides the two prefixes below. */
  public static final Set<String> FORBIDDEN_REQUEST_HEADERS =
      Set.of(
          "accept-charset",
          "accept-encoding",
          "access-control-request-headers",
          "access-control-request-method",
          "connection",
          "content-length",
          "cookie",
          "cookie2",
          "date",
          "dnt",
          "expect",
          "host",
          "keep-alive",
          "origin",
          "referer",
          "set-cookie",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via");

  /** Every request header whose name starts with one of these (lower case) is forbidden too. */
  public static final Set<String> FORBIDDEN_REQUEST_HEADER_PREFIXES = Set.of("proxy-", "sec-");

  /** Fetch "forbidden response-header name" (F30): never exposed to a page. */
  public static final Set<String> FORBIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

  /**
   * Fetch "CORS non-wildcard request-header name" (F20), lower case: {@code *} in {@code
   * Access-Control-Allow-Headers} never covers it.
   */
  public static final String NON_WILDCARD_REQUEST_HEADER = "authorization";

  private FetchNames() {}

  /** Whether no page can send {@code method} (compared ASCII case-insensitively). */
  public static boolean isForbiddenMethod(String method) {
    return FORBIDDEN_METHODS.contains(Tokens.upper(method));
  }

  /** Whether no page can set the request header {@code name} (compared ignoring case). */
  public static boolean isForbiddenRequestHeader(String name) {
    String lower = Tokens.lower(name);
    if (FORBIDDEN_REQUEST_HEADERS.contains(lower)) {
      return true;
    }
    for (String prefix : FORBIDDEN_REQUEST_HEADER_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
