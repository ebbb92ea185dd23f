package io.jcors.internal;

import java.util.regex.Pattern;

/**
 * A regex search ({@code RegExp.test}, {@link java.util.regex.Matcher#find()}) whose cost is
 * bounded whatever the regex (S8). The {@code Origin} length cap bounds the input, but not the
 * backtracking of a regex such as {@code ^https://(a+)+\.example\.com$}, which needs 2^n steps on
 * {@code https://aaa…a!}. The search reads the origin through a view that counts character reads
 * and gives up after {@link #MAX_READS}: such an origin is then not matched, and the request gets
 * no {@code Access-Control-Allow-Origin}. Express would block its event loop instead.
 */
public final class RegexSearch {
  /**
   * Character reads allowed per regex and origin: several hundred passes over the longest origin
   * that is ever matched ({@link OriginSyntax#MAX_LENGTH}), which an ordinary origin regex never
   * comes near, and well under a millisecond.
   */
  public static final int MAX_READS = 100_000;

  /** Thrown by the view when its budget is spent; preallocated, without a stack trace. */
  private static final RuntimeException EXHAUSTED =
      new RuntimeException("regex search budget exhausted", null, false, false) {
        private static final long serialVersionUID = 1L;
      };

  private RegexSearch() {}

  /**
   * Whether {@code regex} finds a match in {@code origin} within {@link #MAX_READS} character
   * reads; {@code false} when it does not or cannot decide in time.
   */
  public static boolean find(Pattern regex, String origin) {
    try {
      return regex.matcher(new Budgeted(origin)).find();
    } catch (RuntimeException e) {
      if (e == EXHAUSTED) {
        return false;
      }
      throw e;
    } catch (StackOverflowError e) {
      // java.util.regex recurses per repetition of some constructs; the search is abandoned as a
      // whole and no state outlives it.
      return false;
    }
  }

  /** The origin as the regex engine reads it, one counted character at a time. */
  private static final class Budgeted implements CharSequence {
    private final String s;
    private int reads;

    Budgeted(String s) {
      this.s = s;
    }

    @Override
    public char charAt(int index) {
      if (++reads > MAX_READS) {
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
