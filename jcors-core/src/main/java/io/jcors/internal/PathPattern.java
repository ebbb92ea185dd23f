package io.jcors.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A route path, compiled: segments of the request path matched one by one, case-sensitively, on the
 * path the server dispatches on ({@code io.jcors.RequestPath.normalize}'s output: decoded, no path
 * parameters, no dot or empty segments).
 *
 * <pre>{@code
 * PathPattern products = PathPattern.compile("/products/:id");
 * assertTrue(products.matches("/products/42"));
 * assertTrue(products.matches("/products/42/")); // a trailing / is the same route
 * assertFalse(products.matches("/products"));
 * assertFalse(products.matches("/products/42/reviews"));
 * }</pre>
 *
 * <p>Each segment of a route path is one of:
 *
 * <ul>
 *   <li>text, matched as it is ({@code products});
 *   <li>a parameter, {@code :name} or {@code {name}}: any one non-empty segment; a name is ASCII
 *       letters, digits and {@code _}, not starting with a digit;
 *   <li>text with {@code *}, which matches any characters (none included) within the segment:
 *       {@code *.json}, {@code v*}; a lone {@code *} is any one segment ({@code /api/*}/items);
 *   <li>{@code **}: any number of segments, none included ({@code /api/**} matches {@code /api} and
 *       everything under it, {@code /**}/health matches {@code /health} and {@code /a/b/health},
 *       {@code /**} every path).
 * </ul>
 *
 * <p>A literal {@code :}, <code>&#123;</code>, <code>&#125;</code>, {@code *}, or any other
 * character with a meaning here, is written with a backslash before it: {@code
 * /v1/items\:batchGet}, {@code /odata/\$metadata}. The characters Express 5 reserves ({@code ( ) [
 * ] + !}), a {@code ?} and a {@code #} are refused unescaped, so that a regex or an Express 4
 * pattern such as {@code /ab?cd} is an error rather than a path that silently never matches. A
 * {@code \} before a letter or a digit ({@code \d}) is a regex too, and refused. The normalised
 * path never holds a {@code \}, so nothing is lost.
 *
 * <p>The route {@code /products/} is the same route as {@code /products}, and a request for {@code
 * /products/42/} matches what {@code /products/42} matches: servers dispatch both to the same
 * handler.
 *
 * <p>Matching allocates nothing and costs at most the number of the route's segments times the
 * length of the path (one pass per {@code **} to fall back to, as in glob matching, never an
 * exponential search).
 */
public final class PathPattern {
  /** The longest route path compiled; longer ones are refused. */
  public static final int MAX_LENGTH = 2048;

  /** A segment matched as it is. */
  static final byte LITERAL = 0;

  /** A parameter or a lone {@code *}: any one non-empty segment. */
  static final byte ANY = 1;

  /** Text with {@code *}: {@link #globs} holds the text between the stars. */
  static final byte GLOB = 2;

  /** {@code **}: any number of segments. */
  static final byte ANY_SEGMENTS = 3;

  /** A {@code *} in {@link #word}. */
  private static final int STAR = -1;

  private static final String SYNTAX =
      "a route path is /segments with :name or {name} for one segment, * within a segment,"
          + " ** for any number of segments, e.g. /products/:id, /files/*.json, /api/**";

  private final String source;
  private final byte[] kinds;

  /** For a {@link #LITERAL}: the segment, unescaped; else null. */
  private final String[] literals;

  /**
   * For a {@link #GLOB}: the text before the first {@code *}, between each two, and after the last
   * (the first and last may be empty); else null.
   */
  private final String[][] globs;

  private PathPattern(String source, byte[] kinds, String[] literals, String[][] globs) {
    this.source = source;
    this.kinds = kinds;
    this.literals = literals;
    this.globs = globs;
  }

  /**
   * Compiles a route path.
   *
   * @throws Invalid naming what is wrong and how to write it instead
   */
  public static PathPattern compile(String path) {
    if (path == null || path.isEmpty()) {
      throw new Invalid("is empty", "write a path starting with /, e.g. /products/:id or /**");
    }
    if (path.length() > MAX_LENGTH) {
      throw new Invalid(
          "is longer than " + MAX_LENGTH + " characters",
          "write a shorter path; use ** or :name for the parts that vary");
    }
    String stripped = path.strip();
    if (!stripped.equals(path) && !stripped.isEmpty()) {
      throw new Invalid("has a space at its start or end", "write " + quote(stripped));
    }
    if (path.charAt(0) != '/') {
      if (path.equals("*") || path.equals("**") || path.equals("(.*)")) {
        throw new Invalid(
            "does not start with /", "write /** for every path (Express's '*' is /** here)");
      }
      if (path.charAt(0) == '^') {
        throw new Invalid(
            "looks like a regex (it starts with ^); " + SYNTAX,
            "write the path without ^ (a route always matches the whole path)");
      }
      throw new Invalid("does not start with /", "write " + quote("/" + path));
    }
    if (path.endsWith("$") && !path.endsWith("\\$")) {
      throw new Invalid(
          "looks like a regex (it ends with $); " + SYNTAX,
          "write the path without $ (a route always matches the whole path), or \\$ for a"
              + " literal $");
    }
    List<Byte> kinds = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    List<String[]> globs = new ArrayList<>();
    int n = path.length();
    int from = 1;
    while (from <= n) {
      int to = segmentEnd(path, from);
      if (to == from) {
        if (to == n) {
          break; // "/" alone, or a trailing "/": the same route as without it
        }
        throw new Invalid(
            "has an empty segment (// at index " + (from - 1) + ")",
            "write a single /: request paths are matched with empty segments removed");
      }
      compileSegment(path, from, to, kinds, literals, globs);
      from = to + 1;
    }
    int size = kinds.size();
    byte[] k = new byte[size];
    for (int i = 0; i < size; i++) {
      k[i] = kinds.get(i);
    }
    return new PathPattern(
        path, k, literals.toArray(new String[0]), globs.toArray(new String[0][]));
  }

  /** Where the segment starting at {@code from} ends: the next unescaped {@code /}, or the end. */
  private static int segmentEnd(String path, int from) {
    for (int i = from; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\') {
        i++; // the escaped character is checked with its segment
      } else if (c == '/') {
        return i;
      }
    }
    return path.length();
  }

  private static void compileSegment(
      String path,
      int from,
      int to,
      List<Byte> kinds,
      List<String> literals,
      List<String[]> globs) {
    String raw = path.substring(from, to);
    if (raw.equals("**")) {
      // "/**/**" means what "/**" does; one fallback point instead of two keeps matching cheap.
      if (kinds.isEmpty() || kinds.get(kinds.size() - 1) != ANY_SEGMENTS) {
        add(kinds, literals, globs, ANY_SEGMENTS, null, null);
      }
      return;
    }
    char first = raw.charAt(0);
    if (first == ':' || first == '{') {
      parameter(path, from, to, raw);
      add(kinds, literals, globs, ANY, null, null);
      return;
    }
    if (raw.equals(".") || raw.equals("..")) {
      throw new Invalid(
          "has a dot segment (" + raw + ")",
          "write the path with it resolved: request paths are matched with . and .. resolved");
    }
    if (raw.equals(".*")) {
      throw new Invalid(
          "looks like a regex (.*); " + SYNTAX,
          "write ** for any number of segments or * for any characters within one");
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean literalBrace = false; // after \{, a } is literal too: \{id} is the text {id}
    for (int i = from; i < to; i++) {
      char c = path.charAt(i);
      if (c == '}' && literalBrace) {
        piece.append(c);
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= to) {
          throw new Invalid(
              "ends with a lone \\",
              "remove it, or write \\ before the character to take literally (\\:, \\*)");
        }
        char next = path.charAt(i + 1);
        if (next == '/') {
          throw new Invalid(
              "has \\/ at index " + i + ", but a segment never holds a /",
              "write / between segments; an encoded / (%2F) in a request gets no CORS headers");
        }
        if (Character.isLetterOrDigit(next) || next <= 0x20 || next == 0x7f) {
          throw new Invalid(
              "looks like a regex (\\" + next + " at index " + i + "); " + SYNTAX,
              "a \\ only makes the character after it literal (\\:, \\{, \\*); write :name for a"
                  + " segment, * within one");
        }
        piece.append(next);
        literalBrace |= next == '{';
        i++;
        continue;
      }
      if (c == '*') {
        int run = 1;
        while (i + run < to && path.charAt(i + run) == '*') {
          run++;
        }
        if (run >= 3) {
          throw new Invalid(
              "has " + "*".repeat(run) + " at index " + i,
              "write * for any characters within a segment, or ** alone between two / for any"
                  + " number of segments");
        }
        if (run == 2) {
          throw new Invalid(
              "has ** inside a segment (index " + i + ")",
              "** stands alone between two / (/api/**, /**/health); within a segment write *");
        }
        pieces.add(piece.toString());
        piece.setLength(0);
        continue;
      }
      String why = refused(c, i);
      if (why != null) {
        throw new Invalid(why, fixFor(c));
      }
      piece.append(c);
    }
    pieces.add(piece.toString());
    if (pieces.size() == 1) {
      String literal = pieces.get(0);
      if (literal.equals(".") || literal.equals("..")) {
        throw new Invalid(
            "has a dot segment (" + raw + ")",
            "write the path with it resolved: request paths are matched with . and .. resolved");
      }
      add(kinds, literals, globs, LITERAL, literal, null);
    } else if (pieces.size() == 2 && pieces.get(0).isEmpty() && pieces.get(1).isEmpty()) {
      add(kinds, literals, globs, ANY, null, null); // a lone *
    } else {
      add(kinds, literals, globs, GLOB, null, pieces.toArray(new String[0]));
    }
  }

  private static void add(
      List<Byte> kinds,
      List<String> literals,
      List<String[]> globs,
      byte kind,
      String literal,
      String[] glob) {
    kinds.add(kind);
    literals.add(literal);
    globs.add(glob);
  }

  /** Checks a segment that starts with {@code :} or <code>&#123;</code>. */
  private static void parameter(String path, int from, int to, String raw) {
    String fix =
        "write a name after it (/products/:id or /products/{id}), or \\"
            + raw.charAt(0)
            + " for a literal "
            + raw.charAt(0);
    String name;
    if (raw.charAt(0) == '{') {
      int close = raw.indexOf('}');
      if (close < 0) {
        throw new Invalid(
            "has an unclosed { at index " + from, "close it: {" + nameLike(raw, 1) + "}");
      }
      if (close != raw.length() - 1) {
        throw notWholeSegment(from, raw);
      }
      name = raw.substring(1, close);
      if (name.isEmpty()) {
        throw new Invalid("has a {} without a name at index " + from, fix);
      }
    } else {
      name = raw.substring(1);
      if (name.isEmpty() || !isNameStart(name.charAt(0))) {
        throw new Invalid("has a : without a name at index " + from, fix);
      }
      if (nameLike(raw, 1).length() != name.length()) {
        throw notWholeSegment(from, raw);
      }
    }
    if (!isNameStart(name.charAt(0)) || nameLike(name, 0).length() != name.length()) {
      throw new Invalid(
          "has the parameter name " + quote(name) + ", which is not a name",
          "a name is ASCII letters, digits and _, not starting with a digit: "
              + raw.charAt(0)
              + "id"
              + (raw.charAt(0) == '{' ? "}" : ""));
    }
  }

  private static Invalid notWholeSegment(int from, String raw) {
    return new Invalid(
        "has a parameter that is not a whole segment (" + raw + " at index " + from + ")",
        "a parameter is a whole segment (/files/:name); for part of a segment write *"
            + " (/files/*.json)");
  }

  /** The longest run of name characters in {@code s} from {@code from}. */
  private static String nameLike(String s, int from) {
    int i = from;
    while (i < s.length() && isNameChar(s.charAt(i))) {
      i++;
    }
    return s.substring(from, i);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }

  /**
   * Whether {@code c} makes a route path look like a regex (a group, a class, {@code +}, {@code !}
   * or {@code |}): refused unescaped, with one reason and one fix for all of them ({@link
   * #refused}, {@link #fixFor}).
   */
  private static boolean looksLikeRegex(char c) {
    return "()[]+!|".indexOf(c) >= 0;
  }

  /** Why {@code c}, unescaped, cannot be in a route path; null when it can. */
  private static String refused(char c, int i) {
    String at = " at index " + i;
    if (looksLikeRegex(c)) {
      return "looks like a regex (" + c + at + "); " + SYNTAX;
    }
    switch (c) {
      case ':':
        return "has a : inside a segment" + at;
      case '{':
        return "has a { inside a segment" + at;
      case '}':
        return "has a } without a {" + at;
      case '?':
        return "has a ?" + at + ", which is neither part of a path nor a wildcard here";
      case '#':
        return "has a #" + at + ", which is never part of a request path";
      case '%':
        return "has a %" + at + "; routes are matched on the decoded path";
      case ';':
        return "has a ;" + at + "; routes are matched on the path without its ;parameters";
      default:
        if (c < 0x20 || c == 0x7f) {
          return "has a control character" + at;
        }
        return null;
    }
  }

  private static String fixFor(char c) {
    if (looksLikeRegex(c)) {
      return "write :name for one segment, * within a segment, ** for any number of segments;"
          + " for a literal "
          + c
          + " write \\"
          + c;
    }
    switch (c) {
      case ':':
      case '{':
        return "a parameter is a whole segment (/files/:name); for part of a segment write *"
            + " (/files/*.json); for a literal "
            + c
            + " write \\"
            + c;
      case '?':
        return "leave the query out; write * for any characters within a segment, or \\? for a"
            + " literal ? (an encoded %3F)";
      case '%':
        return "write the character itself (/caf\u00e9 for /caf%C3%A9), or \\% for a literal %";
      case '#':
      case ';':
        return "leave it out, or write \\" + c + " for a literal " + c;
      default:
        return "remove it";
    }
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  /** The route path as written. */
  public String source() {
    return source;
  }

  /**
   * Whether {@code path} matches: {@code path} is a normalised request path ({@code
   * io.jcors.RequestPath.normalize}); null, or a path not starting with {@code /}, never matches.
   */
  public boolean matches(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return false;
    }
    return matchesFrom(0, path, 0, end(path));
  }

  /** Where the segments of {@code path} end: before a trailing {@code /}, the same route. */
  static int end(String path) {
    int n = path.length();
    return n > 0 && path.charAt(n - 1) == '/' ? n - 1 : n;
  }

  /** The end of the segment starting at {@code from}: the next {@code /} or {@code end}. */
  static int segmentEnd(String path, int from, int end) {
    int slash = path.indexOf('/', from);
    return slash < 0 || slash > end ? end : slash;
  }

  /** The number of segments, a {@code **} counting as one. */
  int segments() {
    return kinds.length;
  }

  byte kind(int segment) {
    return kinds[segment];
  }

  String literal(int segment) {
    return literals[segment];
  }

  /**
   * Whether segments {@code [segment, segments())} match the segments of {@code path} after {@code
   * pos} (the index of the {@code /} before the next segment; {@code pos >= end}: none left).
   *
   * <p>Glob matching with {@code **} as the star and segments as the letters: every other segment
   * matches exactly one path segment, so on a mismatch only the last {@code **} seen needs to take
   * one segment more; the choices before it can stay (the first place where the segments between
   * two {@code **} match is as good as any later one). No recursion and no allocation.
   */
  boolean matchesFrom(int segment, String path, int pos, int end) {
    int p = segment;
    int n = kinds.length;
    int starP = -1;
    int starPos = -1;
    while (true) {
      if (pos < end) {
        int segEnd = segmentEnd(path, pos + 1, end);
        if (p < n) {
          if (kinds[p] == ANY_SEGMENTS) {
            if (p == n - 1) {
              return true; // a final ** takes the rest, however long: no need to walk it
            }
            starP = p;
            starPos = pos;
            p++;
            continue;
          }
          if (matchesSegment(p, path, pos + 1, segEnd)) {
            p++;
            pos = segEnd;
            continue;
          }
        }
        if (starP < 0) {
          return false;
        }
        starPos = segmentEnd(path, starPos + 1, end); // the ** takes one segment more
        pos = starPos;
        p = starP + 1;
      } else {
        while (p < n && kinds[p] == ANY_SEGMENTS) {
          p++;
        }
        return p == n;
      }
    }
  }

  /** Whether segment {@code p} matches {@code path[from, to)}, a non-empty path segment. */
  private boolean matchesSegment(int p, String path, int from, int to) {
    switch (kinds[p]) {
      case LITERAL:
        String literal = literals[p];
        return literal.length() == to - from && path.startsWith(literal, from);
      case ANY:
        return to > from;
      default:
        return matchesGlob(globs[p], path, from, to);
    }
  }

  /**
   * Whether {@code s[from, to)} matches the text {@code pieces} with a {@code *} between each two:
   * the first piece at the start, the last at the end, each piece between at its first place after
   * the one before (the first place leaves the most room to the rest, so no other is tried).
   */
  static boolean matchesGlob(String[] pieces, String s, int from, int to) {
    int last = pieces.length - 1;
    int length = 0;
    for (String piece : pieces) {
      length += piece.length();
    }
    if (to - from < length || to == from) {
      return false;
    }
    String head = pieces[0];
    String tail = pieces[last];
    int tailStart = to - tail.length();
    if (!s.startsWith(head, from) || !s.startsWith(tail, tailStart)) {
      return false;
    }
    int i = from + head.length();
    for (int m = 1; m < last; m++) {
      String piece = pieces[m];
      int at = find(s, piece, i, tailStart - piece.length());
      if (at < 0) {
        return false;
      }
      i = at + piece.length();
    }
    return true;
  }

  /**
   * The first index in {@code [from, lastStart]} where {@code piece} starts in {@code s}, or -1.
   */
  private static int find(String s, String piece, int from, int lastStart) {
    for (int i = from; i <= lastStart; i++) {
      if (s.startsWith(piece, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether this route matches every path that {@code later} matches, so that {@code later}, listed
   * after it, is never chosen. Never true when some path matches {@code later} only; it may be
   * false for a few combinations where it does cover (a {@code **} of {@code later} covered by a
   * {@code *} and a {@code **} of this one together), and then no warning is given.
   *
   * <p>Inclusion of glob patterns, decided on the patterns themselves: this route must match {@code
   * later} read as a word whose {@code **} (and, within a segment, {@code *}) only a {@code **} (or
   * {@code *}) of this route can take. Each such match holds for every path {@code later} matches,
   * whatever its wildcards stand for.
   */
  public boolean covers(PathPattern later) {
    int n = kinds.length;
    int m = later.kinds.length;
    // covered[i][j]: segments [i, n) of this route match every path of later's segments [j, m).
    boolean[][] covered = new boolean[n + 1][m + 1];
    covered[n][m] = true;
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m; j >= 0; j--) {
        if (kinds[i] == ANY_SEGMENTS) {
          covered[i][j] = covered[i + 1][j] || j < m && covered[i][j + 1];
        } else {
          covered[i][j] =
              j < m
                  && later.kinds[j] != ANY_SEGMENTS
                  && segmentCovers(i, later, j)
                  && covered[i + 1][j + 1];
        }
      }
    }
    return covered[0][0];
  }

  /** Whether segment {@code i} matches every segment that segment {@code j} of {@code b} does. */
  private boolean segmentCovers(int i, PathPattern b, int j) {
    switch (kinds[i]) {
      case ANY:
        return true;
      case LITERAL:
        return b.kinds[j] == LITERAL && literals[i].equals(b.literals[j]);
      default:
        switch (b.kinds[j]) {
          case LITERAL:
            return matchesGlob(globs[i], b.literals[j], 0, b.literals[j].length());
          case GLOB:
            return globCovers(globs[i], b.globs[j]);
          default:
            return false; // a glob with text never matches every segment
        }
    }
  }

  /** The same inclusion as {@link #covers}, one level down: characters, with {@code *}. */
  private static boolean globCovers(String[] a, String[] b) {
    int[] wa = word(a);
    int[] wb = word(b);
    int n = wa.length;
    int m = wb.length;
    boolean[][] covered = new boolean[n + 1][m + 1];
    covered[n][m] = true;
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m; j >= 0; j--) {
        if (wa[i] == STAR) {
          covered[i][j] = covered[i + 1][j] || j < m && covered[i][j + 1];
        } else {
          covered[i][j] = j < m && wa[i] == wb[j] && covered[i + 1][j + 1];
        }
      }
    }
    return covered[0][0];
  }

  /** The pieces as one word of characters, with {@link #STAR} between each two. */
  private static int[] word(String[] pieces) {
    int length = pieces.length - 1;
    for (String piece : pieces) {
      length += piece.length();
    }
    int[] word = new int[length];
    int k = 0;
    for (int p = 0; p < pieces.length; p++) {
      if (p > 0) {
        word[k++] = STAR;
      }
      for (int c = 0; c < pieces[p].length(); c++) {
        word[k++] = pieces[p].charAt(c);
      }
    }
    return word;
  }

  @Override
  public String toString() {
    return source;
  }

  /**
   * A route path that is neither exact nor valid syntax. {@link #getMessage()} completes the
   * sentence {@code "<path>" ...}; {@link #fix()} says how to write it.
   */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String fix;

    Invalid(String reason, String fix) {
      super(reason);
      this.fix = fix;
    }

    /** How to write the path instead. */
    public String fix() {
      return fix;
    }
  }
}
