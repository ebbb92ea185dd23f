package io.jcors;

import io.jcors.internal.JsRegex;
import io.jcors.internal.OriginMatcher;
import io.jcors.internal.OriginPattern;
import io.jcors.internal.OriginSyntax;
import io.jcors.internal.PublicSuffixes;
import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the {@code origin} option, each written once: what a value lets in with or without
 * credentials (S1, S2, S3, S10, S11), origins no browser sends (S15, S16), malformed patterns and
 * regexes, and the risks of a regex ({@link RegexRisks}). Checking a list compiles it, once: a
 * value compiled already ({@link Origins#of}) is checked for the options that use it without being
 * compiled again. Runs when options are built, never per request.
 */
final class OriginCheck {
  /** The place of an entry whose regex does not compile, so that later entries keep their index. */
  static final String INVALID = "https://invalid.invalid";

  private OriginCheck() {}

  /**
   * Checks {@code origins} for options with these {@code credentials}, recording problems under
   * {@code path}; the value compiled (itself, when it is compiled already). {@code given} is false
   * for the default origin, which the S2 error then says.
   */
  static Origins check(
      Origins origins,
      String path,
      boolean credentials,
      boolean given,
      List<CorsProblem> problems) {
    switch (origins.kind()) {
      case ANY:
        if (credentials) {
          problems.add(
              Problems.error(
                  CorsRule.S2,
                  "credentials",
                  "true",
                  "cannot be combined with origin \"*\""
                      + (given ? "" : " (the default)")
                      + ": browsers refuse Access-Control-Allow-Origin: * on credentialed"
                      + " requests (S2)",
                  "list the origins that may send credentials, e.g. origin:"
                      + " [\"https://app.example.com\"]"));
        }
        return origins;
      case REFLECT:
        if (credentials) {
          problems.add(
              Problems.warning(
                  CorsRule.S1,
                  path,
                  "true",
                  "reflects every origin while credentials are allowed: any website can read your"
                      + " users' authenticated responses (S1)",
                  "list the trusted origins instead: origin: [\"https://app.example.com\"]"));
        }
        return origins;
      case FIXED:
        return fixed(origins, path, credentials, problems);
      case LIST:
        return list(origins, path, credentials, problems);
      default:
        return origins;
    }
  }

  /**
   * An origin source that checks its entries for less than the route asks (no credentials, not
   * strict) would let risky entries through unchecked, or unrefused.
   */
  static void checkSource(
      OriginList.Source source, boolean credentials, boolean strict, List<CorsProblem> problems) {
    checkSource(source, "origin", credentials, strict, problems);
  }

  /**
   * As {@link #checkSource(OriginList.Source, boolean, boolean, List)}, for a source at {@code
   * path}.
   */
  static void checkSource(
      OriginList.Source source,
      String path,
      boolean credentials,
      boolean strict,
      List<CorsProblem> problems) {
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
              CorsRule.C5,
              path,
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

  /** The regex of a JavaScript literal ({@code "/source/flags"}), or null with its problem. */
  static Pattern regex(String literal, String at, List<CorsProblem> problems) {
    try {
      return JsRegex.compile(literal);
    } catch (IllegalArgumentException e) {
      problems.add(
          Problems.error(
              CorsRule.C3,
              at,
              Problems.quote(literal),
              e.getMessage(),
              "fix the regular expression"));
      return null;
    }
  }

  /** Checks each entry; compiles the list unless it is compiled already. */
  private static Origins list(
      Origins origins, String path, boolean credentials, List<CorsProblem> problems) {
    List<Object> entries = origins.entries();
    boolean single = origins.single();
    OriginMatcher.Builder matcher = origins.isCompiled() ? null : new OriginMatcher.Builder();
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      Object compiled = entry(entry, single ? path : path + "[" + i + "]", problems, credentials);
      if (compiled != null && matcher != null) {
        matcher.add(compiled);
        kept.add(entry);
      }
    }
    return matcher == null ? origins : Origins.compiledList(kept, matcher.build(), single);
  }

  private static Origins fixed(
      Origins written, String path, boolean credentials, List<CorsProblem> problems) {
    String origin = written.fixedOrigin();
    if (origin == null || origin.indexOf('*') >= 0) {
      problems.add(
          Problems.error(
              CorsRule.C3,
              path,
              Problems.render(origin),
              "is not a fixed origin",
              "use Origins.any() for \"*\" and Origins.of(...) for patterns"));
      return Origins.none();
    }
    if (origin.isEmpty()) {
      // Express tests the origin option for truthiness before anything else: '' turns CORS off.
      problems.add(
          Problems.warning(
              CorsRule.C6,
              path,
              "\"\"",
              "is empty, which Express reads as false: no CORS headers are sent and preflights go"
                  + " on to the application",
              "write false to turn CORS off, or the origin to allow, e.g."
                  + " \"https://app.example.com\""));
      return Origins.none();
    }
    checkExact(origin, path, problems);
    String host = OriginSyntax.hostOf(origin);
    if (credentials && host != null) {
      checkCredentialed(origin, OriginSyntax.schemeOf(origin), host, false, path, problems);
    }
    return written;
  }

  /**
   * Checks one entry of a list (a String or a Pattern), recording its problems under {@code at}:
   * the entry compiled for {@link OriginMatcher.Builder#add} (the exact origin, an {@link
   * OriginPattern}, the Pattern), or null when it is invalid and has an error.
   */
  static Object entry(Object entry, String at, List<CorsProblem> problems, boolean credentials) {
    if (entry instanceof Pattern) {
      Pattern regex = (Pattern) entry;
      RegexRisks.check(regex, at, problems, credentials);
      return regex;
    }
    if (!(entry instanceof String)) {
      problems.add(
          Problems.error(
              CorsRule.C2,
              at,
              Problems.render(entry),
              "is neither an origin string nor a regex",
              "list origins as strings (\"https://app.example.com\") or regexes"));
      return null;
    }
    String s = (String) entry;
    if (s.equals("*")) {
      problems.add(
          Problems.error(
              CorsRule.C6,
              at,
              "\"*\"",
              "in a list matches no origin (Express compares list entries as strings)",
              "write origin: \"*\" on its own to allow every origin"));
      return null;
    }
    if (s.indexOf('*') < 0) {
      checkExact(s, at, problems);
      // Of the credentialed checks only the one of http: applies to an exact origin (S10).
      String host = credentials && s.startsWith("http://") ? OriginSyntax.hostOf(s) : null;
      if (host != null) {
        checkCredentialed(s, "http", host, false, at, problems);
      }
      return s;
    }
    OriginPattern pattern;
    try {
      pattern = OriginPattern.parse(s);
    } catch (IllegalArgumentException e) {
      String suggestion = OriginPattern.suggest(s);
      problems.add(
          Problems.error(
              isAscii(s) ? CorsRule.C3 : CorsRule.S16,
              at,
              Problems.render(s),
              e.getMessage(),
              suggestion != null
                  ? "write \"" + suggestion + "\""
                  : "write a pattern such as \"https://*.example.com\" or"
                      + " \"http://localhost:*\""));
      return null;
    }
    if (pattern.scheme().equals("file")) {
      problems.add(fileOriginNeverMatches(at, s));
    }
    if (credentials) {
      checkCredentialed(
          s, pattern.scheme(), pattern.baseHost(), pattern.anySubdomain(), at, problems);
    }
    return pattern;
  }

  /** Exact origins that no browser sends are accepted as Express accepts them, with a warning. */
  private static void checkExact(String origin, String path, List<CorsProblem> problems) {
    // Rendered (escaped) only for a problem: most of a million rows have none.
    if (origin.equals("null")) {
      problems.add(
          Problems.warning(
              CorsRule.S3,
              path,
              Problems.render(origin),
              "trusts every page whose origin is opaque: sandboxed iframes, data: URLs and local"
                  + " files, which any website can create to send Origin: null (S3)",
              "remove \"null\"; serve those pages from a real origin and allow that origin"));
      return;
    }
    if (origin.startsWith("file:")) {
      problems.add(fileOriginNeverMatches(path, origin));
      return;
    }
    String reason = OriginSyntax.whyNotSerialized(origin);
    if (reason != null) {
      String suggestion = suggestOrigin(origin);
      problems.add(
          Problems.warning(
              isAscii(origin) ? CorsRule.S15 : CorsRule.S16,
              path,
              Problems.render(origin),
              reason + "; a browser compares origins byte for byte, so it never matches",
              suggestion != null && !suggestion.equals(origin)
                  ? "write \"" + suggestion + "\""
                  : "write the origin as scheme://host[:port], e.g. \"https://app.example.com\""));
    }
  }

  /** The serialized origin a malformed one most likely meant, or null. */
  static String suggestOrigin(String s) {
    String origin = s.strip();
    String written = OriginSyntax.hostOf(origin);
    if (written != null && !written.chars().allMatch(c -> c < 0x80)) {
      // Browsers send an internationalized host in its Punycode form (S16).
      for (char c : new char[] {'/', '?', '#'}) {
        written = written.indexOf(c) >= 0 ? written.substring(0, written.indexOf(c)) : written;
      }
      try {
        origin = origin.replace(written, IDN.toASCII(written, IDN.ALLOW_UNASSIGNED));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    try {
      URI uri = new URI(origin);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      int port = uri.getPort();
      boolean defaultPort =
          (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
      return scheme + "://" + host + (port >= 0 && !defaultPort ? ":" + port : "");
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** A {@code file:} origin or pattern (S3): browsers send {@code Origin: null} for such pages. */
  private static CorsProblem fileOriginNeverMatches(String path, String origin) {
    return Problems.warning(
        CorsRule.S3,
        path,
        Problems.render(origin),
        "never matches: browsers send Origin: null for file: pages, and trusting null"
            + " trusts any sandboxed page (S3)",
        "serve the page over http://localhost and allow that origin");
  }

  /** Risks of trusting {@code origin} with credentials (S10, S11). */
  private static void checkCredentialed(
      String origin,
      String scheme,
      String host,
      boolean anySubdomain,
      String path,
      List<CorsProblem> problems) {
    if ("http".equals(scheme) && !OriginSyntax.isLoopback(host)) {
      problems.add(
          Problems.warning(
              CorsRule.S10,
              path,
              Problems.render(origin),
              "is plain http and trusted with credentials: anyone on the network path can inject"
                  + " script into that origin and read your users' authenticated responses (S10)",
              "allow only the https:// origin"));
    }
    if (anySubdomain && PublicSuffixes.isPublicSuffix(host)) {
      problems.add(
          Problems.warning(
              CorsRule.S11,
              path,
              Problems.render(origin),
              "trusts every subdomain of the public suffix "
                  + host
                  + " with credentials: anyone can register one (S11)",
              "list your own subdomains, e.g. \"https://myapp." + host + "\""));
    }
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }
}
