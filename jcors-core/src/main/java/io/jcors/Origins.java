package io.jcors;

import io.jcors.internal.JsRegex;
import io.jcors.internal.OriginMatcher;
import io.jcors.internal.OriginPattern;
import io.jcors.internal.OriginSyntax;
import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value of the {@code origin} option, in every shape Express accepts: {@code "*"} ({@link
 * #any()}), {@code true} ({@link #reflect()}), {@code false} ({@link #none()}), a fixed string
 * ({@link #fixed(String)}), a RegExp ({@link #regex(Pattern)}) and a list ({@link #of(List)}).
 * Lists may also hold origin patterns ({@code https://*.example.com}, {@code http://localhost:*}).
 * Values are validated and compiled when created: matching an exact origin is one hash lookup,
 * whatever the size of the list.
 *
 * <pre>{@code
 * Origins origins =
 *     Origins.of("https://app.example.com", "https://*.example.org", "http://localhost:*");
 * assertTrue(origins.allows("https://admin.example.org"));
 * assertFalse(origins.allows("https://example.org"));
 * assertFalse(origins.allows("https://evil-example.org"));
 * }</pre>
 */
public final class Origins {
  enum Kind {
    ANY,
    FIXED,
    MATCH,
    NONE
  }

  private static final Origins ANY = new Origins(Kind.ANY, "*", false, null, List.of(), "\"*\"");
  private static final Origins NONE = new Origins(Kind.NONE, null, false, null, List.of(), "false");
  private static final Origins REFLECT =
      new Origins(Kind.MATCH, null, true, null, List.of(), "true");

  private final Kind kind;
  private final String fixed;
  private final boolean reflectAll;
  private final OriginMatcher matcher;
  private final List<Object> entries;
  private final String description;

  private Origins(
      Kind kind,
      String fixed,
      boolean reflectAll,
      OriginMatcher matcher,
      List<Object> entries,
      String description) {
    this.kind = kind;
    this.fixed = fixed;
    this.reflectAll = reflectAll;
    this.matcher = matcher;
    this.entries = entries;
    this.description = description;
  }

  /** Any origin, answered with {@code Access-Control-Allow-Origin: *} (Express {@code "*"}). */
  public static Origins any() {
    return ANY;
  }

  /** Any origin, answered with the request's own origin (Express {@code true}). */
  public static Origins reflect() {
    return REFLECT;
  }

  /** No CORS headers at all; the request goes on (Express {@code false}). */
  public static Origins none() {
    return NONE;
  }

  /**
   * One origin sent on every response whatever the request's origin, with {@code Vary: Origin} (an
   * Express string). A browser on another origin is refused because the value differs.
   *
   * <p>An empty string is {@link #none()}, as Express reads {@code origin: ''} as false.
   *
   * @throws CorsConfigException if {@code origin} contains {@code *}
   */
  public static Origins fixed(String origin) {
    List<CorsProblem> problems = new ArrayList<>();
    Origins origins = fixed(origin, "origin", problems, false);
    throwIfErrors(problems);
    return origins;
  }

  /**
   * A list of exact origins and origin patterns; the request's origin is reflected when it matches
   * one.
   *
   * @throws CorsConfigException listing every malformed entry
   */
  public static Origins of(String... origins) {
    return of(Arrays.asList(origins));
  }

  /**
   * A list of exact origins and origin patterns ({@link String}) and regexes ({@link Pattern},
   * JavaScript {@code RegExp.test} semantics: a match anywhere in the origin).
   *
   * @throws CorsConfigException listing every malformed entry
   */
  public static Origins of(List<?> origins) {
    List<CorsProblem> problems = new ArrayList<>();
    Origins compiled = list(origins, "origin", problems, false, false);
    throwIfErrors(problems);
    return compiled;
  }

  /**
   * A list written as a config file writes it: exact origins, origin patterns, and regexes as
   * JavaScript literals ({@code "/source/flags"}). For lists that come from outside the code, such
   * as the rows of a database table.
   *
   * <pre>{@code
   * Origins origins =
   *     Origins.parse(List.of("https://app.example.com", "https://*.example.org", "/^https:\\/\\/[a-z]+\\.example\\.net$/"));
   * assertTrue(origins.allows("https://shop.example.net"));
   * }</pre>
   *
   * @throws CorsConfigException listing every malformed entry (paths {@code origin[i]})
   */
  public static Origins parse(List<String> entries) {
    List<CorsProblem> problems = new ArrayList<>();
    List<Object> parsed = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      if (entry != null && JsRegex.isLiteral(entry)) {
        try {
          parsed.add(JsRegex.compile(entry));
        } catch (IllegalArgumentException e) {
          problems.add(
              Problems.error(
                  "origin[" + i + "]",
                  Problems.quote(entry),
                  e.getMessage(),
                  "fix the regular expression"));
          parsed.add("https://invalid.invalid"); // keeps the indexes of later problems right
        }
      } else {
        parsed.add(entry);
      }
    }
    Origins compiled = list(parsed, "origin", problems, false, false);
    throwIfErrors(problems);
    return compiled;
  }

  /**
   * Origins in which {@code regex} finds a match, as Express's RegExp origin: an unanchored search,
   * so anchor it ({@code ^https://app\.example\.com$}).
   */
  public static Origins regex(Pattern regex) {
    return of(List.of(regex));
  }

  /** Whether a request from {@code origin} gets an {@code Access-Control-Allow-Origin} header. */
  public boolean allows(String origin) {
    switch (kind) {
      case ANY:
        return true;
      case FIXED:
        return fixed.equals(origin);
      case MATCH:
        if (origin == null) {
          return false;
        }
        return reflectAll ? OriginSyntax.isReflectable(origin) : matcher.matches(origin);
      default:
        return false;
    }
  }

  /**
   * Why {@code origin} was refused when the request's regex budget ran out (S8), or null. For debug
   * mode: it matches again.
   */
  String budgetExhaustion(String origin) {
    return kind == Kind.MATCH && matcher != null && origin != null
        ? matcher.budgetExhaustion(origin)
        : null;
  }

  /**
   * The value as a config file would write it: {@code "*"}, {@code true}, {@code
   * ["https://a.example"]}.
   */
  @Override
  public String toString() {
    return description;
  }

  Kind kind() {
    return kind;
  }

  String fixedValue() {
    return fixed;
  }

  boolean reflectsAll() {
    return reflectAll;
  }

  /**
   * The entries of a list (Strings and Patterns), for configuration checks. A list checked already
   * ({@link #matching}) keeps none: they come back from its matcher.
   */
  List<Object> entries() {
    return entries != null ? entries : matcher.entries();
  }

  /** The compiled list of a {@link Kind#MATCH} value that does not reflect all; else null. */
  OriginMatcher matcher() {
    return matcher;
  }

  /**
   * A list compiled and checked already ({@link OriginList}): nothing is parsed again, and only the
   * compact matcher is kept, not the entries (a million rows' strings would be three times its
   * size).
   */
  static Origins matching(OriginMatcher matcher, String description) {
    return new Origins(Kind.MATCH, null, false, matcher, null, description);
  }

  /**
   * Compiles an origin option given in any Express shape (String, Boolean, Pattern, List),
   * recording problems under {@code path} instead of throwing.
   */
  static Origins compile(
      Object spec, String path, List<CorsProblem> problems, boolean credentials) {
    if (spec instanceof Origins) {
      // Compiled already; compile its entries again to collect the warnings under this path.
      Origins origins = (Origins) spec;
      if (origins.kind == Kind.FIXED) {
        return fixed(origins.fixed, path, problems, credentials);
      }
      return origins.kind == Kind.MATCH && !origins.reflectAll
          ? list(origins.entries(), path, problems, false, credentials)
          : origins;
    }
    if (spec instanceof Boolean) {
      return (Boolean) spec ? REFLECT : NONE;
    }
    if (spec instanceof Pattern) {
      return list(List.of(spec), path, problems, true, credentials);
    }
    if (spec instanceof List) {
      return list((List<?>) spec, path, problems, false, credentials);
    }
    if (spec instanceof String) {
      String s = (String) spec;
      if (s.equals("*")) {
        return ANY;
      }
      if (s.indexOf('*') >= 0) {
        return list(List.of(s), path, problems, true, credentials);
      }
      return fixed(s, path, problems, credentials);
    }
    problems.add(
        Problems.error(
            path,
            Problems.render(spec),
            "is not a valid origin option",
            "use \"*\", true, false, an origin, a pattern, a regex, or a list of them"));
    return NONE;
  }

  private static Origins fixed(
      String origin, String path, List<CorsProblem> problems, boolean credentials) {
    if (origin == null || origin.indexOf('*') >= 0) {
      problems.add(
          Problems.error(
              path,
              Problems.render(origin),
              "is not a fixed origin",
              "use Origins.any() for \"*\" and Origins.of(...) for patterns"));
      return NONE;
    }
    if (origin.isEmpty()) {
      // Express tests the origin option for truthiness before anything else: '' turns CORS off.
      problems.add(
          Problems.warning(
              path,
              "\"\"",
              "is empty, which Express reads as false: no CORS headers are sent and preflights go"
                  + " on to the application",
              "write false to turn CORS off, or the origin to allow, e.g."
                  + " \"https://app.example.com\""));
      return NONE;
    }
    checkExact(origin, path, problems);
    String host = OriginSyntax.hostOf(origin);
    if (credentials && host != null) {
      checkCredentialed(origin, OriginSyntax.schemeOf(origin), host, false, path, problems);
    }
    return new Origins(Kind.FIXED, origin, false, null, List.of(origin), Problems.render(origin));
  }

  static Origins list(
      List<?> entries,
      String path,
      List<CorsProblem> problems,
      boolean single,
      boolean credentials) {
    OriginMatcher.Builder matcher = new OriginMatcher.Builder();
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      Object compiled =
          compileEntry(entry, single ? path : path + "[" + i + "]", problems, credentials);
      if (compiled != null) {
        matcher.add(compiled);
        kept.add(entry);
      }
    }
    List<Object> keptEntries = List.copyOf(kept);
    String description =
        single && kept.size() == 1 ? Problems.render(kept.get(0)) : Problems.render(keptEntries);
    return new Origins(Kind.MATCH, null, false, matcher.build(), keptEntries, description);
  }

  /**
   * Checks one entry of a list (a String or a Pattern), recording its problems under {@code at}:
   * the entry compiled for {@link OriginMatcher.Builder#add} (the exact origin, an {@link
   * OriginPattern}, the Pattern), or null when it is invalid and has an error.
   */
  static Object compileEntry(
      Object entry, String at, List<CorsProblem> problems, boolean credentials) {
    if (entry instanceof Pattern) {
      Pattern regex = (Pattern) entry;
      RegexRisks.check(regex, at, problems, credentials);
      return regex;
    }
    if (!(entry instanceof String)) {
      problems.add(
          Problems.error(
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
              path,
              Problems.render(origin),
              "is plain http and trusted with credentials: anyone on the network path can inject"
                  + " script into that origin and read your users' authenticated responses (S10)",
              "allow only the https:// origin"));
    }
    if (anySubdomain && io.jcors.internal.PublicSuffixes.isPublicSuffix(host)) {
      problems.add(
          Problems.warning(
              path,
              Problems.render(origin),
              "trusts every subdomain of the public suffix "
                  + host
                  + " with credentials: anyone can register one (S11)",
              "list your own subdomains, e.g. \"https://myapp." + host + "\""));
    }
  }

  private static void throwIfErrors(List<CorsProblem> problems) {
    List<CorsProblem> errors = Problems.errors(problems);
    if (!errors.isEmpty()) {
      throw new CorsConfigException(errors);
    }
  }
}
