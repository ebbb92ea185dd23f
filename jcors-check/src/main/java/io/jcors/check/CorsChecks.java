package io.jcors.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks a browser applies to responses: Fetch "CORS check" (F7-F12), the checks of the
 * "CORS-preflight fetch" (F15-F22), and the CORS-filtered response's readable headers (F30, F31).
 * Each method appends {@link Check}s to a list and stops at the first failure, as the browser does.
 */
final class CorsChecks {
  private CorsChecks() {}

  static final String ACAO = "Access-Control-Allow-Origin";
  static final String ACAC = "Access-Control-Allow-Credentials";
  static final String ACAM = "Access-Control-Allow-Methods";
  static final String ACAH = "Access-Control-Allow-Headers";
  static final String ACMA = "Access-Control-Max-Age";
  static final String ACEH = "Access-Control-Expose-Headers";

  /**
   * Fetch "CORS check" (section {@code #cors-check}).
   *
   * @param origin the request's serialized origin as sent in {@code Origin} ({@code null} after a
   *     cross-origin redirect)
   * @param credentials whether the request's credentials mode is {@code include} (for a preflight:
   *     the actual request's mode, F13)
   * @param what "preflight response" or "response", for the explanations
   * @return whether the check succeeds
   */
  static boolean corsCheck(
      List<Check> checks,
      String origin,
      boolean credentials,
      ReceivedResponse response,
      String what) {
    List<String> lines = response.values(ACAO);
    String where = what.equals("preflight response") ? " on OPTIONS responses" : "";
    if (lines.isEmpty()) {
      String others = corsHeadersOtherThanAllowOrigin(response);
      if (!others.isEmpty()) {
        // A CORS layer answered (Vary: Origin, or other CORS headers) and left out only the
        // origin: it refuses this origin, as configured. Suggest no change to allow it.
        checks.add(
            Check.fail(
                "F7",
                "allow-origin",
                "the "
                    + what
                    + " has no `"
                    + ACAO
                    + "` header for `"
                    + origin
                    + "` but has other CORS headers ("
                    + others
                    + "): the server's CORS configuration refuses this origin",
                refusedOnPurpose(origin)));
        return false;
      }
      checks.add(
          Check.fail(
              "F7",
              "allow-origin",
              "the " + what + " has no `" + ACAO + "` header, so the page may not read it",
              "send `"
                  + ACAO
                  + ": "
                  + (credentials ? origin : origin + "` (or `*`")
                  + (credentials ? "` and `" + ACAC + ": true`" : ")")
                  + where
                  + (what.equals("preflight response")
                      ? "; the CORS layer must answer OPTIONS before authentication or routing"
                      : "; keep CORS headers on error responses too")));
      return false;
    }
    String value = String.join(", ", lines);
    if (lines.size() > 1 || value.contains(",")) {
      checks.add(
          Check.fail(
              "F10",
              "allow-origin",
              "the "
                  + what
                  + " has "
                  + (lines.size() > 1
                      ? lines.size() + " `" + ACAO + "` lines; a browser joins them into `"
                      : "a list in `" + ACAO + "`: `")
                  + value
                  + "`, which is never an origin",
              "send `"
                  + ACAO
                  + "` once, with one value; if a proxy and the application both add it, remove"
                  + " one of them"));
      return false;
    }
    if (value.equals("*")) {
      if (credentials) {
        checks.add(
            Check.fail(
                "F11",
                "allow-origin",
                "the "
                    + what
                    + " allows any origin (`*`), but the request includes credentials; a browser"
                    + " never accepts `*` for a request with credentials",
                "send the page's origin `"
                    + origin
                    + "` instead of `*` (with `"
                    + ACAC
                    + ": true`), or make the request without credentials"));
        return false;
      }
      checks.add(
          Check.pass(
              "F8",
              "allow-origin",
              "`" + ACAO + ": *` allows every origin for a request without credentials"));
      return true;
    }
    if (!value.equals(origin)) {
      String mismatch = originMismatch(value, origin, what);
      boolean anotherOrigin = mismatch.endsWith(OTHER_ORIGIN);
      checks.add(
          Check.fail(
              "F9",
              "allow-origin",
              mismatch,
              anotherOrigin ? refusedOnPurpose(origin) : fix(origin)));
      return false;
    }
    checks.add(
        Check.pass(
            "F9",
            "allow-origin",
            "`" + ACAO + ": " + value + "` is the page's origin, byte for byte"));
    if (!credentials) {
      return true;
    }
    String allowCredentials = response.get(ACAC);
    if (!"true".equals(allowCredentials)) {
      String found =
          allowCredentials == null
              ? "the " + what + " has no `" + ACAC + "` header"
              : "`" + ACAC + "` is `" + allowCredentials + "`";
      checks.add(
          Check.fail(
              "F11",
              "allow-credentials",
              "the request includes credentials and "
                  + found
                  + "; a browser accepts only the exact, lower-case value `true`",
              "send `" + ACAC + ": true` (exactly, once)" + where));
      return false;
    }
    checks.add(
        Check.pass(
            "F11",
            "allow-credentials",
            "`" + ACAC + ": true` lets the page read a response to a request with credentials"));
    return true;
  }

