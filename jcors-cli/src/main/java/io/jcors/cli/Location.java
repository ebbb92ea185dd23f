package io.jcors.cli;

/** A position in a config file: 1-based line and column, as editors count them. */
record Location(int line, int column) implements Comparable<Location> {
  /** The start of a file, for problems that belong to the file as a whole. */
  static final Location START = new Location(1, 1);

  @Override
  public int compareTo(Location other) {
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
