package io.jcors.config;

/**
 * A position in a config file: 1-based line and column, as editors count them.
 *
 * <pre>{@code
 * Location at = new Location(3, 15);
 * assertEquals("3:15", at.toString());
 * }</pre>
 *
 * @param line the line, from 1
 * @param column the column, from 1, in characters
 */
public record Location(int line, int column) implements Comparable<Location> {
  /** The start of a file, for problems that belong to the file as a whole. */
  public static final Location START = new Location(1, 1);

  /** Earlier lines first, then earlier columns. */
  @Override
  public int compareTo(Location other) {
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  /** {@code line:column}, as compilers write it. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
