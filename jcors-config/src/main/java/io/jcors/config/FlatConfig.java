package io.jcors.config;

import io.jcors.CorsConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A flat key/value configuration (servlet init-params, a {@code .properties} file, system
 * properties) read into the tree that {@link io.jcors.CorsConfig#read(Map)} takes. Keys are option
 * paths, names joined by dots with list indexes in brackets:
 *
 * <pre>
 * origin=https://a.example,https://*.b.example,/\.c\.example$/
 * methods=GET,POST
 * routes[0].path=/api/**
 * routes[0].cors.credentials=true
 * routes[1].path=/public/**
 * routes[1].cors={}
 * </pre>
 *
 * <p>Values are text, shaped as a config file would give them: {@code origin} is {@code true},
 * {@code false}, one origin or regex, or a comma list of them (a regex literal {@code /…/flags} may
 * hold commas); {@code credentials}, {@code preflightContinue}, {@code strict} and {@code debug}
 * are booleans when written {@code true} or {@code false}; other lists stay comma lists, as Express
 * takes them ({@code "GET,POST"}); {@code {}} is an empty object (the Express defaults of a route).
 * In the settings of an origin source ({@code origin.jdbc.refreshSeconds=30}), a decimal number is
 * a number and {@code true} and {@code false} are booleans; a value in double quotes stays text
 * ({@code origin.jdbc.password="12345"}).
 *
 * <p>Keys that cannot be read (a bad index, a gap in a list, a name that is both a value and an
 * object) are problems of their key; the core checks the rest.
 */
final class FlatConfig {
  /** The highest list index plus one: a flat config lists a few routes, not millions. */
  static final int MAX_ENTRIES = 1000;

  /** The options that take {@code true} or {@code false}, as the core's reader lists them. */
  private static final Set<String> BOOLEANS =
      Arrays.stream(CorsConfig.Option.values())
          .filter(CorsConfig.Option::isBoolean)
          .map(CorsConfig.Option::key)
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** A key that cannot be read, with why and the fix. */
  record KeyProblem(String key, String reason, String fix) {}

  private final Map<String, Object> tree;
  private final Map<String, String> keyOfPath;
  private final List<KeyProblem> problems;

  private FlatConfig(
      Map<String, Object> tree, Map<String, String> keyOfPath, List<KeyProblem> problems) {
    this.tree = tree;
    this.keyOfPath = keyOfPath;
    this.problems = List.copyOf(problems);
  }

  /** The tree of {@code entries}, in their order; values are trimmed. */
  static FlatConfig read(Map<String, String> entries) {
    Builder builder = new Builder();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      String value = entry.getValue() == null ? "" : entry.getValue().trim();
      builder.put(entry.getKey().trim(), value);
    }
    builder.checkLists(builder.root, "");
    return new FlatConfig(builder.root, builder.keyOfPath, builder.problems);
  }

  /** The configuration tree. */
  Map<String, Object> tree() {
    return tree;
  }

  /** Keys that could not be read. */
  List<KeyProblem> problems() {
    return problems;
  }

  /**
   * The key a problem at {@code path} is written under: the key of the path or of its closest
   * parent ({@code origin} for {@code origin[1]}); else the first key under it ({@code
   * routes[0].path} for {@code routes[0]}); null when no key is about it.
   */
  String keyOf(String path) {
    for (String p = path; !p.isEmpty(); p = ConfigFile.parent(p)) {
      String key = keyOfPath.get(p);
      if (key != null) {
        return key;
      }
    }
    String first = null;
    for (Map.Entry<String, String> e : keyOfPath.entrySet()) {
      String p = e.getKey();
      if ((path.isEmpty() || p.startsWith(path + ".") || p.startsWith(path + "["))
          && (first == null || e.getValue().compareTo(first) < 0)) {
        first = e.getValue();
      }
    }
    return first;
  }

  /**
   * {@code true}, {@code false}, one origin or regex, or a comma list of them. A regex ends at a
   * {@code /} (plus flags) followed by a comma or the end, so it may contain commas itself.
   */
  static Object origin(String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    List<String> entries = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && (value.charAt(i) == ',' || Character.isWhitespace(value.charAt(i)))) {
        i++;
      }
      if (i == n) {
        break;
      }
      int end = value.charAt(i) == '/' ? regexEnd(value, i) : value.indexOf(',', i);
      end = end < 0 ? n : end;
      entries.add(value.substring(i, end).trim());
      i = end;
    }
    return entries.size() == 1 && value.indexOf(',') < 0 ? entries.get(0) : entries;
  }

  /** The index of the comma after the regex literal starting at {@code start}, or -1. */
  private static int regexEnd(String value, int start) {
    for (int i = start + 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '/') {
        int j = i + 1;
        while (j < value.length() && Character.isLetter(value.charAt(j))) {
          j++;
        }
        while (j < value.length() && Character.isWhitespace(value.charAt(j))) {
          j++;
        }
        if (j == value.length() || value.charAt(j) == ',') {
          return j == value.length() ? -1 : j;
        }
      }
    }
    return -1;
  }

  /** One step of a key: a name, or a list index. */
  private record Step(String name, int index) {
    boolean isIndex() {
      return name == null;
    }
  }

  /** Builds the tree key by key. */
  private static final class Builder {
    final Map<String, Object> root = new LinkedHashMap<>();
    final Map<String, String> keyOfPath = new LinkedHashMap<>();
    final List<KeyProblem> problems = new ArrayList<>();

    /** The key that made each list or object, for problems about its shape. */
    private final Map<Object, String> madeBy = new IdentityHashMap<>();

    void put(String key, String value) {
      List<Step> steps = steps(key);
      if (steps == null) {
        return;
      }
      Object node = root;
      String path = "";
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String parentPath = path;
        path =
            step.isIndex()
                ? path + "[" + step.index() + "]"
                : (path.isEmpty() ? "" : path + ".") + step.name();
        boolean last = i == steps.size() - 1;
        node = child(node, steps, i, parentPath, path, key, last ? leaf(steps, value) : null);
        if (node == null) {
          return; // a problem was recorded
        }
      }
      keyOfPath.put(path, key);
    }

    /**
     * The child of {@code node} at {@code step}, made when missing: the leaf for the last step, a
     * list when the next step is an index, else an object. Null after recording a problem.
     */
    @SuppressWarnings("unchecked")
    private Object child(
        Object node,
        List<Step> steps,
        int i,
        String parentPath,
        String here,
        String key,
        Object leaf) {
      Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step.isIndex() != (node instanceof List)) {
        String other = madeBy.get(node);
        problem(
            key,
            (parentPath.isEmpty() ? "the configuration" : parentPath)
                + (step.isIndex() ? " is an object" : " is a list")
                + (other == null ? "" : " (" + other + ")")
                + ", and this key uses it as "
                + (step.isIndex() ? "a list" : "an object"),
            "write every key under " + parentPath + " in one shape");
        return null;
      }
      Object existing;
      if (step.isIndex()) {
        List<Object> list = (List<Object>) node;
        while (list.size() <= step.index()) {
          list.add(null); // gaps are reported once the whole map is read
        }
        existing = list.get(step.index());
      } else {
        existing = ((Map<String, Object>) node).get(step.name());
      }
      Object made;
      if (last) {
        if (existing != null) {
          String other =
              existing instanceof Map || existing instanceof List
                  ? madeBy.get(existing)
                  : keyOfPath.get(here);
          problem(
              key,
              here + " is already given" + (other == null ? "" : " by " + other),
              "keep one of the two keys");
          return null;
        }
        made = leaf;
      } else if (existing == null) {
        made = steps.get(i + 1).isIndex() ? new ArrayList<>() : new LinkedHashMap<>();
        madeBy.put(made, key);
      } else if (existing instanceof Map || existing instanceof List) {
        if (existing instanceof Map
            && ((Map<?, ?>) existing).isEmpty()
            && !madeBy.containsKey(existing)) {
          problem(key, here + " is given as {} and has keys under it", "keep one of the two");
          return null;
        }
        return existing;
      } else {
        problem(
            key,
            here + " is a value (" + keyOfPath.get(here) + ") and has keys under it",
            "keep the value or the keys under it, not both");
        return null;
      }
      if (step.isIndex()) {
        ((List<Object>) node).set(step.index(), made);
      } else {
        ((Map<String, Object>) node).put(step.name(), made);
      }
      return made;
    }

    /** The steps of {@code key}, or null after recording a problem. */
    private List<Step> steps(String key) {
      List<Step> steps = new ArrayList<>();
      int i = 0;
      while (i < key.length()) {
        if (key.charAt(i) == '[') {
          int end = key.indexOf(']', i);
          String digits = end < 0 ? "" : key.substring(i + 1, end);
          if (steps.isEmpty() || !digits.matches("[0-9]{1,9}")) {
            return unreadable(key);
          }
          int index = Integer.parseInt(digits);
          if (index >= MAX_ENTRIES) {
            problem(
                key,
                "has the index "
                    + index
                    + "; a list in a flat configuration has at most "
                    + MAX_ENTRIES
                    + " entries",
                "number the entries from 0");
            return null;
          }
          steps.add(new Step(null, index));
          i = end + 1;
        } else {
          if (key.charAt(i) == '.') {
            if (steps.isEmpty()) {
              return unreadable(key);
            }
            i++;
          } else if (!steps.isEmpty()) {
            return unreadable(key); // routes[0]cors
          }
          int end = i;
          while (end < key.length() && key.charAt(end) != '.' && key.charAt(end) != '[') {
            end++;
          }
          String name = key.substring(i, end);
          if (!NAME.matcher(name).matches()) {
            return unreadable(key);
          }
          steps.add(new Step(name, -1));
          i = end;
        }
      }
      return steps.isEmpty() ? unreadable(key) : steps;
    }

    private List<Step> unreadable(String key) {
      problem(
          key,
          "is not an option path",
          "write option names joined by dots, with list indexes in brackets, as in"
              + " routes[0].cors.origin");
      return null;
    }

    /** The value of the last step, shaped as a config file would give it. */
    private static Object leaf(List<Step> steps, String value) {
      if (value.equals("{}")) {
        return new LinkedHashMap<String, Object>();
      }
      Step last = steps.get(steps.size() - 1);
      if (inOriginSource(steps)) {
        return setting(value);
      }
      if (last.isIndex()) {
        return value;
      }
      if (last.name().equals("origin")) {
        return origin(value);
      }
      if (BOOLEANS.contains(last.name()) && (value.equals("true") || value.equals("false"))) {
        return Boolean.valueOf(value);
      }
      return value; // lists stay "GET,POST" (Express takes them so); numbers parse later
    }

    /** Whether the key is a setting of an origin source: {@code [...].origin.<key>.<setting>}. */
    private static boolean inOriginSource(List<Step> steps) {
      for (int i = 0; i + 2 < steps.size(); i++) {
        if ("origin".equals(steps.get(i).name()) && !steps.get(i + 1).isIndex()) {
          return true;
        }
      }
      return false;
    }

    /** A setting of an origin source: a number, a boolean, or text ({@code "..."} stays text). */
    private static Object setting(String value) {
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        return value.substring(1, value.length() - 1);
      }
      if (value.equals("true") || value.equals("false")) {
        return Boolean.valueOf(value);
      }
      if (NUMBER.matcher(value).matches()) {
        return new BigDecimal(value);
      }
      return value;
    }

    /** Reports the entries of every list that no key gave ({@code routes[1]} of 0 and 2). */
    @SuppressWarnings("unchecked")
    void checkLists(Object node, String path) {
      if (node instanceof Map) {
        for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
          checkLists(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
        }
      } else if (node instanceof List) {
        List<Object> list = (List<Object>) node;
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) == null) {
            problem(
                madeBy.get(list),
                path + "[" + i + "] is missing, and a later entry is given",
                "number the entries from 0 without gaps");
          } else {
            checkLists(list.get(i), path + "[" + i + "]");
          }
        }
        list.removeIf(entry -> entry == null);
      }
    }

    private void problem(String key, String reason, String fix) {
      problems.add(new KeyProblem(key, reason, fix));
    }
  }
}