  private static final String OTHER_ORIGIN =
      ": the server's CORS configuration allows another origin and refuses this one";

  /**
   * The fix for an origin the server's configuration refuses on purpose: none, unless the origin
   * should be allowed; never {@code *}.
   */
  private static String refusedOnPurpose(String origin) {
    return "none if that is intended; only if `"
        + origin
        + "` should read it, add it to the origins the server's CORS configuration allows";
  }

  /**
   * {@code `Vary: Origin`} and the names of the other CORS response headers, or "" when the
   * response has none: then no CORS layer answered at all.
   */
  private static String corsHeadersOtherThanAllowOrigin(ReceivedResponse response) {
    Set<String> found = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    boolean varyOrigin = false;
    for (Header header : response.headers()) {
      String name = header.name();
      if (name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length())) {
        found.add(canonicalCorsName(name));
      } else if (name.equalsIgnoreCase("Vary")) {
        for (String token : header.value().split(",", -1)) {
          varyOrigin |= token.strip().equalsIgnoreCase("Origin");
        }
      }
    }
    List<String> shown = new ArrayList<>();
    if (varyOrigin) {
      shown.add("`Vary: Origin`");
    }
    for (String name : found) {
      shown.add("`" + name + "`");
    }
    return String.join(", ", shown);
  }

  private static String canonicalCorsName(String name) {
    for (String known : List.of(ACAC, ACAM, ACAH, ACMA, ACEH)) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return name;
  }

  private static String fix(String origin) {
    return "send `" + ACAO + ": " + origin + "` exactly as the browser sent it in `Origin`";
  }

  private static String originMismatch(String allowed, String origin, String what) {
    String prefix = "the " + what + " allows `" + allowed + "`";
    String compare = "; a browser compares them byte for byte";
    if (allowed.isEmpty()) {
      return "the " + what + " has an empty `" + ACAO + "`";
    }
    if (origin.equals("null")) {
      return prefix
          + ", but after a redirect to another origin the browser sends `Origin: null`; only `"
          + ACAO
          + ": null` or `*` match it";
    }
    if (allowed.equals(origin + "/")) {
      return prefix
          + " (with a trailing slash) but the page's origin is `"
          + origin
          + "`"
          + compare;
    }
    if (Infra.asciiEqualsIgnoreCase(allowed, origin)) {
      return prefix
          + " (different upper/lower case) but the page's origin is `"
          + origin
          + "`"
          + compare;
    }
    String serialized = WebUrl.serializeOrigin(allowed);
    if (origin.equals(serialized)) {
      return prefix
          + ", the same origin written differently (the browser writes `"
          + origin
          + "`: lower case, default port omitted, no path)"
          + compare;
    }
    return prefix + ", but the page's origin is `" + origin + "`" + OTHER_ORIGIN;
  }

  /**
   * The checks of Fetch "CORS-preflight fetch" (section {@code #cors-preflight-fetch-0}), steps 7
   * onward: ok status (F15, F16), CORS check (F7-F13), method (F17, F18), headers (F17, F20, F21),
   * and the cache lifetime in each of {@code browsers} (F22-F24, informational).
   *
   * @param method the actual request's method after normalization
   * @param unsafeNames the lower-case request-header names the preflight asks for (sent in ACRH)
   */
  static boolean preflightChecks(
      List<Check> checks,
      String origin,
      boolean credentials,
      String method,
      List<String> unsafeNames,
      ReceivedResponse response,
      Set<Browser> browsers) {
    int status = response.status();
    if (status >= 300 && status < 400) {
      String location = response.get("Location");
      checks.add(
          Check.fail(
              "F16",
              "ok-status",
              "the preflight got "
                  + status
                  + (location == null ? "" : " (redirect to `" + location + "`)")
                  + "; a browser never follows a redirect on a preflight and needs a 2xx status",
              "answer OPTIONS at this URL with 204 and the CORS headers (no redirect); if the"
                  + " redirect is http→https or a trailing slash, make the page call the final URL"));
      return false;
    }
    if (status < 200 || status > 299) {
      checks.add(
          Check.fail(
              "F15",
              "ok-status",
              "the preflight got "
                  + status
                  + "; a browser needs an ok status (200-299) on a preflight response",
              "answer OPTIONS with 204 (or 200): put the CORS layer before authentication, since"
                  + " preflights never carry cookies or Authorization, and let it answer OPTIONS"
                  + " even where the application has no OPTIONS route"));
      return false;
    }
    checks.add(
        Check.pass(
            "F15", "ok-status", "status " + status + " is an ok status (200-299) for a preflight"));
    if (!corsCheck(checks, origin, credentials, response, "preflight response")) {
      return false;
    }
    HeaderLists.Extracted methods = HeaderLists.extract(response.values(ACAM));
    HeaderLists.Extracted headers = HeaderLists.extract(response.values(ACAH));
    for (var entry : List.of(new Object[] {ACAM, methods}, new Object[] {ACAH, headers})) {
      HeaderLists.Extracted list = (HeaderLists.Extracted) entry[1];
      if (list.failed()) {
        checks.add(
            Check.fail(
                "F17",
                "list-syntax",
                "`"
                    + entry[0]
                    + "` contains `"
                    + list.invalidElement()
                    + "`, which is not a token; a browser rejects the whole preflight when this"
                    + " comma-separated list does not parse",
                "send `"
                    + entry[0]
                    + "` as names separated by commas, e.g. `"
                    + (entry[0] == ACAM ? "GET, PUT, DELETE" : "Content-Type, X-Token")
                    + "`"));
        return false;
      }
    }
    if (!checkMethod(checks, method, credentials, methods)) {
      return false;
    }
    if (unsafeNames.contains("authorization")) {
      if (!headers.containsIgnoreCase("authorization") && headers.contains("*") && !credentials) {
        // The Fetch standard says `*` never covers Authorization ("CORS non-wildcard
        // request-header name"), but every engine still accepts it: Chromium and Firefox with a
        // deprecation warning (Firefox behind network.cors_preflight.authorization_covered_by_
        // wildcard, true by default), WebKit silently (CrossOriginPreflightResultCache.cpp,
        // validateCrossOriginHeaders). Checked by BrowserParityTest in all three. The check
        // predicts what browsers do and warns.
        checks.add(
            new Check(
                "F20",
                "allow-headers",
                true,
                "`"
                    + ACAH
                    + ": *` covers `Authorization` in Chrome, Firefox and Safari today, but the Fetch"
                    + " standard says `*` never covers it, and Chrome and Firefox warn that they will"
                    + " stop accepting this",
                "add `Authorization` to `" + ACAH + "` explicitly"));
      } else if (!headers.containsIgnoreCase("authorization")) {
        checks.add(
            Check.fail(
                "F20",
                "allow-headers",
                headers.contains("*")
                    ? "the request has `Authorization` and `"
                        + ACAH
                        + ": *` does not cover it; `Authorization` must be named explicitly"
                    : "the request has `Authorization`, which `"
                        + ACAH
                        + "` "
                        + describeList(headers)
                        + " does not list",
                "add `Authorization` to `" + ACAH + "`"));
        return false;
      } else {
        checks.add(
            Check.pass("F20", "allow-headers", "`Authorization` is listed in `" + ACAH + "`"));
      }
    }
    for (String name : new LinkedHashSet<>(unsafeNames)) {
      if (name.equals("authorization")) {
        continue; // checked above
      }
      if (headers.containsIgnoreCase(name)) {
        checks.add(
            Check.pass("F21", "allow-headers", "`" + name + "` is listed in `" + ACAH + "`"));
      } else if (headers.contains("*") && !credentials) {
        checks.add(
            Check.pass(
                "F21",
                "allow-headers",
                "`" + ACAH + ": *` allows `" + name + "` for a request without credentials"));
      } else {
        checks.add(
            Check.fail(
                "F21",
                "allow-headers",
                headers.contains("*")
                    ? "the request includes credentials, so `"
                        + ACAH
                        + ": *` is not a wildcard (it only names a header called `*`) and `"
                        + name
                        + "` is not listed"
                    : "the request header `"
                        + name
                        + "` is not in `"
                        + ACAH
                        + "` "
                        + describeList(headers),
                "add `" + name + "` to `" + ACAH + "`"));
        return false;
      }
    }
    checks.add(Check.pass("F22", "max-age", PreflightCache.describe(response.get(ACMA), browsers)));
    return true;
  }

  private static boolean checkMethod(
      List<Check> checks, String method, boolean credentials, HeaderLists.Extracted methods) {
    if (methods.contains(method)) {
      checks.add(
          Check.pass("F18", "allow-methods", "`" + method + "` is listed in `" + ACAM + "`"));
      return true;
    }
    if (Safelists.isSafelistedMethod(method)) {
      checks.add(
          Check.pass(
              "F18",
              "allow-methods",
              "`"
                  + method
                  + "` is a CORS-safelisted method (GET, HEAD, POST): no need to list it"));
      return true;
    }
    if (methods.contains("*") && !credentials) {
      checks.add(
          Check.pass(
              "F18",
              "allow-methods",
              "`" + ACAM + ": *` allows `" + method + "` for a request without credentials"));
      return true;
    }
    String explanation;
    String fix = "add `" + method + "` to `" + ACAM + "`";
    String sameButCase = null;
    for (String allowed : methods.values()) {
      if (Infra.asciiEqualsIgnoreCase(allowed, method)) {
        sameButCase = allowed;
      }
    }
    if (sameButCase != null) {
      explanation =
          "the preflight allows `"
              + sameButCase
              + "` but the request method is `"
              + method
              + "`; a browser compares methods case-sensitively";
      if (!method.equals(Infra.asciiUppercase(method))) {
        explanation +=
            " and sends methods as written, upper-casing only DELETE, GET, HEAD, OPTIONS, POST"
                + " and PUT";
        fix =
            "make the page use `"
                + Infra.asciiUppercase(method)
                + "`, or add `"
                + method
                + "` as written to `"
                + ACAM
                + "`";
      }
    } else if (methods.contains("*")) {
      explanation =
          "the request includes credentials, so `"
              + ACAM
              + ": *` is not a wildcard (it only names a method called `*`) and `"
              + method
              + "` is not listed";
    } else {
      explanation = "`" + method + "` is not in `" + ACAM + "` " + describeList(methods);
    }
    checks.add(Check.fail("F18", "allow-methods", explanation, fix));
    return false;
  }

  private static String describeList(HeaderLists.Extracted list) {
    return list.present() ? "(`" + String.join(", ", list.values()) + "`)" : "(absent)";
  }

  /**
   * The response headers a page can read (F30, F31): the CORS-safelisted response-header names,
   * those in {@code Access-Control-Expose-Headers} (all of them for {@code *} without credentials),
   * never {@code Set-Cookie}. Lower-case names, sorted.
   */
  static List<String> readableHeaders(ReceivedResponse response, boolean credentials) {
    HeaderLists.Extracted exposed = HeaderLists.extract(response.values(ACEH));
    boolean all = !exposed.failed() && exposed.contains("*") && !credentials;
    Set<String> readable = new TreeSet<>();
    for (Header header : response.headers()) {
      String name = Infra.asciiLowercase(header.name());
      if (Safelists.FORBIDDEN_RESPONSE_HEADERS.contains(name)) {
        continue;
      }
      if (all
          || Safelists.SAFELISTED_RESPONSE_HEADERS.contains(name)
          || (!exposed.failed() && exposed.containsIgnoreCase(name))) {
        readable.add(name);
      }
    }
    return List.copyOf(readable);
  }

  /** The informational check that says which headers the page can read and which it cannot. */
  static Check readableHeadersCheck(ReceivedResponse response, boolean credentials) {
    List<String> readable = readableHeaders(response, credentials);
    Set<String> hidden = new TreeSet<>();
    for (Header header : response.headers()) {
      String name = Infra.asciiLowercase(header.name());
      if (!readable.contains(name)) {
        hidden.add(name);
      }
    }
    String explanation =
        "the page can read "
            + (readable.isEmpty()
                ? "no response header"
                : "`" + String.join("`, `", readable) + "`");
    if (!hidden.isEmpty()) {
      explanation +=
          "; hidden: `"
              + String.join("`, `", new ArrayList<>(hidden))
              + "` (list a header in `"
              + ACEH
              + "` to expose it)";
    }
    boolean exposes = !response.values(ACEH).isEmpty();
    return Check.pass(exposes ? "F31" : "F30", "readable-headers", explanation);
  }
}
