package io.jcors.internal;

import io.jcors.internal.RegexTree.Alternation;
import io.jcors.internal.RegexTree.Assertion;
import io.jcors.internal.RegexTree.Group;
import io.jcors.internal.RegexTree.Node;
import io.jcors.internal.RegexTree.Repeat;
import io.jcors.internal.RegexTree.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the repetitions of a regex that can backtrack catastrophically: take exponential time on an
 * origin that almost matches, as {@code ^https://(a+)+\.example\.com$} does on {@code
 * https://aaa…a!} (S8). A backtracking engine tries every way to split the input between the
 * iterations of a repetition; when one string can be split in many ways, a failing match tries them
 * all. The heuristic, over the parsed regex ({@link RegexTree}):
 *
 * <ol>
 *   <li><b>Nested repetition.</b> A repetition that can iterate more than once ({@code +}, {@code
 *       *}, {@code {n,m}} with m &ge; 2) contains another such repetition whose body can match a
 *       non-empty string, and everything in sequence with the inner one inside the outer body can
 *       match the empty string or consumes only characters the inner body consumes: {@code (a+)+},
 *       {@code (a*)*}, {@code (\w+\d?)+}, {@code (x+x+)+}. Then two iterations of the outer
 *       repetition can be read as one, and n characters split in 2^n ways. {@code ([a-z0-9-]+\.)*}
 *       is not flagged: each iteration ends with a dot its inner repetition cannot consume, so
 *       there is one split only.
 *   <li><b>Overlapping alternatives.</b> A repetition that can iterate more than once contains an
 *       alternation two of whose alternatives can start with the same character: {@code (a|a)*},
 *       {@code (\w|\d)+}, {@code (a|ab)+}.
 *   <li><b>Repetitions in a row.</b> Three or more unbounded repetitions one after the other over
 *       overlapping characters, with nothing between them that the one in front cannot consume:
 *       {@code .*\..*\..*}, {@code [a-z.]+\.[a-z.]+\.[a-z.]+}. Not exponential, but n^3 on a
 *       300-character origin is millions of steps. Two in a row (n^2) are not flagged.
 * </ol>
 *
 * Possessive repetitions and atomic groups never give back what they matched and are skipped;
 * lookarounds are checked on their own. The heuristic errs on the side of a warning: {@code
 * (ab|ac)+} is flagged although its alternatives part after one character (write it {@code
 * (a[bc])+}). The JDK's engine remembers where some loops already failed, so {@code (a|a)*} costs
 * it little and {@code (a+)+} "only" n^2 steps; a JavaScript engine, where an Express
 * configuration's regex also runs, takes 2^n on both. The per-request budget ({@link RegexSearch})
 * bounds whatever is left.
 */
public final class Backtracking {
  private Backtracking() {}

  /** One finding: the repetition's source, why it backtracks, and a rewrite when one is known. */
  public static final class Finding {
    private final String repetition;
    private final String reason;
    private final String rewrite;

    Finding(String repetition, String reason, String rewrite) {
      this.repetition = repetition;
      this.reason = reason;
      this.rewrite = rewrite;
    }

    /** The repetition as written in the regex source, e.g. {@code (a+)+}. */
    public String repetition() {
      return repetition;
    }

    /** Why it can backtrack catastrophically, completing "the repetition (a+)+ ...". */
    public String reason() {
      return reason;
    }

    /** The whole regex source with that repetition rewritten, or null when none is known. */
    public String rewrite() {
      return rewrite;
    }
  }

  /** The repetitions of {@code regex} that can backtrack catastrophically, outermost first. */
  public static List<Finding> find(Pattern regex) {
    Node root = RegexTree.parse(regex);
    List<Finding> findings = new ArrayList<>();
    if (root != null) {
      try {
        visit(root, regex, findings);
      } catch (StackOverflowError e) {
        return List.of(); // nesting deeper than this check recurses: no finding
      }
    }
    return findings;
  }

  private static void visit(Node node, Pattern regex, List<Finding> findings) {
    if (node instanceof Sequence) {
      Finding chain = chain((Sequence) node, regex.pattern());
      if (chain != null) {
        findings.add(chain);
      }
    }
    if (node instanceof Repeat) {
      Repeat repeat = (Repeat) node;
      if (!repeat.possessive && repeat.max >= 2) {
        Finding finding = check(repeat, regex);
        if (finding != null) {
          findings.add(finding);
          return; // one finding per outermost repetition; its inner ones are part of it
        }
      }
    }
    if (node instanceof Group && ((Group) node).atomic) {
      return;
    }
    for (Node child : children(node)) {
      visit(child, regex, findings);
    }
  }

  private static Finding check(Repeat outer, Pattern regex) {
    String source = regex.pattern();
    String written = source.substring(outer.start, outer.end);
    Repeat inner = ambiguousInner(outer.body);
    if (inner != null) {
      return new Finding(
          written,
          "nests the repetition "
              + source.substring(inner.start, inner.end)
              + " over the same text, which splits between the two in exponentially many ways",
          rewrite(outer, inner, source));
    }
    Alternation alternation = overlappingAlternation(outer.body);
    if (alternation != null) {
      return new Finding(
          written,
          "repeats the alternation "
              + source.substring(alternation.start, alternation.end)
              + ", two of whose alternatives can match the same text, which splits between them"
              + " in exponentially many ways",
          null);
    }
    return null;
  }

  /**
   * Three or more repetitions in a row over overlapping characters, with nothing between two of
   * them that the one in front cannot consume too ({@code .*\..*\..*}): n characters are split
   * between them in about n^3 ways.
   */
  private static Finding chain(Sequence sequence, String source) {
    Repeat first = null;
    Repeat last = null;
    int length = 0;
    for (Node item : sequence.items) {
      Repeat repeat = unboundedRepeat(item);
      if (repeat != null && last != null && repeat.body.alphabet().overlaps(last.body.alphabet())) {
        last = repeat;
        length++;
      } else if (repeat != null) {
        if (length >= 3) {
          break;
        }
        first = repeat;
        last = repeat;
        length = 1;
      } else if (last != null
          && !item.nullable()
          && !item.alphabet().within(last.body.alphabet())) {
        if (length >= 3) {
          break;
        }
        first = null;
        last = null;
        length = 0;
      }
    }
    if (length < 3) {
      return null;
    }
    return new Finding(
        source.substring(first.start, last.end),
        "holds "
            + length
            + " repetitions in a row over the same characters, which split text between them in"
            + " about n^"
            + length
            + " ways",
        null);
  }

  /** {@code item} as a repetition that can iterate without bound, or null. */
  private static Repeat unboundedRepeat(Node item) {
    if (item instanceof Repeat) {
      Repeat repeat = (Repeat) item;
      if (!repeat.possessive
          && repeat.max == Repeat.UNBOUNDED
          && !repeat.body.alphabet().isEmpty()) {
        return repeat;
      }
    }
    return null;
  }

  /**
   * A repetition inside {@code body} that can iterate more than once over non-empty text, and
   * alongside which everything in {@code body} is empty or made of its characters; or null.
   */
  private static Repeat ambiguousInner(Node body) {
    for (Repeat inner : repetitionsOnPath(body)) {
      Chars chars = inner.body.alphabet();
      if (inner.max >= 2
          && !inner.body.alphabet().isEmpty()
          && siblingsWithin(body, inner, chars)) {
        return inner;
      }
    }
    return null;
  }

  /**
   * Whether, on the way from {@code node} down to {@code target}, every node in sequence with the
   * way down can match the empty string or consumes only {@code chars}.
   */
  private static boolean siblingsWithin(Node node, Node target, Chars chars) {
    if (node == target) {
      return true;
    }
    if (node instanceof Sequence) {
      Node way = null;
      for (Node item : ((Sequence) node).items) {
        if (contains(item, target)) {
          way = item;
        } else if (!item.nullable() && !item.alphabet().within(chars)) {
          return false;
        }
      }
      return way != null && siblingsWithin(way, target, chars);
    }
    for (Node child : children(node)) {
      if (contains(child, target)) {
        return siblingsWithin(child, target, chars);
      }
    }
    return false;
  }

  /** The repetitions reachable from {@code node} without entering an atomic group or lookaround. */
  private static List<Repeat> repetitionsOnPath(Node node) {
    List<Repeat> found = new ArrayList<>();
    collect(node, found);
    return found;
  }

  private static void collect(Node node, List<Repeat> found) {
    if (node instanceof Assertion || node instanceof Group && ((Group) node).atomic) {
      return;
    }
    if (node instanceof Repeat && !((Repeat) node).possessive) {
      found.add((Repeat) node);
    }
    for (Node child : children(node)) {
      collect(child, found);
    }
  }

  /** An alternation in {@code body} with two alternatives whose first characters overlap. */
  private static Alternation overlappingAlternation(Node body) {
    if (body instanceof Assertion || body instanceof Group && ((Group) body).atomic) {
      return null;
    }
    if (body instanceof Alternation) {
      List<Node> alternatives = ((Alternation) body).alternatives;
      for (int i = 0; i < alternatives.size(); i++) {
        for (int j = i + 1; j < alternatives.size(); j++) {
          if (alternatives.get(i).first().overlaps(alternatives.get(j).first())) {
            return (Alternation) body;
          }
        }
      }
    }
    for (Node child : children(body)) {
      Alternation found = overlappingAlternation(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * For {@code (x+)+}, {@code (x*)*} and the like, where the outer body is the inner repetition
   * alone: the regex with the two merged into one ({@code x+}), which matches the same origins.
   */
  private static String rewrite(Repeat outer, Repeat inner, String source) {
    Node body = outer.body;
    while (body instanceof Group && !((Group) body).atomic) {
      body = ((Group) body).body;
    }
    if (body != inner || inner.max != Repeat.UNBOUNDED || outer.max != Repeat.UNBOUNDED) {
      return null;
    }
    String repeated = source.substring(inner.body.start, inner.body.end);
    boolean single = inner.body instanceof RegexTree.Single || inner.body instanceof Group;
    String quantifier = outer.min == 0 || inner.min == 0 ? "*" : "+";
    String merged = (single ? repeated : "(?:" + repeated + ")") + quantifier;
    return source.substring(0, outer.start) + merged + source.substring(outer.end);
  }

  private static boolean contains(Node node, Node target) {
    return node.encloses(target);
  }

  static List<Node> children(Node node) {
    if (node instanceof Sequence) {
      return ((Sequence) node).items;
    }
    if (node instanceof Alternation) {
      return ((Alternation) node).alternatives;
    }
    if (node instanceof Group) {
      return List.of(((Group) node).body);
    }
    if (node instanceof Repeat) {
      return List.of(((Repeat) node).body);
    }
    if (node instanceof Assertion && ((Assertion) node).body != null) {
      return List.of(((Assertion) node).body);
    }
    return List.of();
  }
}
