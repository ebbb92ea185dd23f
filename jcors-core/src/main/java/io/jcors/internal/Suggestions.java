package io.jcors.internal;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Finds the known name nearest to a misspelt one, for "did you mean" hints: the one edit distance
 * of jcors (the option names of the core, the settings of origin sources).
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code name} by edit distance (ignoring case), or {@code null} if none
   * is within two edits or a third of the name's length.
   */
  public static String nearest(String name, Collection<String> candidates) {
    return nearest(name, candidates, Math.max(2, name.length() / 3));
  }

  /**
   * The candidate nearest to {@code name} by edit distance (ignoring case), or {@code null} if none
   * is within {@code maxDistance} edits. Of two as near, the first in alphabetical order, so that
   * the hint does not depend on the order of a set.
   */
  public static String nearest(String name, Collection<String> candidates, int maxDistance) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int d = distance(Tokens.lower(name), Tokens.lower(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= maxDistance ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
