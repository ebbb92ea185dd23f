package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds {@link CorsProblem}s and renders offending values as a config file would write them. */
final class Problems {
  private Problems() {}

  static CorsProblem error(CorsRule rule, String option, String value, String reason, String fix) {
    return new CorsProblem(rule, CorsProblem.Severity.ERROR, option, value, reason, fix);
  }

  static CorsProblem warning(
      CorsRule rule, String option, String value, String reason, String fix) {
    return new CorsProblem(rule, CorsProblem.Severity.WARNING, option, value, reason, fix);
  }

  static List<CorsProblem> errors(List<CorsProblem> problems) {
    List<CorsProblem> errors = new ArrayList<>();
    for (CorsProblem problem : problems) {
      if (problem.severity() == CorsProblem.Severity.ERROR) {
        errors.add(problem);
      }
    }
    return errors;
  }

  /** A value in JSON notation; regexes as JavaScript literals. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return quote((String) value);
    }
    if (value instanceof Pattern) {
      return escape(io.jcors.internal.JsRegex.literal((Pattern) value));
    }
    if (value instanceof List) {
      StringBuilder s = new StringBuilder("[");
      for (Object element : (List<?>) value) {
        if (s.length() > 1) {
          s.append(", ");
        }
        s.append(render(element));
      }
      return s.append(']').toString();
    }
    if (value instanceof Map) {
      StringBuilder s = new StringBuilder("{");
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (s.length() > 1) {
          s.append(", ");
        }
        s.append(quote(String.valueOf(e.getKey()))).append(": ").append(render(e.getValue()));
      }
      return s.append('}').toString();
    }
    return String.valueOf(value);
  }

  /** {@code s} in double quotes, with quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    return escape(s, true);
  }

  /**
   * {@code s} with its control characters escaped (a line feed becomes the six characters of the
   * JSON escape for U+000A), so that text taken from a config file, a database row or a request can
   * never start a new line in a log or a terminal. Escaped text is returned unchanged.
   */
  static String escape(String s) {
    return s == null ? null : escape(s, false);
  }

  /**
   * The one escaping function of jcors: C0 controls, DEL, C1 controls (U+0085 is a line break in
   * some viewers) and the Unicode line and paragraph separators.
   */
  private static String escape(String s, boolean quoted) {
    StringBuilder out = new StringBuilder(s.length() + (quoted ? 2 : 0));
    if (quoted) {
      out.append('"');
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted && (c == '"' || c == '\\')) {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return quoted ? out.append('"').toString() : out.toString();
  }
}
