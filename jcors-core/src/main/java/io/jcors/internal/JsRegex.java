package io.jcors.internal;

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
    String s = pattern.pattern();
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
        if (!isAnchored(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return isAnchored(s, start, s.length());
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
