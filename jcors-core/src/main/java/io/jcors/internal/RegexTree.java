package io.jcors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled regex read back into a syntax tree, for checking a configuration: which repetitions
 * nest ({@link Backtracking}) and which origins it accepts ({@link AttackerOrigins}). It reads the
 * {@link java.util.regex.Pattern} syntax that a configured regex compiles to: alternation, groups
 * (capturing, named, non-capturing, lookaround, atomic, inline flags), quantifiers (greedy, lazy,
 * possessive), character classes (ranges, negation, nesting, {@code &&}), escapes and {@code
 * \Q...\E}. Sets of characters are exact on ASCII, the only characters an origin that is ever
 * matched can hold ({@link OriginSyntax#isReflectable}), and one flag for the rest. Never used on a
 * request.
 */
final class RegexTree {
  /**
   * The longest source read, in characters: an origin regex is a few dozen; the checks walk the
   * tree more than once, so their cost is bounded by bounding the tree.
   */
  static final int MAX_SOURCE = 4096;

  private RegexTree() {}

  /**
   * The tree of {@code regex}, or null for a syntax this reader does not follow (comments mode).
   */
  static Node parse(Pattern regex) {
    if ((regex.flags() & (Pattern.COMMENTS | Pattern.LITERAL)) != 0) {
      return null;
    }
    if (regex.pattern().length() > MAX_SOURCE) {
      return null;
    }
    try {
      Parser parser =
          new Parser(regex.pattern(), (regex.flags() & Pattern.CASE_INSENSITIVE) != 0, regex);
      Node node = parser.alternation();
      return parser.at == parser.s.length() ? node : null;
    } catch (RuntimeException | StackOverflowError e) {
      // A construct this reader does not know, or nesting deeper than its recursion: no tree, so
      // the checks that need one are skipped.
      return null;
    }
  }

  /** A node of the tree, with the span of the source it was read from. */
  abstract static class Node {
    int start;
    int end;
    private Boolean nullable;
    private Chars alphabet;
    private Chars first;

    /** Whether the node can match the empty string. */
    final boolean nullable() {
      if (nullable == null) {
        nullable = computeNullable();
      }
      return nullable;
    }

    /** Every character the node can consume, anywhere in a match. */
    final Chars alphabet() {
      if (alphabet == null) {
        alphabet = computeAlphabet();
      }
      return alphabet;
    }

    /** The characters a non-empty match of the node can start with. */
    final Chars first() {
      if (first == null) {
        first = computeFirst();
      }
      return first;
    }

    /** Whether {@code other} is this node or inside it: spans of a tree nest. */
    final boolean encloses(Node other) {
      return start <= other.start && other.end <= end;
    }

    abstract boolean computeNullable();

    abstract Chars computeAlphabet();

    abstract Chars computeFirst();
  }

  /** One character out of a set ({@code a}, {@code [a-z]}, {@code \d}, {@code .}). */
  static final class Single extends Node {
    final Chars chars;

    Single(Chars chars) {
      this.chars = chars;
    }

    @Override
    boolean computeNullable() {
      return false;
    }

    @Override
    Chars computeAlphabet() {
      return chars;
    }

    @Override
    Chars computeFirst() {
      return chars;
    }
  }

  /** A zero-width assertion: {@code ^}, {@code $}, {@code \b}, a lookaround. */
  static final class Assertion extends Node {
    /** The lookaround's body, or null for an anchor. */
    final Node body;

    Assertion(Node body) {
      this.body = body;
    }

    @Override
    boolean computeNullable() {
      return true;
    }

    @Override
    Chars computeAlphabet() {
      return Chars.NONE;
    }

    @Override
    Chars computeFirst() {
      return Chars.NONE;
    }
  }

  /** A back reference: it matches what a group matched, anything as far as these checks go. */
  static final class BackReference extends Node {
    @Override
    boolean computeNullable() {
      return true;
    }

    @Override
    Chars computeAlphabet() {
      return Chars.ALL;
    }

    @Override
    Chars computeFirst() {
      return Chars.ALL;
    }
  }

  /** Nodes one after the other. */
  static final class Sequence extends Node {
    final List<Node> items;

    Sequence(List<Node> items) {
      this.items = List.copyOf(items);
    }

    @Override
    boolean computeNullable() {
      for (Node item : items) {
        if (!item.nullable()) {
          return false;
        }
      }
      return true;
    }

    @Override
    Chars computeAlphabet() {
      Chars chars = Chars.NONE;
      for (Node item : items) {
        chars = chars.union(item.alphabet());
      }
      return chars;
    }

    @Override
    Chars computeFirst() {
      Chars chars = Chars.NONE;
      for (Node item : items) {
        chars = chars.union(item.first());
        if (!item.nullable()) {
          break;
        }
      }
      return chars;
    }
  }

  /** Alternatives: {@code a|b}. */
  static final class Alternation extends Node {
    final List<Node> alternatives;

    Alternation(List<Node> alternatives) {
      this.alternatives = List.copyOf(alternatives);
    }

    @Override
    boolean computeNullable() {
      for (Node alternative : alternatives) {
        if (alternative.nullable()) {
          return true;
        }
      }
      return false;
    }

    @Override
    Chars computeAlphabet() {
      Chars chars = Chars.NONE;
      for (Node alternative : alternatives) {
        chars = chars.union(alternative.alphabet());
      }
      return chars;
    }

    @Override
    Chars computeFirst() {
      Chars chars = Chars.NONE;
      for (Node alternative : alternatives) {
        chars = chars.union(alternative.first());
      }
      return chars;
    }
  }

  /** A group: capturing or not, or atomic ({@code (?>...)}), which gives back nothing. */
  static final class Group extends Node {
    final Node body;
    final boolean atomic;

    Group(Node body, boolean atomic) {
      this.body = body;
      this.atomic = atomic;
    }

    @Override
    boolean computeNullable() {
      return body.nullable();
    }

    @Override
    Chars computeAlphabet() {
      return body.alphabet();
    }

    @Override
    Chars computeFirst() {
      return body.first();
    }
  }

  /** A quantified node: {@code x*}, {@code x+}, {@code x?}, {@code x{n,m}}. */
  static final class Repeat extends Node {
    static final int UNBOUNDED = Integer.MAX_VALUE;

    final Node body;
    final int min;
    final int max;

    /** Possessive ({@code x*+}): it never gives back what it matched, so it cannot backtrack. */
    final boolean possessive;

    Repeat(Node body, int min, int max, boolean possessive) {
      this.body = body;
      this.min = min;
      this.max = max;
      this.possessive = possessive;
    }

    @Override
    boolean computeNullable() {
      return min == 0 || body.nullable();
    }

    @Override
    Chars computeAlphabet() {
      return max == 0 ? Chars.NONE : body.alphabet();
    }

    @Override
    Chars computeFirst() {
      return max == 0 ? Chars.NONE : body.first();
    }
  }

  private static final class Parser {
    final String s;
    final Pattern regex;
    int at;
    boolean caseInsensitive;
    boolean dotAll;

    Parser(String s, boolean caseInsensitive, Pattern regex) {
      this.s = s;
      this.caseInsensitive = caseInsensitive;
      this.regex = regex;
      this.dotAll = (regex.flags() & Pattern.DOTALL) != 0;
    }

    Node alternation() {
      int start = at;
      List<Node> alternatives = new ArrayList<>();
      alternatives.add(sequence());
      while (at < s.length() && s.charAt(at) == '|') {
        at++;
        alternatives.add(sequence());
      }
      Node node = alternatives.size() == 1 ? alternatives.get(0) : new Alternation(alternatives);
      return span(node, start);
    }

    Node sequence() {
      int start = at;
      List<Node> items = new ArrayList<>();
      while (at < s.length() && s.charAt(at) != '|' && s.charAt(at) != ')') {
        Node atom = atom();
        if (atom != null) {
          items.add(quantified(atom));
        }
      }
      return items.size() == 1 ? items.get(0) : span(new Sequence(items), start);
    }

    /** An atom, or null for what matches nothing at all (an inline flag group, {@code \Q\E}). */
    Node atom() {
      int start = at;
      char c = s.charAt(at++);
      switch (c) {
        case '(':
          return group(start);
        case '[':
          return span(new Single(fold(characterClass())), start);
        case '.':
          return span(new Single(dotAll ? Chars.ALL : dot()), start);
        case '^':
        case '$':
          return span(new Assertion(null), start);
        case '\\':
          return escape(start);
        default:
          return span(new Single(fold(Chars.of(c))), start);
      }
    }

    private Chars dot() {
      return Chars.ALL.intersect(Chars.of('\n').union(Chars.of('\r')).complement());
    }

    Node group(int start) {
      boolean atomic = false;
      boolean lookaround = false;
      boolean savedCase = caseInsensitive;
      if (s.startsWith("?", at)) {
        at++;
        char kind = s.charAt(at);
        if (kind == ':') {
          at++;
        } else if (kind == '>') {
          at++;
          atomic = true;
        } else if (kind == '=' || kind == '!') {
          at++;
          lookaround = true;
        } else if (kind == '<' && (s.startsWith("<=", at) || s.startsWith("<!", at))) {
          at += 2;
          lookaround = true;
        } else if (kind == '<') {
          at = after('>'); // a named group
        } else {
          // Inline flags: (?i) for the rest of the enclosing group, (?i:...) for this one.
          boolean on = true;
          while (s.charAt(at) != ')' && s.charAt(at) != ':') {
            char f = s.charAt(at++);
            if (f == '-') {
              on = false;
            } else if (f == 'i') {
              caseInsensitive = on;
            } else if (f == 's') {
              dotAll = on;
            } else if (f == 'x') {
              throw new IllegalArgumentException("comments mode");
            }
          }
          if (s.charAt(at++) == ')') {
            return null; // the flags hold until the enclosing group ends
          }
        }
      }
      Node body = alternation();
      expect(')');
      caseInsensitive = savedCase;
      return span(lookaround ? new Assertion(body) : new Group(body, atomic), start);
    }

    Node quantified(Node atom) {
      if (at >= s.length()) {
        return atom;
      }
      int min;
      int max;
      char c = s.charAt(at);
      if (c == '*') {
        min = 0;
        max = Repeat.UNBOUNDED;
        at++;
      } else if (c == '+') {
        min = 1;
        max = Repeat.UNBOUNDED;
        at++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        at++;
      } else if (c == '{') {
        int close = after('}') - 1;
        String[] bounds = s.substring(at + 1, close).split(",", -1);
        min = Integer.parseInt(bounds[0].strip());
        max =
            bounds.length == 1
                ? min
                : bounds[1].isBlank() ? Repeat.UNBOUNDED : Integer.parseInt(bounds[1].strip());
        at = close + 1;
      } else {
        return atom;
      }
      boolean possessive = false;
      if (at < s.length() && s.charAt(at) == '?') {
        at++; // lazy: it backtracks all the same
      } else if (at < s.length() && s.charAt(at) == '+') {
        at++;
        possessive = true;
      }
      Repeat repeat = new Repeat(atom, min, max, possessive);
      repeat.start = atom.start;
      repeat.end = at;
      // A quantifier on a quantifier ({@code a{2}{3}}) is Java syntax too.
      return quantified(repeat);
    }

    Node escape(int start) {
      char c = s.charAt(at++);
      switch (c) {
        case 'b':
        case 'B':
        case 'A':
        case 'z':
        case 'Z':
        case 'G':
          return span(new Assertion(null), start);
        case 'Q':
          {
            int close = s.indexOf("\\E", at);
            String quoted = close < 0 ? s.substring(at) : s.substring(at, close);
            at = close < 0 ? s.length() : close + 2;
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < quoted.length(); i++) {
              Single single = new Single(fold(Chars.of(quoted.charAt(i))));
              single.start = start;
              single.end = at;
              items.add(single);
            }
            return items.isEmpty() ? null : span(new Sequence(items), start);
          }
        case 'k':
          at = after('>');
          return span(new BackReference(), start);
        case 'R':
          return span(new Single(Chars.range(0x0a, 0x0d).union(Chars.of(0x85))), start);
        case 'X':
          return span(new Single(Chars.ALL), start);
        default:
          if (c >= '1' && c <= '9') {
            while (at < s.length() && Character.isDigit(s.charAt(at))) {
              at++;
            }
            return span(new BackReference(), start);
          }
          at--;
          return span(new Single(fold(classEscape())), start);
      }
    }

    /** An escape that stands for characters, inside or outside a class; {@code at} is after \. */
    Chars classEscape() {
      char c = s.charAt(at++);
      switch (c) {
        case 'd':
          return digits();
        case 'D':
          return digits().complement();
        case 'w':
          return word();
        case 'W':
          return word().complement();
        case 's':
          return space();
        case 'S':
          return space().complement();
        case 'h':
          return Chars.of(' ').union(Chars.of('\t')).union(Chars.of(0xa0));
        case 'H':
          return Chars.of(' ').union(Chars.of('\t')).complement();
        case 'v':
          return Chars.range(0x0a, 0x0d).union(Chars.of(0x85));
        case 'V':
          return Chars.range(0x0a, 0x0d).complement();
        case 'p':
        case 'P':
          {
            // A Unicode property: taken as any character, which only widens the sets.
            if (s.charAt(at) == '{') {
              at = after('}');
            } else {
              at++;
            }
            return Chars.ALL;
          }
        case 't':
          return Chars.of('\t');
        case 'n':
          return Chars.of('\n');
        case 'r':
          return Chars.of('\r');
        case 'f':
          return Chars.of('\f');
        case 'a':
          return Chars.of(7);
        case 'e':
          return Chars.of(27);
        case 'c':
          return Chars.of(s.charAt(at++) ^ 64);
        case '0':
          {
            int value = 0;
            int digits = 0;
            while (at < s.length() && digits < 3 && s.charAt(at) >= '0' && s.charAt(at) <= '7') {
              value = value * 8 + (s.charAt(at++) - '0');
              digits++;
            }
            return Chars.of(value);
          }
        case 'x':
          {
            if (s.charAt(at) == '{') {
              int close = after('}') - 1;
              int value = Integer.parseInt(s.substring(at + 1, close), 16);
              at = close + 1;
              return Chars.of(value);
            }
            int value = Integer.parseInt(s.substring(at, at + 2), 16);
            at += 2;
            return Chars.of(value);
          }
        case 'u':
          {
            int value = Integer.parseInt(s.substring(at, at + 4), 16);
            at += 4;
            return Chars.of(value);
          }
        default:
          if (Character.isLetterOrDigit(c)) {
            throw new IllegalArgumentException("escape \\" + c);
          }
          return Chars.of(c);
      }
    }

    /** A character class; {@code at} is after its {@code [}. */
    Chars characterClass() {
      boolean negated = false;
      if (s.charAt(at) == '^') {
        negated = true;
        at++;
      }
      Chars chars = Chars.NONE;
      if (s.charAt(at) == ']') {
        at++; // a ] right after [ or [^ is a literal ]
        chars = Chars.of(']');
      }
      while (s.charAt(at) != ']') {
        if (s.startsWith("&&", at)) {
          at += 2;
          chars = chars.intersect(classItems());
          continue;
        }
        chars = chars.union(classItem());
      }
      at++;
      return negated ? chars.complement() : chars;
    }

    /** The items of a class up to its {@code ]} or the next {@code &&}, as a union. */
    Chars classItems() {
      Chars chars = Chars.NONE;
      while (s.charAt(at) != ']' && !s.startsWith("&&", at)) {
        chars = chars.union(classItem());
      }
      return chars;
    }

    Chars classItem() {
      char c = s.charAt(at);
      if (c == '[') {
        at++;
        return characterClass();
      }
      Chars low;
      int lowChar;
      if (c == '\\') {
        at++;
        if (s.charAt(at) == 'Q') {
          int close = s.indexOf("\\E", at);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed \\Q");
          }
          String quoted = s.substring(at + 1, close);
          at = close + 2;
          Chars chars = Chars.NONE;
          for (int i = 0; i < quoted.length(); i++) {
            chars = chars.union(Chars.of(quoted.charAt(i)));
          }
          return chars;
        }
        low = classEscape();
        lowChar = singleChar(low);
      } else {
        at++;
        low = Chars.of(c);
        lowChar = c;
      }
      if (lowChar >= 0
          && s.charAt(at) == '-'
          && s.charAt(at + 1) != ']'
          && s.charAt(at + 1) != '[') {
        at++;
        int highChar;
        if (s.charAt(at) == '\\') {
          at++;
          highChar = singleChar(classEscape());
        } else {
          highChar = s.charAt(at++);
        }
        if (highChar < 0) {
          throw new IllegalArgumentException("range");
        }
        return Chars.range(lowChar, highChar);
      }
      return low;
    }

    /** The one character of a set that holds exactly one ASCII character, or -1. */
    private static int singleChar(Chars chars) {
      int found = -1;
      for (int c = 0; c < 128; c++) {
        if (chars.contains(c)) {
          if (found >= 0) {
            return -1;
          }
          found = c;
        }
      }
      return chars.other ? -1 : found;
    }

    private static Chars digits() {
      return Chars.range('0', '9');
    }

    private static Chars word() {
      return Chars.range('a', 'z')
          .union(Chars.range('A', 'Z'))
          .union(digits())
          .union(Chars.of('_'));
    }

    private static Chars space() {
      return Chars.of(' ').union(Chars.range(0x09, 0x0d));
    }

    private Chars fold(Chars chars) {
      return caseInsensitive ? chars.caseInsensitive() : chars;
    }

    /** The index after the next {@code c} from {@code at}. */
    private int after(char c) {
      int i = s.indexOf(c, at);
      if (i < 0) {
        throw new IllegalArgumentException("expected " + c);
      }
      return i + 1;
    }

    private void expect(char c) {
      if (at >= s.length() || s.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c);
      }
      at++;
    }

    private Node span(Node node, int start) {
      node.start = start;
      node.end = at;
      return node;
    }
  }
}
