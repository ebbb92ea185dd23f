package io.jcors;

import io.jcors.CorsOptions.Checked;
import io.jcors.CorsOptions.ListOption;
import io.jcors.internal.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks every option of a builder and compiles the parts that need it. Errors make a configuration
 * unusable; warnings are the risks listed in docs/express-mapping.md, refused in strict mode. Runs
 * once, when options are built, never per request.
 */
final class OptionsCheck {
  /** Chromium's cap on a preflight cache entry, in seconds (Fetch "CORS-preflight cache"; F23). */
  static final long CHROMIUM_MAX_AGE_CAP = 7200;

  /** Methods a script can never use (Fetch "forbidden method"). */
  private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

  /** Fetch "forbidden request-header" names, lower case; plus the prefixes proxy- and sec-. */
  private static final Set<String> FORBIDDEN_REQUEST_HEADERS =
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

  private OptionsCheck() {}

  static Checked check(CorsOptions.Builder b) {
    Checked checked = new Checked();
    List<CorsProblem> problems = new ArrayList<>(b.inputProblems());
    boolean credentials = b.credentials();

    if (b.originResolver() == null) {
      checked.origin = Origins.compile(b.originSpec(), "origin", problems, credentials);
      if (credentials && checked.origin.kind() == Origins.Kind.ANY) {
        problems.add(
            Problems.error(
                "credentials",
                "true",
                "cannot be combined with origin \"*\""
                    + (b.originGiven() ? "" : " (the default)")
                    + ": browsers refuse Access-Control-Allow-Origin: * on credentialed"
                    + " requests (S2)",
                "list the origins that may send credentials, e.g. origin:"
                    + " [\"https://app.example.com\"]"));
      }
      if (credentials && checked.origin.reflectsAll()) {
        problems.add(
            Problems.warning(
                "origin",
                "true",
                "reflects every origin while credentials are allowed: any website can read your"
                    + " users' authenticated responses (S1)",
                "list the trusted origins instead: origin: [\"https://app.example.com\"]"));
      }
    }

    if (b.originResolver() instanceof OriginList.Source) {
      checkSource((OriginList.Source) b.originResolver(), credentials, b.isStrict(), problems);
    }

    checked.methods = list("methods", b.methodsSpec(), problems);
    for (int i = 0; i < checked.methods.elements.size(); i++) {
      checkMethod(
          checked.methods.elements.get(i), checked.methods.paths.get(i), credentials, problems);
    }

    Object allowed = b.allowedHeadersSpec();
    checked.allowedHeaders = allowed == null ? null : list("allowedHeaders", allowed, problems);
    if (checked.allowedHeaders != null) {
      ListOption headers = checked.allowedHeaders;
      for (int i = 0; i < headers.elements.size(); i++) {
        checkAllowedHeader(headers.elements.get(i), headers.paths.get(i), credentials, problems);
      }
    }

    Object exposed = b.exposedHeadersSpec();
    checked.exposedHeaders = exposed == null ? null : list("exposedHeaders", exposed, problems);
    if (checked.exposedHeaders != null) {
      ListOption headers = checked.exposedHeaders;
      for (int i = 0; i < headers.elements.size(); i++) {
        checkExposedHeader(headers.elements.get(i), headers.paths.get(i), credentials, problems);
      }
    }

    checkMaxAge(b.maxAge(), problems);
    checkStatus(b.optionsSuccessStatus(), problems);
    problems.forEach(checked::add);
    return checked;
  }

  /**
   * An origin source that checks its entries for less than the route asks (no credentials, not
   * strict) would let risky entries through unchecked, or unrefused.
   */
  private static void checkSource(
      OriginList.Source source, boolean credentials, boolean strict, List<CorsProblem> problems) {
    List<String> missing = new ArrayList<>();
    if (credentials && !source.checksCredentials()) {
      missing.add("credentials");
    }
    if (strict && !source.checksStrict()) {
      missing.add("strict");
    }
    if (!missing.isEmpty()) {
      problems.add(
          Problems.error(
              "origin",
              Problems.quote(source.toString()),
              "checks its entries for a route without "
                  + String.join(" and ", missing)
                  + ", but these options have "
                  + String.join(" and ", missing)
                  + ": its risky entries would be trusted unchecked",
              "build the source with the same options, e.g. "
                  + String.join(".", missing.stream().map(m -> m + "(true)").toList())));
    }
  }

