package io.jcors;

import io.jcors.internal.JsRegex;
import io.jcors.internal.OriginMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Origin entries that come from outside the code, such as the rows of a database table, checked one
 * by one with the very checks of a configured {@code origin} list, for the {@code credentials} and
 * {@code strict} of the route that uses them. An invalid entry is always left out; a risky one is
 * left out in strict mode and kept, with its warning, otherwise. Each entry is parsed and checked
 * once, however many are left out.
 *
 * <pre>{@code
 * OriginList list =
 *     OriginList.check(
 *         List.of("https://app.example.com", "https://*.github.io", "*"), "origin", true, true);
 * assertTrue(list.origins().allows("https://app.example.com"));
 * assertFalse(list.origins().allows("https://attacker.github.io"));
 * assertEquals(List.of("https://*.github.io", "*"), list.skipped());
 * assertEquals(1, list.size());
 * }</pre>
 */
public final class OriginList {
  /** How many entries a list's {@link Origins#toString()} names before it only counts the rest. */
  private static final int DESCRIBED_ENTRIES = 20;

  private final Origins origins;
  private final int size;
  private final List<String> skipped;
  private final List<CorsProblem> problems;

  private OriginList(Origins origins, int size, List<String> skipped, List<CorsProblem> problems) {
    this.origins = origins;
    this.size = size;
    this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped)); // may hold a null
    this.problems = List.copyOf(problems);
  }

  /**
   * An origin function whose origins are {@link OriginList}s checked for given options. A route
   * that allows credentials, or is strict, refuses such a function that checks its entries for less
   * (the error names the setting to change): its risky entries would be trusted unchecked.
   */
  public interface Source extends OriginResolver {
    /** Whether the entries are checked as for a route with {@code credentials: true}. */
    boolean checksCredentials();

    /** Whether risky entries are left out, as in strict mode. */
    boolean checksStrict();
  }

  /**
   * Checks and compiles {@code entries}, written as in a config file's {@code origin} list: exact
   * origins, patterns ({@code https://*.example.com}) and regexes ({@code "/^https:\\/\\/.../"}).
   *
   * @param entries the entries, each read once; a null entry is invalid
   * @param option the option that problems name, such as {@code origin}
   * @param credentials whether the route allows credentials (adds the checks of S10 and S11)
   * @param strict whether risky entries are left out instead of warned about
   */
  public static OriginList check(
      List<String> entries, String option, boolean credentials, boolean strict) {
    Builder builder = new Builder(option, credentials, strict, entries.size());
    for (String entry : entries) {
      builder.add(entry);
    }
    return builder.build();
  }

  /**
   * A builder that checks and compiles entries one at a time, as rows are read, so that a large
   * table is never held as a list of strings: each entry is compiled into the list's compact form
   * at once and not kept.
   *
   * <pre>{@code
   * OriginList.Builder builder = OriginList.builder("origin", true, false);
   * builder.add("https://app.example.com").add("https://*.example.org");
   * OriginList list = builder.build();
   * assertTrue(list.origins().allows("https://admin.example.org"));
   * }</pre>
   *
   * @param option the option that problems name, such as {@code origin}
   * @param credentials whether the route allows credentials (adds the checks of S10 and S11)
   * @param strict whether risky entries are left out instead of warned about
   */
  public static Builder builder(String option, boolean credentials, boolean strict) {
    return new Builder(option, credentials, strict, 0);
  }

  /**
   * A builder sized for about {@code expectedEntries} entries, such as the rows of a table's last
   * load: its table of exact origins is allocated once at that size instead of growing (and being
   * copied) as the entries come. More or fewer entries are fine.
   *
   * @param option the option that problems name, such as {@code origin}
   * @param credentials whether the route allows credentials (adds the checks of S10 and S11)
   * @param strict whether risky entries are left out instead of warned about
   * @param expectedEntries about how many entries will be added; 0 when not known
   */
  public static Builder builder(
      String option, boolean credentials, boolean strict, int expectedEntries) {
    if (expectedEntries < 0) {
      throw new IllegalArgumentException(
          "expectedEntries must be 0 or more, not " + expectedEntries);
    }
    return new Builder(option, credentials, strict, expectedEntries);
  }

  /** Checks entries as they come; {@link #build()} once. Not thread-safe. */
  public static final class Builder {
    private final String option;
    private final boolean credentials;
    private final boolean strict;
    private final OriginMatcher.Builder matcher;
    private final List<Object> described = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<CorsProblem> problems = new ArrayList<>();
    private final List<CorsProblem> found = new ArrayList<>();
    private int kept;

    private Builder(String option, boolean credentials, boolean strict, int expected) {
      this.option = option;
      this.credentials = credentials;
      this.strict = strict;
      this.matcher =
          expected > 0 ? new OriginMatcher.Builder(expected) : new OriginMatcher.Builder();
    }

    /** Checks one entry, and compiles it unless it is left out; a null entry is invalid. */
    public Builder add(String entry) {
      found.clear();
      Object spec =
          entry != null && JsRegex.isLiteral(entry)
              ? OriginCheck.regex(entry, option, found)
              : entry;
      // A regex that does not compile is null here, with its problem; a null entry is checked
      // (and refused) like any value that is not a string.
      Object compiled =
          entry != null && spec == null
              ? null
              : OriginCheck.entry(spec, option, found, credentials);
      boolean skip = compiled == null || hasError(found) || (strict && !found.isEmpty());
      for (CorsProblem problem : found) {
        problems.add(skip ? problem.withSeverity(CorsProblem.Severity.ERROR) : problem);
      }
      if (skip) {
        skipped.add(entry);
      } else {
        // Compiled straight into the matcher: the entries themselves are not kept.
        matcher.add(compiled);
        if (kept++ < DESCRIBED_ENTRIES) {
          described.add(spec);
        }
      }
      return this;
    }

    /**
     * How many problems the entries added so far have: {@link OriginList#problems()} of the list
     * built holds them in this order, so a reader that notes this count before each entry knows
     * which problems are that entry's (the line of a file that holds it).
     */
    public int problemCount() {
      return problems.size();
    }

    /** The list of the entries added. */
    public OriginList build() {
      Origins origins =
          Origins.matching(matcher.build(), describe(described, kept, skipped.size()));
      return new OriginList(origins, kept, skipped, problems);
    }
  }

  /**
   * The entries kept, compiled: a list that matches no origin when none is kept. Its {@code
   * toString()} names the first entries and counts the others.
   */
  public Origins origins() {
    return origins;
  }

  /** How many entries {@link #origins()} holds. */
  public int size() {
    return size;
  }

  /** The entries left out, in order: every invalid one, and in strict mode every risky one. */
  public List<String> skipped() {
    return skipped;
  }

  /**
   * Every problem, in the order of the entries, each naming its entry as {@link
   * CorsProblem#value()}: an {@link CorsProblem.Severity#ERROR} for an entry left out, a {@link
   * CorsProblem.Severity#WARNING} for a risky entry that is kept.
   */
  public List<CorsProblem> problems() {
    return problems;
  }

  private static boolean hasError(List<CorsProblem> problems) {
    for (CorsProblem problem : problems) {
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /** The entries for messages: a million rows must not make a description of megabytes. */
  private static String describe(List<Object> first, int kept, int skipped) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < first.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(Problems.render(first.get(i)));
    }
    if (kept > first.size()) {
      s.append(", ... ").append(kept - first.size()).append(" more");
    }
    s.append(']');
    return skipped == 0 ? s.toString() : s + " (" + skipped + " left out)";
  }
}
