package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds {@link CorsProblem}s and renders offending values as a config file would write them. */
final class Problems {
  private Problems() {}

  static CorsProblem error(String option, String value, String reason, String fix) {
    return new CorsProblem(CorsProblem.Severity.ERROR, option, value, reason, fix);
  }

  static CorsProblem warning(String option, String value, String reason, String fix) {
    return new CorsProblem(CorsProblem.Severity.WARNING, option, value, reason, fix);
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
      return io.jcors.internal.JsRegex.literal((Pattern) value);
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

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
