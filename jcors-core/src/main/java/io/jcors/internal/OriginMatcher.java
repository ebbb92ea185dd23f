package io.jcors.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled list of allowed origins: exact origins in a compact hash table ({@link OriginTable},
 * one lookup whatever the size of the list), then origin patterns, indexed by the fixed part of
 * their host, then regexes. Only a request origin that may be copied into a response ({@link
 * OriginSyntax#isReflectable}) ever matches. Exact and pattern matching allocate nothing; the regex
 * searches of one request share one bounded budget ({@link RegexSearch}).
 *
 * <p>Patterns are found without a scan of the list, as a radix tree of hosts would find them: the
 * host of {@code https://a.b.tenant7.example.com} is looked up whole, then each suffix after a dot
 * ({@code b.tenant7.example.com}, {@code tenant7.example.com}, ...), in a table keyed by the host
 * every pattern fixes ({@code tenant7.example.com} for {@code https://*.tenant7.example.com},
 * {@code localhost} for {@code http://localhost:*}). The suffixes' hashes come out of one pass over
 * the host, so a request costs one lookup per label of its host, whatever the number of patterns,
 * and only the patterns of a host found are tried.
 */
public final class OriginMatcher {
  private static final int[] NONE = new int[0];

  private final OriginTable exact;
  private final OriginTable patternHosts;

  /** For each key of {@link #patternHosts}, the first of its patterns; -1 ends a chain. */
  private final int[] firstPattern;

  /** For each pattern, the next pattern of the same host, or -1. */
  private final int[] nextPattern;

  private final OriginPattern[] patterns;
  private final Pattern[] regexes;

  /** A matcher of the given exact origins, patterns and regexes, tried in that order. */
  public OriginMatcher(Set<String> exact, List<OriginPattern> patterns, List<Pattern> regexes) {
    this(fill(exact, patterns, regexes));
  }

  private OriginMatcher(Builder b) {
    this.exact = b.exact.build();
    this.patterns = b.patterns.toArray(new OriginPattern[0]);
    this.regexes = b.regexes.toArray(new Pattern[0]);
    OriginTable.Builder hosts = new OriginTable.Builder();
    int[] hostOf = new int[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      hosts.add(patterns[i].baseHost());
    }
    this.patternHosts = hosts.build();
    for (int i = 0; i < patterns.length; i++) {
      String host = patterns[i].baseHost();
      hostOf[i] = patternHosts.indexOf(host, 0, host.length());
    }
    this.firstPattern = patterns.length == 0 ? NONE : new int[patternHosts.size()];
    this.nextPattern = patterns.length == 0 ? NONE : new int[patterns.length];
    Arrays.fill(firstPattern, -1);
    // Chained from the last pattern to the first, so that a host's patterns are tried in order.
    for (int i = patterns.length - 1; i >= 0; i--) {
      nextPattern[i] = firstPattern[hostOf[i]];
      firstPattern[hostOf[i]] = i;
    }
  }

  private static Builder fill(
      Set<String> exact, List<OriginPattern> patterns, List<Pattern> regexes) {
    Builder b = new Builder();
    exact.forEach(b::addExact);
    patterns.forEach(b::addPattern);
    regexes.forEach(b::addRegex);
    return b;
  }

  /** Whether {@code origin} (a request's {@code Origin} value, not null) is in the list. */
  public boolean matches(String origin) {
    if (exact.contains(origin)) {
      return true;
    }
    if (patterns.length == 0 && regexes.length == 0 || !OriginSyntax.isReflectable(origin)) {
      return false;
    }
    if (patterns.length != 0 && tryPatterns(origin, null)) {
      return true;
    }
    if (regexes.length == 0) {
      return false;
    }
    // One budget for every regex of the list: the request's whole regex work is bounded (S8).
    RegexSearch.Budget budget = new RegexSearch.Budget(origin);
    for (Pattern regex : regexes) {
      RegexSearch.Result result = RegexSearch.find(regex, budget);
      if (result == RegexSearch.Result.FOUND) {
        return true;
      }
      if (result == RegexSearch.Result.EXHAUSTED) {
        return false; // fail closed: the regexes not tried yet cannot let the origin in
      }
    }
    return false;
  }

  /**
   * How many patterns matching {@code origin} tries (up to the one that matches): for tests that
   * show a lookup does not scan the list.
   */
  int patternsTried(String origin) {
    int[] tried = new int[1];
    tryPatterns(origin, tried);
    return tried[0];
  }

  /** Whether a pattern matches; counts the patterns tried in {@code tried[0]} unless null. */
  private boolean tryPatterns(String origin, int[] tried) {
    int sep = origin.indexOf("://");
    if (sep <= 0) {
      return false;
    }
    int hostStart = sep + 3;
    int n = origin.length();
    int hostEnd;
    if (hostStart < n && origin.charAt(hostStart) == '[') {
      hostEnd = origin.indexOf(']', hostStart) + 1;
      if (hostEnd == 0) {
        return false;
      }
    } else {
      int colon = origin.indexOf(':', hostStart);
      hostEnd = colon < 0 ? n : colon;
    }
    int running = 0;
    for (int i = hostEnd - 1; i >= hostStart; i--) {
      running = OriginTable.extend(running, origin.charAt(i));
      if (i != hostStart && origin.charAt(i - 1) != '.') {
        continue;
      }
      int host = patternHosts.indexOf(origin, i, hostEnd, OriginTable.finish(running));
      for (int p = host < 0 ? -1 : firstPattern[host]; p >= 0; p = nextPattern[p]) {
        if (tried != null) {
          tried[0]++;
        }
        if (patterns[p].matches(origin)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The entries of the list, without repeats: the exact origins, the patterns as written, then the
   * regexes. For checking a compiled list again; it allocates a list of the whole size.
   */
  public List<Object> entries() {
    List<Object> all = new ArrayList<>(exact.size() + patterns.length + regexes.length);
    for (int i = 0; i < exact.size(); i++) {
      all.add(exact.key(i));
    }
    for (OriginPattern pattern : patterns) {
      all.add(pattern.source());
    }
    all.addAll(Arrays.asList(regexes));
    return all;
  }

  /**
   * Why {@code origin} was refused when the regex budget ran out, naming the regex it ran out on;
   * null when the list decided within it. For debug mode only: it searches again.
   */
  public String budgetExhaustion(String origin) {
    if (regexes.length == 0 || exact.contains(origin) || !OriginSyntax.isReflectable(origin)) {
      return null;
    }
    if (patterns.length != 0 && tryPatterns(origin, null)) {
      return null;
    }
    RegexSearch.Budget budget = new RegexSearch.Budget(origin);
    for (int i = 0; i < regexes.length; i++) {
      RegexSearch.Result result = RegexSearch.find(regexes[i], budget);
      if (result == RegexSearch.Result.FOUND) {
        return null;
      }
      if (result == RegexSearch.Result.EXHAUSTED) {
        return "the regex search budget of one request ("
            + RegexSearch.MAX_WORK
            + " steps, shared by every regex of the list) ran out on "
            + JsRegex.literal(regexes[i])
            + ", regex "
            + (i + 1)
            + " of "
            + regexes.length
            + ", so the origin is refused (S8); a regex that can backtrack catastrophically is"
            + " warned about when the policy is built";
      }
    }
    return null;
  }

  /**
   * Collects the entries of a list one at a time, as rows are read, and builds the matcher once.
   * Not thread-safe.
   */
  public static final class Builder {
    /** The length of {@code https://tenant123456.example.com}: a guess for sizing the table. */
    private static final int TYPICAL_LENGTH = 32;

    private final OriginTable.Builder exact;
    private final List<OriginPattern> patterns = new ArrayList<>();
    private final List<Pattern> regexes = new ArrayList<>();

    /** An empty builder. */
    public Builder() {
      exact = new OriginTable.Builder();
    }

    /** An empty builder for about {@code entries} entries, most of them exact origins. */
    public Builder(int entries) {
      exact = new OriginTable.Builder(entries, TYPICAL_LENGTH);
    }

    /** Adds an exact origin. */
    public Builder addExact(String origin) {
      // A configured origin that is not reflectable can only equal a request origin that is not
      // reflectable either, which never matches: leaving it out lets an exact hit skip the check,
      // and keeps the table ASCII.
      if (OriginSyntax.isReflectable(origin)) {
        exact.add(origin);
      }
      return this;
    }

    /** Adds a pattern. */
    public Builder addPattern(OriginPattern pattern) {
      patterns.add(pattern);
      return this;
    }

    /** Adds a regex, searched with JavaScript {@code RegExp.test} semantics. */
    public Builder addRegex(Pattern regex) {
      regexes.add(regex);
      return this;
    }

    /** Adds an entry compiled already: a String (exact), an OriginPattern or a Pattern. */
    public Builder add(Object compiled) {
      if (compiled instanceof OriginPattern) {
        return addPattern((OriginPattern) compiled);
      }
      if (compiled instanceof Pattern) {
        return addRegex((Pattern) compiled);
      }
      return addExact((String) compiled);
    }

    /** The matcher of the entries added. */
    public OriginMatcher build() {
      return new OriginMatcher(this);
    }
  }
}
