package io.jcors.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled list of allowed origins: exact origins in a hash set (one lookup, whatever the size of
 * the list), then origin patterns, then regexes. Only a request origin that may be copied into a
 * response ({@link OriginSyntax#isReflectable}) ever matches. Exact and pattern matching allocate
 * nothing; the regex searches of one request share one bounded budget ({@link RegexSearch}).
 */
public final class OriginMatcher {
  private final Set<String> exact;
  private final OriginPattern[] patterns;
  private final Pattern[] regexes;

  /** A matcher of the given exact origins, patterns and regexes, tried in that order. */
  public OriginMatcher(Set<String> exact, List<OriginPattern> patterns, List<Pattern> regexes) {
    // A HashSet, not Set.copyOf: the immutable set finds its slot with a floorMod (a division)
    // and probes, which made a lookup among 10000 origins about 1.7x the cost of one among 1. A
    // HashMap slot is a mask of the spread hash. Filled here, never mutated after.
    this.exact = new HashSet<>();
    for (String origin : exact) {
      // A configured origin that is not reflectable can only equal a request origin that is not
      // reflectable either, which never matches: leaving it out lets an exact hit skip the check.
      if (OriginSyntax.isReflectable(origin)) {
        this.exact.add(origin);
      }
    }
    this.patterns = patterns.toArray(new OriginPattern[0]);
    this.regexes = regexes.toArray(new Pattern[0]);
  }

  /**
   * Adds this matcher's exact origins, patterns and regexes to the given collections, so that lists
   * compiled one entry at a time are joined without parsing an entry again.
   */
  public void copyTo(Set<String> exact, List<OriginPattern> patterns, List<Pattern> regexes) {
    exact.addAll(this.exact);
    patterns.addAll(List.of(this.patterns));
    regexes.addAll(List.of(this.regexes));
  }

  /** Whether {@code origin} (a request's {@code Origin} value, not null) is in the list. */
  public boolean matches(String origin) {
    if (exact.contains(origin)) {
      return true;
    }
    if (patterns.length == 0 && regexes.length == 0 || !OriginSyntax.isReflectable(origin)) {
      return false;
    }
    for (OriginPattern pattern : patterns) {
      if (pattern.matches(origin)) {
        return true;
      }
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
   * Why {@code origin} was refused when the regex budget ran out, naming the regex it ran out on;
   * null when the list decided within it. For debug mode only: it searches again.
   */
  public String budgetExhaustion(String origin) {
    if (regexes.length == 0 || exact.contains(origin) || !OriginSyntax.isReflectable(origin)) {
      return null;
    }
    for (OriginPattern pattern : patterns) {
      if (pattern.matches(origin)) {
        return null;
      }
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
}
