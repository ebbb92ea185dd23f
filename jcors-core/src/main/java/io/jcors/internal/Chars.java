package io.jcors.internal;

/**
 * A set of characters, for the regex checks ({@link RegexTree}): exact on ASCII, one bit for every
 * character above it. Immutable.
 */
final class Chars {
  static final Chars NONE = new Chars(0, 0, false);
  static final Chars ALL = new Chars(-1L, -1L, true);

  final long low;
  final long high;
  final boolean other;

  Chars(long low, long high, boolean other) {
    this.low = low;
    this.high = high;
    this.other = other;
  }

  static Chars of(int c) {
    if (c >= 128) {
      return new Chars(0, 0, true);
    }
    return c < 64 ? new Chars(1L << c, 0, false) : new Chars(0, 1L << (c - 64), false);
  }

  static Chars range(int from, int to) {
    Chars chars = NONE;
    for (int c = from; c <= Math.min(to, 127); c++) {
      chars = chars.union(of(c));
    }
    return to >= 128 ? chars.union(new Chars(0, 0, true)) : chars;
  }

  Chars union(Chars o) {
    return new Chars(low | o.low, high | o.high, other || o.other);
  }

  Chars intersect(Chars o) {
    return new Chars(low & o.low, high & o.high, other && o.other);
  }

  Chars complement() {
    return new Chars(~low, ~high, true);
  }

  boolean contains(int c) {
    return c >= 128 ? other : c < 64 ? (low >>> c & 1) != 0 : (high >>> (c - 64) & 1) != 0;
  }

  boolean isEmpty() {
    return low == 0 && high == 0 && !other;
  }

  boolean overlaps(Chars o) {
    return !intersect(o).isEmpty();
  }

  boolean within(Chars o) {
    return (low & ~o.low) == 0 && (high & ~o.high) == 0 && (!other || o.other);
  }

  /** Both cases of every ASCII letter in the set, for the {@code i} flag. */
  Chars caseInsensitive() {
    Chars chars = this;
    for (int c = 'a'; c <= 'z'; c++) {
      if (contains(c) || contains(c - 32)) {
        chars = chars.union(of(c)).union(of(c - 32));
      }
    }
    return chars;
  }

  /**
   * A character of the set that reads well in a sample origin: a lower-case letter, a digit (1
   * first), a hyphen, then any other visible ASCII character; -1 when there is none.
   */
  int representative() {
    for (int c = 'a'; c <= 'z'; c++) {
      if (contains(c)) {
        return c;
      }
    }
    // 1 before 0: a port or an IPv4 part of zeros only is not written with leading zeros.
    for (int c : new int[] {'1', '2', '3', '4', '5', '6', '7', '8', '9', '0'}) {
      if (contains(c)) {
        return c;
      }
    }
    if (contains('-')) {
      return '-';
    }
    for (int c = 0x21; c < 0x7f; c++) {
      if (contains(c)) {
        return c;
      }
    }
    return -1;
  }
}
