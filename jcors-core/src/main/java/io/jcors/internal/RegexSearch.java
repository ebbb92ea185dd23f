package io.jcors.internal;

import java.util.regex.Pattern;

/**
 * Regex searches ({@code RegExp.test}, {@link java.util.regex.Matcher#find()}) whose total cost for
 * one request is bounded whatever the regexes and however many a list holds (S8). The {@code
 * Origin} length cap bounds the input, but not the backtracking of a regex such as {@code
 * ^https://(a+)+\.example\.com$}, which needs 2^n steps on {@code https://aaa…a!}, nor the number
 * of regexes tried. Every regex of a list searches the origin through one {@link Budget} for the
 * request, which counts the start positions each search may try and every character the engine
 * reads, and stops all of them after {@link #MAX_WORK}: the origin is then refused (fail closed),
 * and the request gets no {@code Access-Control-Allow-Origin}. Express would block its event loop
 * instead.
 */
public final class RegexSearch {
  /**
   * Work allowed for one request's regex matching, over every regex of the list: start positions
   * tried plus characters read. About two milliseconds of backtracking; an anchored regex costs
   * about twice the origin's length, so a list of two thousand regexes still fits for a typical
   * origin.
   */
  public static final int MAX_WORK = 250_000;

  /** What a search found out. */
  public enum Result {
    /** The regex matches. */
    FOUND,
    /** The regex does not match. */
    NOT_FOUND,
    /** The request's budget ran out before the regex could decide. */
    EXHAUSTED
  }

  /** Thrown by the budget when it is spent; preallocated, without a stack trace. */
  private static final RuntimeException EXHAUSTED =
      new RuntimeException("regex search budget exhausted", null, false, false) {
        private static final long serialVersionUID = 1L;
      };

  private RegexSearch() {}

  /**
   * Whether {@code regex} finds a match in {@code origin} within a budget of its own ({@link
   * #MAX_WORK}); {@code false} when it does not or cannot decide in time. For checking a
   * configuration; a request's list shares one {@link Budget}.
   */
  public static boolean find(Pattern regex, String origin) {
    return find(regex, new Budget(origin)) == Result.FOUND;
  }

  /** Searches {@code regex} in the budget's origin, spending from the budget. */
  public static Result find(Pattern regex, Budget budget) {
    // find() tries the regex at each start position, most of them without reading a character
    // when it is anchored: charged up front, so that a long list costs its length too.
    if (!budget.charge(budget.length() + 1)) {
      return Result.EXHAUSTED;
    }
    try {
      return regex.matcher(budget).find() ? Result.FOUND : Result.NOT_FOUND;
    } catch (RuntimeException e) {
      // Anything else is the engine failing on a regex it compiled (the JDK throws a
      // NullPointerException on some class intersections): that regex lets nothing in, and a
      // request never fails for it. The configuration check reports it ({@link #failure}).
      return e == EXHAUSTED ? Result.EXHAUSTED : Result.NOT_FOUND;
    } catch (StackOverflowError e) {
      // java.util.regex recurses per repetition of some constructs; the search is abandoned as a
      // whole and no state outlives it. Refused like a spent budget.
      budget.spent = budget.limit;
      return Result.EXHAUSTED;
    }
  }

  /**
   * The exception the regex engine throws when searching {@code regex} in {@code origin}, or null
   * when the search completes (or runs out of budget). For checking a configuration.
   */
  public static RuntimeException failure(Pattern regex, String origin) {
    try {
      regex.matcher(new Budget(origin)).find();
      return null;
    } catch (RuntimeException e) {
      return e == EXHAUSTED ? null : e;
    } catch (StackOverflowError e) {
      return null;
    }
  }

  /**
   * One request's origin as the regex engine reads it, one counted character at a time, shared by
   * every regex of the list. Not thread-safe: one per request, on the request's thread.
   */
  public static final class Budget implements CharSequence {
    private final String s;
    private final int limit;
    private int spent;

    /** A budget of {@link #MAX_WORK} for searching {@code origin}. */
    public Budget(String origin) {
      this(origin, MAX_WORK);
    }

    Budget(String origin, int limit) {
      this.s = origin;
      this.limit = limit;
    }

    /** The work spent so far. */
    public int spent() {
      return spent;
    }

    /** Whether the budget ran out. */
    public boolean exhausted() {
      return spent >= limit;
    }

    private boolean charge(int work) {
      if (spent > limit - work) {
        spent = limit;
        return false;
      }
      spent += work;
      return true;
    }

    @Override
    public char charAt(int index) {
      if (++spent > limit) {
        spent = limit;
        throw EXHAUSTED;
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.substring(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
