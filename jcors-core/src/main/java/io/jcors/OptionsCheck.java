package io.jcors;

import io.jcors.CorsOptions.HeaderList;
import io.jcors.CorsOptions.ListSpec;
import io.jcors.internal.FetchNames;
import io.jcors.internal.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The one validation pass over options: every rule is checked once, here for the list and number
 * options and in {@link OriginCheck} for the origin, and the parts that need it are compiled on the
 * way. Errors make a configuration unusable; warnings are the risks listed in
 * docs/express-mapping.md, refused in strict mode. Runs once, when options are built, never per
 * request.
 */
final class OptionsCheck {
  /** Chromium's cap on a preflight cache entry, in seconds (Fetch "CORS-preflight cache"; F23). */
  static final long CHROMIUM_MAX_AGE_CAP = 7200;

  private static final HeaderList NO_HEADERS =
      new HeaderList(List.of(), null, List.of(), ListSpec.list(List.of()));

  /**
   * What the pass found: every problem in the order of the options, and the parts it compiled (the
   * origin option compiled, or its function; each list option with its header value).
   */
  record Result(
      List<CorsProblem> problems,
      OriginOption origin,
      HeaderList methods,
      HeaderList allowedHeaders,
      HeaderList exposedHeaders) {
    Result {
      problems = List.copyOf(problems);
    }

    boolean hasErrors() {
      return !Problems.errors(problems).isEmpty();
    }
  }

  private OptionsCheck() {}

  static Result check(CorsOptions.Builder b) {
    List<CorsProblem> problems = new ArrayList<>();
    boolean credentials = b.credentials();

    OriginOption origin = b.originOption();
    if (origin instanceof Origins) {
      origin =
          OriginCheck.check((Origins) origin, "origin", credentials, b.originGiven(), problems);
    } else if (origin instanceof MergedOrigins) {
      origin = ((MergedOrigins) origin).checked(credentials, b.isStrict(), problems);
    } else if (origin instanceof OriginList.Source) {
      OriginCheck.checkSource((OriginList.Source) origin, credentials, b.isStrict(), problems);
    }

    HeaderList methods = list("methods", b.methodsSpec(), problems);
    for (int i = 0; i < methods.elements().size(); i++) {
      checkMethod(methods.elements().get(i), methods.paths().get(i), credentials, problems);
    }

    ListSpec allowedSpec = b.allowedHeadersSpec();
    HeaderList allowed = allowedSpec == null ? null : list("allowedHeaders", allowedSpec, problems);
    if (allowed != null) {
      for (int i = 0; i < allowed.elements().size(); i++) {
        checkAllowedHeader(
            allowed.elements().get(i), allowed.paths().get(i), credentials, problems);
      }
    }

    ListSpec exposedSpec = b.exposedHeadersSpec();
    HeaderList exposed =
        exposedSpec == null ? NO_HEADERS : list("exposedHeaders", exposedSpec, problems);
    for (int i = 0; i < exposed.elements().size(); i++) {
      checkExposedHeader(exposed.elements().get(i), exposed.paths().get(i), credentials, problems);
    }

    checkMaxAge(b.maxAge(), problems);
    checkStatus(b.optionsSuccessStatus(), problems);
    return new Result(problems, origin, methods, allowed, exposed);
  }

  /**
   * Reads a list option given as a string (sent as written, as Express does) or a list (joined with
   * {@code ,}). Elements that are not HTTP tokens are errors: a browser fails the whole preflight
   * when it cannot parse the list (Fetch "CORS-preflight fetch", step 7; F17).
   */
  private static HeaderList list(String option, ListSpec spec, List<CorsProblem> problems) {
    List<String> elements = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (spec.text() != null) {
      String value = spec.text();
      if (value.isEmpty()) {
        return new HeaderList(List.of(), null, List.of(), spec);
      }
      for (String element : Tokens.splitConfigList(value)) {
        if (checkToken(option, element, problems)) {
          elements.add(element);
          paths.add(option);
        }
      }
      return new HeaderList(elements, value, paths, spec);
    }
    List<String> values = spec.list();
    for (int i = 0; i < values.size(); i++) {
      String at = option + "[" + i + "]";
      if (checkToken(at, values.get(i), problems)) {
        elements.add(values.get(i));
        paths.add(at);
      }
    }
    String header = elements.isEmpty() ? null : String.join(",", elements);
    return new HeaderList(elements, header, paths, spec);
  }

  private static boolean checkToken(String option, String element, List<CorsProblem> problems) {
    if (Tokens.isToken(element)) {
      return true;
    }
    problems.add(
        Problems.error(
            CorsRule.F17,
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
    String upper = Tokens.upper(method);
    if (FetchNames.isForbiddenMethod(method)) {
      problems.add(
          Problems.warning(
              CorsRule.F26,
              path,
              value,
              "is a method browsers never let a page send (Fetch \"forbidden method\")",
              "remove it"));
    } else if ((upper.equals("PUT") || upper.equals("DELETE") || upper.equals("OPTIONS"))
        && !method.equals(upper)) {
      problems.add(
          Problems.warning(
              CorsRule.F18,
              path,
              value,
              "is not upper case: browsers send " + upper + " and compare methods case-sensitively",
              "write \"" + upper + "\""));
    } else if (method.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              CorsRule.F18,
              path,
              value,
              "is not a wildcard on credentialed requests: browsers then read it as a method named *",
              "list the methods"));
    }
  }

  private static void checkAllowedHeader(
      String header, String path, boolean credentials, List<CorsProblem> problems) {
    String value = Problems.render(header);
    if (FetchNames.isForbiddenRequestHeader(header)) {
      problems.add(
          Problems.warning(
              CorsRule.F29,
              path,
              value,
              "is a forbidden request header: browsers never let a page set it, so allowing it"
                  + " allows nothing",
              "remove it"));
    } else if (header.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              CorsRule.F21,
              path,
              value,
              "is not a wildcard on credentialed requests: browsers then read it as a header named *",
              "list the headers"));
    }
  }

  private static void checkExposedHeader(
      String header, String path, boolean credentials, List<CorsProblem> problems) {
    String value = Problems.render(header);
    if (FetchNames.FORBIDDEN_RESPONSE_HEADERS.contains(Tokens.lower(header))) {
      problems.add(
          Problems.warning(
              CorsRule.S20,
              path,
              value,
              "is never exposed to scripts, whatever the server says (Fetch \"forbidden response"
                  + " header name\"; S20)",
              "remove it"));
    } else if (header.equals("*") && credentials) {
      problems.add(
          Problems.warning(
              CorsRule.S20,
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
              CorsRule.F22,
              "maxAge",
              maxAge.toString(),
              "is negative: browsers cannot parse it and cache the preflight for 5 seconds",
              "use 0 to disable preflight caching"));
    } else if (maxAge > CHROMIUM_MAX_AGE_CAP) {
      problems.add(
          Problems.warning(
              CorsRule.S25,
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
              CorsRule.C3,
              "optionsSuccessStatus",
              Integer.toString(status),
              "is not an HTTP status code",
              "use 204 (the default) or 200"));
    } else if (status < 200 || status > 299) {
      problems.add(
          Problems.warning(
              CorsRule.F15,
              "optionsSuccessStatus",
              Integer.toString(status),
              "is not a 2xx status: browsers fail every preflight answered with it (F15)",
              "use 204 (the default) or 200"));
    }
  }
}
