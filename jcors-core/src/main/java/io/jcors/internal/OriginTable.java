package io.jcors.internal;

import java.util.Arrays;

/**
 * A set of ASCII strings (reflectable origins, host names) stored compactly: the characters of
 * every key one after the other in one byte array, and an open-addressing table of {@code long}s,
 * each the key's hash and its number. A key costs its length plus about 20 bytes, where a {@code
 * HashSet<String>} costs about 100 bytes more (the {@code String}, its array and a hash node); at a
 * million tenants' origins that is the difference between 50 MB and 160 MB of heap.
 *
 * <p>A lookup hashes the characters looked up (any region of a string, so that a host's suffixes
 * are looked up in place), probes linearly from the hash's slot, and compares characters only for
 * an equal 32-bit hash: O(1) whatever the size, and allocation-free. The table is at most two
 * thirds full, so an absent key ends its probe after a few slots.
 */
public final class OriginTable {
  private static final OriginTable EMPTY = new Builder().build();

  private final byte[] chars;

  /** {@code ends[i]}: where key {@code i} ends in {@link #chars}; it starts where key i-1 ends. */
  private final int[] ends;

  /** Hash in the high 32 bits, key number plus one in the low 32 bits; 0 is an empty slot. */
  private final long[] slots;

  private final int mask;

  private OriginTable(byte[] chars, int[] ends, long[] slots) {
    this.chars = chars;
    this.ends = ends;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** A table without keys. */
  public static OriginTable empty() {
    return EMPTY;
  }

  /** How many keys the table holds. */
  public int size() {
    return ends.length;
  }

  /** Key {@code i}, in the order keys were first added. */
  public String key(int i) {
    int start = i == 0 ? 0 : ends[i - 1];
    return new String(chars, start, ends[i] - start, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code s} is a key. Allocation-free. */
  public boolean contains(String s) {
    return indexOf(s, 0, s.length()) >= 0;
  }

  /** The number of the key equal to {@code s.substring(from, to)}, or -1. Allocation-free. */
  public int indexOf(String s, int from, int to) {
    return indexOf(s, from, to, hash(s, from, to));
  }

  /**
   * The number of the key equal to {@code s.substring(from, to)}, whose {@link #hash} is {@code
   * hash} (computed by the caller, e.g. incrementally over a host's suffixes), or -1.
   */
  public int indexOf(String s, int from, int to, int hash) {
    long slot = slots[slotOf(s, from, to, hash)];
    return slot == 0 ? -1 : (int) slot - 1;
  }

  /**
   * How many slots a lookup of {@code s} reads: 1 when its first slot decides. For tests that show
   * the lookup does not scan.
   */
  int probes(String s) {
    int hash = hash(s, 0, s.length());
    return ((slotOf(s, 0, s.length(), hash) - home(hash)) & mask) + 1;
  }

  /** The slot holding the key, or the empty slot where its probe ends. */
  private int slotOf(String s, int from, int to, int hash) {
    int i = home(hash);
    while (true) {
      long slot = slots[i];
      if (slot == 0 || ((int) (slot >>> 32) == hash && equalsKey((int) slot - 1, s, from, to))) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private int home(int hash) {
    // The low bits of a multiplied hash are its worst; spread the high ones down.
    return (hash ^ (hash >>> 16)) & mask;
  }

  private boolean equalsKey(int key, String s, int from, int to) {
    int start = key == 0 ? 0 : ends[key - 1];
    int length = ends[key] - start;
    if (length != to - from) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      // Compared as chars, not bytes: (byte) '\u0161' is 'a'.
      if ((chars[start + i] & 0xff) != s.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The hash of {@code s.substring(from, to)}: computed from the last character to the first, so
   * that the hashes of every suffix of a host come out of one pass ({@link #extend}).
   */
  public static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = to - 1; i >= from; i--) {
      h = extend(h, s.charAt(i));
    }
    return finish(h);
  }

  /** The running value of {@link #hash} after one more character, to the left. */
  public static int extend(int running, char c) {
    return running * 31 + c;
  }

  /** The hash of a region whose running value is {@code running}. */
  public static int finish(int running) {
    int h = running * 0x9E3779B9; // Fibonacci hashing: every bit of the input reaches the top
    return h == 0 ? 1 : h;
  }

  /**
   * Collects keys, ignoring repeats; the table is built once from them. Not thread-safe. The arrays
   * grow by half, so building allocates about three times the table it builds.
   */
  public static final class Builder {
    private byte[] chars = new byte[64];
    private int length;
    private int[] ends = new int[4];
    private int size;
    private long[] slots = new long[8];

    /** An empty builder. */
    public Builder() {}

    /**
     * An empty builder sized for about {@code keys} keys of {@code averageLength} characters, so
     * that a table of known size is built without growing its arrays.
     */
    public Builder(int keys, int averageLength) {
      int expected = Math.max(keys, 4);
      chars = new byte[(int) Math.min(Integer.MAX_VALUE - 8, (long) expected * averageLength)];
      ends = new int[expected];
      slots = new long[capacityFor(expected)];
    }

    /**
     * Adds {@code key}, which must be ASCII (a reflectable origin or a host), unless already there.
     *
     * @return whether it was added
     */
    public boolean add(String key) {
      int n = key.length();
      int hash = hash(key, 0, n);
      int mask = slots.length - 1;
      int i = (hash ^ (hash >>> 16)) & mask;
      while (slots[i] != 0) {
        if ((int) (slots[i] >>> 32) == hash && sameKey((int) slots[i] - 1, key)) {
          return false;
        }
        i = (i + 1) & mask;
      }
      if (length + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(length + n, chars.length + (chars.length >> 1)));
      }
      for (int c = 0; c < n; c++) {
        chars[length + c] = (byte) key.charAt(c);
      }
      length += n;
      if (size == ends.length) {
        ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1) + 1);
      }
      ends[size] = length;
      slots[i] = ((long) hash << 32) | (size + 1);
      size++;
      if (size * 3 > slots.length * 2) {
        slots = rehash(slots, slots.length * 2);
      }
      return true;
    }

    private boolean sameKey(int key, String s) {
      int start = key == 0 ? 0 : ends[key - 1];
      if (ends[key] - start != s.length()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if ((chars[start + i] & 0xff) != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** How many distinct keys were added. */
    public int size() {
      return size;
    }

    /** The table of the keys added, in arrays of their exact size; the builder is empty after. */
    public OriginTable build() {
      int capacity = capacityFor(size);
      long[] table = capacity == slots.length ? slots : rehash(slots, capacity);
      OriginTable built =
          new OriginTable(
              chars.length == length ? chars : Arrays.copyOf(chars, length),
              ends.length == size ? ends : Arrays.copyOf(ends, size),
              table);
      // The slots now belong to the table: the builder starts again, empty.
      chars = new byte[64];
      length = 0;
      ends = new int[4];
      size = 0;
      slots = new long[8];
      return built;
    }

    /** The smallest power of two at least 4 that holds {@code keys} at most two thirds full. */
    private static int capacityFor(int keys) {
      int capacity = 4;
      while (capacity * 2L < keys * 3L) {
        capacity <<= 1;
      }
      return capacity;
    }

    private static long[] rehash(long[] from, int capacity) {
      long[] to = new long[capacity];
      int mask = capacity - 1;
      for (long slot : from) {
        if (slot != 0) {
          int hash = (int) (slot >>> 32);
          int i = (hash ^ (hash >>> 16)) & mask;
          while (to[i] != 0) {
            i = (i + 1) & mask;
          }
          to[i] = slot;
        }
      }
      return to;
    }
  }
}
