package io.jcors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions written as JavaScript literals, {@code /source/flags}, as a config file
 * spells the RegExp origins of the Express package. Matching keeps {@code RegExp.test} semantics:
 * an unanchored search ({@link java.util.regex.Matcher#find()}).
 */
public final class JsRegex {
  private JsRegex() {}

  /** Whether {@code s} is written as a regex literal ({@code /.../flags}). */
  public static boolean isLiteral(String s) {
    return s.length() >= 2 && s.charAt(0) == '/' && s.lastIndexOf('/') > 0;
  }

  /**
   * Compiles a {@code /source/flags} literal.
   *
   * @throws IllegalArgumentException with a reason that completes the sentence {@code "<s>" ...}
   */
  public static Pattern compile(String literal) {
    int close = literal.lastIndexOf('/');
    String source = literal.substring(1, close);
    String flags = literal.substring(close + 1);
    if (source.isEmpty()) {
      throw new IllegalArgumentException("is an empty regular expression");
    }
    int javaFlags = 0;
    for (int i = 0; i < flags.length(); i++) {
      char f = flags.charAt(i);
      switch (f) {
        case 'i':
          javaFlags |= Pattern.CASE_INSENSITIVE;
          break;
        case 'm':
          javaFlags |= Pattern.MULTILINE;
          break;
        case 's':
          javaFlags |= Pattern.DOTALL;
          break;
        case 'u':
          javaFlags |= Pattern.UNICODE_CASE;
          break;
        case 'g':
        case 'y':
          throw new IllegalArgumentException(
              "has the flag '"
                  + f
                  + "', which makes RegExp.test stateful (it resumes at lastIndex); remove it");
        default:
          throw new IllegalArgumentException(
              "has the unsupported flag '" + f + "'; the supported flags are i, m, s and u");
      }
    }
    try {
      return Pattern.compile(source, javaFlags);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  /** Writes {@code pattern} back as a {@code /source/flags} literal, for messages. */
  public static String literal(Pattern pattern) {
    StringBuilder flags = new StringBuilder();
    int f = pattern.flags();
    if ((f & Pattern.CASE_INSENSITIVE) != 0) flags.append('i');
    if ((f & Pattern.MULTILINE) != 0) flags.append('m');
    if ((f & Pattern.DOTALL) != 0) flags.append('s');
    if ((f & Pattern.UNICODE_CASE) != 0) flags.append('u');
    return "/" + pattern.pattern() + "/" + flags;
  }

  /**
   * Whether every top-level alternative of the source is anchored at both ends: {@code ^a$} and
   * {@code ^a$|^b$} are, {@code ^a|b$} is not (it is {@code ^a} or {@code b$}), and neither is a
   * source ending in an escaped {@code \$}.
   */
  public static boolean isAnchored(Pattern pattern) {
    for (String alternative : topLevelAlternatives(pattern.pattern())) {
      if (!isAnchored(alternative, 0, alternative.length())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s[start, end)} starts with {@code ^} and ends with an unescaped {@code $}. */
  private static boolean isAnchored(String s, int start, int end) {
    if (end - start < 2 || s.charAt(start) != '^' || s.charAt(end - 1) != '$') {
      return false;
    }
    int backslashes = 0;
    for (int i = end - 2; i > start && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  /**
   * {@code pattern} anchored at both ends, for the fix of an unanchored regex (S7), or {@code null}
   * when no anchored form can be built from it that still reads as an origin regex: {@code
   * /example\.com$/} becomes {@code /^https:\/\/example\.com$/} (a host alone never matches an
   * origin, which starts with its scheme), {@code /^https:\/\/a\.example|https:\/\/b\.example/}
   * becomes {@code /^(?:https:\/\/a\.example|https:\/\/b\.example)$/}; {@code /.*}{@code /} gives
   * {@code null} (anchoring it still matches everything).
   */
  public static Pattern anchored(Pattern pattern) {
    String s = pattern.pattern();
    if (s.contains(".*") || s.contains(".+")) {
      return null;
    }
    List<String> alternatives = topLevelAlternatives(s);
    StringBuilder out = new StringBuilder("^");
    if (alternatives.size() > 1) {
      for (String alternative : alternatives) {
        if (!stripAnchors(alternative).startsWith("http")) {
          return null;
        }
      }
      out.append("(?:").append(s).append(')');
    } else {
      String body = stripAnchors(s);
      if (!body.startsWith("http")) {
        out.append("https:\\/\\/");
      }
      out.append(body);
    }
    try {
      return Pattern.compile(out.append('$').toString(), pattern.flags());
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** {@code s} without a leading {@code ^} and a trailing unescaped {@code $}. */
  private static String stripAnchors(String s) {
    int start = s.startsWith("^") ? 1 : 0;
    int end = s.length();
    if (end > start && s.charAt(end - 1) == '$') {
      int backslashes = 0;
      for (int i = end - 2; i >= start && s.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        end--;
      }
    }
    return s.substring(start, end);
  }

  /**
   * The top-level alternatives of the source {@code s}: {@code a|(b|c)} gives {@code a}, {@code
   * (b|c)}.
   */
  private static List<String> topLevelAlternatives(String s) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        alternatives.add(s.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(s.substring(start));
    return alternatives;
  }

  /**
   * Whether the source has a {@code .} outside a character class that is not escaped: in an origin
   * regex it almost always meant a literal dot, and lets {@code apiXexample.com} match.
   */
  public static boolean hasUnescapedDot(Pattern pattern) {
    String s = pattern.pattern();
    boolean inClass = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '.' && !inClass) {
        return true;
      }
    }
    return false;
  }
}