  /**
   * Reads a list option given as a string (sent as written, as Express does) or a list (joined with
   * {@code ,}). Elements that are not HTTP tokens are errors: a browser fails the whole preflight
   * when it cannot parse the list (Fetch "CORS-preflight fetch", step 7; F17).
   */
  private static ListOption list(String option, Object spec, List<CorsProblem> problems) {
    List<String> elements = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (spec instanceof String) {
      String value = (String) spec;
      if (value.isEmpty()) {
        return new ListOption(List.of(), null, List.of());
      }
      for (String element : Tokens.splitConfigList(value)) {
        if (checkToken(option, element, problems)) {
          elements.add(element);
          paths.add(option);
        }
      }
      return new ListOption(elements, value, paths);
    }
    if (!(spec instanceof List)) {
      problems.add(
          Problems.error(
              option,
              Problems.render(spec),
              "is neither a string nor a list",
              "write a comma-separated string or a list of names"));
      return new ListOption(List.of(), null, List.of());
    }
    List<?> values = (List<?>) spec;
    for (int i = 0; i < values.size(); i++) {
      Object element = values.get(i);
      String at = option + "[" + i + "]";
      if (!(element instanceof String)) {
        problems.add(
            Problems.error(
                at, Problems.render(element), "is not a string", "write the name as a string"));
      } else if (checkToken(at, (String) element, problems)) {
        elements.add((String) element);
        paths.add(at);
      }
    }
    return new ListOption(elements, elements.isEmpty() ? null : String.join(",", elements), paths);
  }

  private static boolean checkToken(String option, String element, List<CorsProblem> problems) {
    if (Tokens.isToken(element)) {
      return true;
    }
    problems.add(
        Problems.error(
            option,
            Problems.render(element),
            element.isEmpty()
                ? "is an empty list element"
                : "is not an HTTP token (RFC 9110 section 5.6.2): browsers reject the whole"
                    + " header when one name has spaces, quotes, colons or other separators",
            element.isEmpty()
                ? "remove the extra comma"
                : "write a single name without separators"));
    return false;
  }

  private static void checkMethod(
      String method, String path, boolean credentials, List<CorsProblem> problems) {
    String value = Problems.render(method);
    String upper = method.toUpperCase(java.util.Locale.ROOT);
    if (FORBIDDEN_METHODS.contains(upper)) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is a method browsers never let a page send (Fetch \"forbidden method\")",
              "remove it"));
    } else if ((upper.equals("PUT") || upper.equals("DELETE") || upper.equals("OPTIONS"))
        && !method.equals(upper)) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is not upper case: browsers send " + upper + " and compare methods case-sensitively",
              "write \"" + upper + "\""));
    } else if (method.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is not a wildcard on credentialed requests: browsers then read it as a method named *",
              "list the methods"));
    }
  }

  private static void checkAllowedHeader(
      String header, String path, boolean credentials, List<CorsProblem> problems) {
    String value = Problems.render(header);
    String lower = Tokens.lower(header);
    if (FORBIDDEN_REQUEST_HEADERS.contains(lower)
        || lower.startsWith("proxy-")
        || lower.startsWith("sec-")) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is a forbidden request header: browsers never let a page set it, so allowing it"
                  + " allows nothing",
              "remove it"));
    } else if (header.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is not a wildcard on credentialed requests: browsers then read it as a header named *",
              "list the headers"));
    }
  }

  private static void checkExposedHeader(
      String header, String path, boolean credentials, List<CorsProblem> problems) {
    String value = Problems.render(header);
    String lower = Tokens.lower(header);
    if (lower.equals("set-cookie") || lower.equals("set-cookie2")) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is never exposed to scripts, whatever the server says (Fetch \"forbidden response"
                  + " header name\"; S20)",
              "remove it"));
    } else if (header.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              path,
              value,
              "is not a wildcard on credentialed requests: browsers then expose only a header"
                  + " named * (S20)",
              "list the headers to expose"));
    }
  }

  private static void checkMaxAge(Long maxAge, List<CorsProblem> problems) {
    if (maxAge == null) {
      return;
    }
    if (maxAge < 0) {
      problems.add(
          Problems.warning(
              "maxAge",
              maxAge.toString(),
              "is negative: browsers cannot parse it and cache the preflight for 5 seconds",
              "use 0 to disable preflight caching"));
    } else if (maxAge > CHROMIUM_MAX_AGE_CAP) {
      problems.add(
          Problems.warning(
              "maxAge",
              maxAge.toString(),
              "is above Chromium's cap of 7200 seconds, and keeps a withdrawn permission cached in"
                  + " other browsers for that long (S25)",
              "use at most 7200"));
    }
  }

  private static void checkStatus(int status, List<CorsProblem> problems) {
    if (status < 100 || status > 599) {
      problems.add(
          Problems.error(
              "optionsSuccessStatus",
              Integer.toString(status),
              "is not an HTTP status code",
              "use 204 (the default) or 200"));
    } else if (status < 200 || status > 299) {
      problems.add(
          Problems.warning(
              "optionsSuccessStatus",
              Integer.toString(status),
              "is not a 2xx status: browsers fail every preflight answered with it (F15)",
              "use 204 (the default) or 200"));
    }
  }
}
