package io.jcors.config;

import io.jcors.CorsProblem;
import io.jcors.OriginList;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file of a {@code file} origin source, {@code {"file": "tenants.txt"}} or {@code {"file":
 * {"path": "tenants.txt", "refreshSeconds": 10}}}: one entry per line in the syntax of an {@code
 * origin} list (origins, patterns, {@code /regex/}), blank lines and lines starting with {@code #}
 * left out. It is bounded as a table's rows are ({@code maxRows} entries, {@code maxBytes} for the
 * whole file), and every entry is checked as a configured origin is ({@link OriginList}).
 */
final class OriginFile {
  /** The settings a file source knows. */
  static final Set<String> SETTINGS = Set.of("path", "refreshSeconds", "maxRows", "maxBytes");

  /** The defaults of a table's rows, so that a list moved from a table to a file still loads. */
  static final int DEFAULT_MAX_ROWS = 100_000;

  static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private OriginFile() {}

  /**
   * The settings of one file source.
   *
   * @param path the file, as written (relative to the working directory)
   * @param refresh how often the file is looked at for a change; null: read once
   * @param maxRows the most entries the file may hold
   * @param maxBytes the most bytes the file may hold
   */
  record Settings(String path, Duration refresh, int maxRows, long maxBytes) {
    /**
     * The settings, checked.
     *
     * @throws IllegalArgumentException naming every wrong setting and its fix
     */
    static Settings of(Map<String, ?> settings) {
      List<String> wrong = new ArrayList<>();
      for (String key : settings.keySet()) {
        if (!SETTINGS.contains(key)) {
          wrong.add(
              "has the unknown setting "
                  + CorsProblem.quote(key)
                  + "; the settings are "
                  + String.join(", ", new TreeSet<>(SETTINGS)));
        }
      }
      Object path = settings.get("path");
      if (!(path instanceof String) || ((String) path).isBlank()) {
        wrong.add(
            (path == null ? "has no \"path\"" : "has a \"path\" that is not a file name")
                + "; write the file that lists the origins, e.g. {\"file\": \"tenants.txt\"}");
      }
      Duration refresh = null;
      if (settings.containsKey("refreshSeconds")) {
        BigDecimal seconds = number(settings.get("refreshSeconds"));
        if (seconds == null || seconds.compareTo(BigDecimal.ONE) < 0 || seconds.scale() > 3) {
          wrong.add(
              "refreshSeconds: "
                  + CorsProblem.quote(String.valueOf(settings.get("refreshSeconds")))
                  + " is not a number of seconds of at least 1; write e.g. 10, or leave it out to"
                  + " read the file once");
        } else {
          refresh = Duration.ofMillis(seconds.movePointRight(3).longValue());
        }
      }
      long maxRows = whole(settings, "maxRows", DEFAULT_MAX_ROWS, Integer.MAX_VALUE, wrong);
      long maxBytes = whole(settings, "maxBytes", DEFAULT_MAX_BYTES, Long.MAX_VALUE, wrong);
      if (!wrong.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", wrong));
      }
      return new Settings((String) path, refresh, (int) maxRows, maxBytes);
    }
  }

  /**
   * An entry of the file.
   *
   * @param line its line, from 1
   * @param value the entry, stripped of surrounding white space
   */
  record Line(int line, String value) {}

  /**
   * The entries of a file, checked for a route: the list, and the line of each of its problems.
   *
   * @param list the entries checked and compiled
   * @param lines how many entries the file holds
   * @param problemLines for each of {@code list.problems()}, the line of its entry
   */
  record Checked(OriginList list, int lines, int[] problemLines) {
    /** Where problem {@code i} is: {@code tenants.txt:4}. */
    String at(String path, int i) {
      return path + ":" + problemLines[i];
    }
  }

  /**
   * The entries of the file, within its bounds.
   *
   * @throws IOException naming the file and why it cannot be read
   * @throws IllegalStateException when the file passes {@code maxBytes} or {@code maxRows}, or is
   *     not UTF-8
   */
  static List<Line> read(Settings settings) throws IOException {
    Path file = Path.of(settings.path());
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // One byte more than allowed tells a file at the bound from one past it, without reading
      // the rest of a huge file.
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
    } catch (NoSuchFileException e) {
      throw new IOException(
          "the file "
              + CorsProblem.quote(settings.path())
              + " does not exist"
              + (file.isAbsolute()
                  ? ""
                  : " (a relative path is read from the directory the server runs in, "
                      + CorsProblem.quote(Path.of("").toAbsolutePath().toString())
                      + ")"),
          e);
    } catch (IOException e) {
      throw new IOException(
          "the file " + CorsProblem.quote(settings.path()) + " cannot be read: " + e, e);
    }
    if (bytes.length > settings.maxBytes()) {
      throw holdsMoreThan(settings, settings.maxBytes() + " bytes", "maxBytes");
    }
    String text;
    try {
      text = ConfigFile.strictUtf8(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(
          "the file " + CorsProblem.quote(settings.path()) + " is not UTF-8 text; save it as UTF-8",
          e);
    }
    List<Line> lines = new ArrayList<>();
    int number = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      number++;
      String value = text.substring(start, end).strip(); // a CR before the LF too
      start = end + 1;
      if (value.isEmpty() || value.startsWith("#")) {
        continue;
      }
      if (lines.size() == settings.maxRows()) {
        throw holdsMoreThan(settings, settings.maxRows() + " entries", "maxRows");
      }
      lines.add(new Line(number, value));
    }
    return lines;
  }

  /**
   * The error of a file past one of its bounds: {@code what} is the bound with its unit ({@code 100
   * entries}), {@code setting} the setting that raises it.
   */
  private static IllegalStateException holdsMoreThan(
      Settings settings, String what, String setting) {
    return new IllegalStateException(
        "the file "
            + CorsProblem.quote(settings.path())
            + " holds more than "
            + what
            + " ("
            + setting
            + "): list only the origins, or raise "
            + setting);
  }

  /**
   * Checks each entry as a configured origin, for the route's {@code credentials} and {@code
   * strict}: an invalid entry is left out, a risky one left out in strict mode and used otherwise.
   */
  static Checked check(List<Line> lines, String option, boolean credentials, boolean strict) {
    OriginList.Builder builder = OriginList.builder(option, credentials, strict);
    List<Integer> problemLines = new ArrayList<>();
    for (Line line : lines) {
      builder.add(line.value());
      while (problemLines.size() < builder.problemCount()) {
        problemLines.add(line.line());
      }
    }
    int[] at = problemLines.stream().mapToInt(Integer::intValue).toArray();
    return new Checked(builder.build(), lines.size(), at);
  }

  private static long whole(
      Map<String, ?> settings, String key, long fallback, long max, List<String> wrong) {
    if (!settings.containsKey(key)) {
      return fallback;
    }
    BigDecimal n = number(settings.get(key));
    if (n == null
        || n.signum() <= 0
        || n.stripTrailingZeros().scale() > 0
        || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      wrong.add(
          key
              + ": "
              + CorsProblem.quote(String.valueOf(settings.get(key)))
              + " is not a whole number from 1 to "
              + max
              + "; the default is "
              + fallback);
      return fallback;
    }
    return n.longValueExact();
  }

  private static BigDecimal number(Object value) {
    if (!(value instanceof Number)) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return null; // NaN, Infinity
    }
  }
}
