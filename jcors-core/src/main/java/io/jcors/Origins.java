package io.jcors;

import io.jcors.internal.JsRegex;
import io.jcors.internal.OriginMatcher;
import io.jcors.internal.OriginSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value of the {@code origin} option, in every shape Express accepts: {@code "*"} ({@link
 * #any()}), {@code true} ({@link #reflect()}), {@code false} ({@link #none()}), a fixed string
 * ({@link #fixed(String)}), a RegExp ({@link #regex(Pattern)}) and a list ({@link #of(List)}).
 * Lists may also hold origin patterns ({@code https://*.example.com}, {@code http://localhost:*}).
 * Values made here are validated and compiled when created: matching an exact origin is one hash
 * lookup, whatever the size of the list. {@link #kind()} and {@link #entries()} read the value.
 *
 * <pre>{@code
 * Origins origins =
 *     Origins.of("https://app.example.com", "https://*.example.org", "http://localhost:*");
 * assertTrue(origins.allows("https://admin.example.org"));
 * assertFalse(origins.allows("https://example.org"));
 * assertFalse(origins.allows("https://evil-example.org"));
 * }</pre>
 */
public final class Origins implements OriginOption {
  /** The shape of the value, one per Express shape of the {@code origin} option. */
  public enum Kind {
    /** {@code "*"}: any origin, answered with {@code Access-Control-Allow-Origin: *}. */
    ANY,
    /** {@code true}: any origin, answered with the request's own origin. */
    REFLECT,
    /** A fixed string, sent on every response. */
    FIXED,
    /** A list (or one pattern or regex): the request's origin is reflected when it matches. */
    LIST,
    /** {@code false}: no CORS headers. */
    NONE
  }

  private static final Origins ANY = new Origins(Kind.ANY, null, List.of(), null, false, "\"*\"");
  private static final Origins NONE = new Origins(Kind.NONE, null, List.of(), null, false, "false");
  private static final Origins REFLECT =
      new Origins(Kind.REFLECT, null, List.of(), null, false, "true");

  private final Kind kind;
  private final String fixed;
  private final List<Object> entries;
  private final OriginMatcher matcher;
  private final boolean single;
  private final String description;

  private Origins(
      Kind kind,
      String fixed,
      List<Object> entries,
      OriginMatcher matcher,
      boolean single,
      String description) {
    this.kind = kind;
    this.fixed = fixed;
    this.entries = entries;
    this.matcher = matcher;
    this.single = single;
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
    return checked(new Origins(Kind.FIXED, origin, List.of(origin), null, true, null));
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
    return checked(list(origins, false));
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
        Pattern regex = OriginCheck.regex(entry, "origin[" + i + "]", problems);
        // An invalid regex keeps its place, so that later problems keep their index.
        parsed.add(regex != null ? regex : OriginCheck.INVALID);
      } else {
        parsed.add(entry);
      }
    }
    Origins compiled = OriginCheck.check(list(parsed, false), "origin", false, true, problems);
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

  /** The shape of this value. */
  public Kind kind() {
    return kind;
  }

  /** The origin of a {@link Kind#FIXED} value, or null. */
  public String fixedOrigin() {
    return fixed;
  }

  /**
   * The entries of a {@link Kind#LIST} value as given: exact origins and patterns ({@link String})
   * and regexes ({@link Pattern}); empty for the other kinds. A list checked by {@link OriginList}
   * keeps no entries of its own: they come back, without repeats, from its compiled form.
   */
  public List<Object> entries() {
    return entries != null ? entries : matcher.entries();
  }

  /** Whether a request from {@code origin} gets an {@code Access-Control-Allow-Origin} header. */
  public boolean allows(String origin) {
    switch (kind) {
      case ANY:
        return true;
      case FIXED:
        return fixed.equals(origin);
      case REFLECT:
        return origin != null && OriginSyntax.isReflectable(origin);
      case LIST:
        return origin != null && matcher.matches(origin);
      default:
        return false;
    }
  }

  /**
   * Why {@code origin} was refused when the request's regex budget ran out (S8), or null. For debug
   * mode: it matches again.
   */
  String budgetExhaustion(String origin) {
    return kind == Kind.LIST && origin != null ? matcher.budgetExhaustion(origin) : null;
  }

  /**
   * Whether {@code o} is the same value: the same kind, and the same origin or entries (regexes
   * compared by source and flags). Lists checked by {@link OriginList} are equal only to
   * themselves.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Origins)) {
      return false;
    }
    Origins other = (Origins) o;
    if (kind != other.kind || !Objects.equals(fixed, other.fixed) || single != other.single) {
      return false;
    }
    if (entries == null || other.entries == null || entries.size() != other.entries.size()) {
      return entries == other.entries;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!Objects.equals(key(entries.get(i)), key(other.entries.get(i)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, fixed, entries == null ? 0 : entries.size());
  }

  /** An entry as compared: a regex by its JavaScript literal (source and flags). */
  private static Object key(Object entry) {
    return entry instanceof Pattern ? JsRegex.literal((Pattern) entry) : entry;
  }

  /**
   * The value as a config file would write it: {@code "*"}, {@code true}, {@code
   * ["https://a.example"]}.
   */
  @Override
  public String toString() {
    return description != null ? description : Problems.render(fixed);
  }

  // ---- For the validation pass (OriginCheck) and the compiled form. ----

  /** The origin option of a builder's string, as written: checked when the options are built. */
  static Origins written(String origin) {
    if (origin.equals("*")) {
      return ANY;
    }
    return origin.indexOf('*') >= 0
        ? list(List.of(origin), true)
        : new Origins(Kind.FIXED, origin, List.of(origin), null, true, null);
  }

  /** The origin option of a builder's regex, as written. */
  static Origins written(Pattern regex) {
    return list(List.of(regex), true);
  }

  /** The origin option of a builder's list, as written. */
  static Origins written(List<?> entries) {
    return list(entries, false);
  }

  /**
   * A list not compiled yet ({@link #isCompiled()} is false), of one entry written alone ({@code
   * single}: its problems are under {@code origin}, not {@code origin[0]}) or of a list.
   */
  private static Origins list(List<?> entries, boolean single) {
    // Copied as given (a null entry is an error of the check, not a NullPointerException here).
    return new Origins(
        Kind.LIST,
        null,
        java.util.Collections.unmodifiableList(new ArrayList<>(entries)),
        null,
        single,
        null);
  }

  /** A compiled list of the entries kept ({@code compiled} matches them). */
  static Origins compiledList(List<Object> kept, OriginMatcher compiled, boolean single) {
    List<Object> entries = java.util.Collections.unmodifiableList(new ArrayList<>(kept));
    String description =
        single && entries.size() == 1 ? Problems.render(entries.get(0)) : Problems.render(entries);
    return new Origins(Kind.LIST, null, entries, compiled, single, description);
  }

  /**
   * A list compiled and checked already ({@link OriginList}): nothing is parsed again, and only the
   * compact matcher is kept, not the entries (a million rows' strings would be three times its
   * size).
   */
  static Origins matching(OriginMatcher matcher, String description) {
    return new Origins(Kind.LIST, null, null, matcher, false, description);
  }

  /** Whether this value can match: every kind but a {@link Kind#LIST} not checked yet. */
  boolean isCompiled() {
    return kind != Kind.LIST || matcher != null;
  }

  /** Whether this list's one entry was written alone rather than in a list. */
  boolean single() {
    return single;
  }

  /** The compiled list, or null. */
  OriginMatcher matcher() {
    return matcher;
  }

  private static Origins checked(Origins written) {
    List<CorsProblem> problems = new ArrayList<>();
    Origins compiled = OriginCheck.check(written, "origin", false, true, problems);
    throwIfErrors(problems);
    return compiled;
  }

  private static void throwIfErrors(List<CorsProblem> problems) {
    List<CorsProblem> errors = Problems.errors(problems);
    if (!errors.isEmpty()) {
      throw new CorsConfigException(errors);
    }
  }
}
