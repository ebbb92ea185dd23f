package io.jcors.servlet;

import io.jcors.ConfigFileReader;
import io.jcors.CorsConfig;
import io.jcors.CorsConfigException;
import io.jcors.CorsPolicy;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Turns a filter's init-params into a policy: either the Express option names as init-params
 * (values written as in a config file: comma lists, {@code true}, {@code "/regex/flags"}), or
 * {@code config} naming a config file that a {@link ConfigFileReader} on the class path reads.
 */
final class InitParams {
  static final String CONFIG = "config";
  private static final Set<String> BOOLEANS =
      Set.of("credentials", "preflightContinue", "strict", "debug");

  private InitParams() {}

  static CorsPolicy policy(FilterConfig config) throws ServletException {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      params.put(name, config.getInitParameter(name).trim());
    }
    String where = "filter " + config.getFilterName();
    Map<String, ?> tree;
    if (params.containsKey(CONFIG)) {
      if (params.size() > 1) {
        params.remove(CONFIG);
        throw new ServletException(
            where
                + ": init-param config names a file, and the options "
                + params.keySet()
                + " are init-params too; keep one of the two");
      }
      Path file = file(params.get(CONFIG), config);
      tree = readFile(file, where);
      where += " (" + file + ")";
    } else {
      tree = tree(params);
    }
    try {
      return CorsConfig.read(tree).policy();
    } catch (CorsConfigException e) {
      // The message lists every problem; the cause keeps them as values (problems()).
      throw new ServletException(where + ": " + e.getMessage(), e);
    }
  }

  /** The option tree of init-params, each value in the shape a config file would give it. */
  static Map<String, Object> tree(Map<String, String> params) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : params.entrySet()) {
      String name = param.getKey();
      String value = param.getValue();
      if (name.equals("origin")) {
        tree.put(name, origin(value));
      } else if (BOOLEANS.contains(name) && (value.equals("true") || value.equals("false"))) {
        tree.put(name, Boolean.valueOf(value));
      } else {
        tree.put(name, value); // lists stay "GET,POST" (Express takes them so); numbers parse later
      }
    }
    return tree;
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

  /** The file as given, or inside the web application ({@code /WEB-INF/cors.json}). */
  private static Path file(String name, FilterConfig config) {
    Path path = Path.of(name);
    if (!Files.exists(path) && config.getServletContext() != null) {
      String real = config.getServletContext().getRealPath(name);
      if (real != null && Files.exists(Path.of(real))) {
        return Path.of(real);
      }
    }
    return path;
  }

  private static Map<String, ?> readFile(Path file, String where) throws ServletException {
    List<ConfigFileReader> readers = new ArrayList<>();
    ServiceLoader.load(ConfigFileReader.class, InitParams.class.getClassLoader())
        .forEach(readers::add);
    for (ConfigFileReader reader : readers) {
      if (reader.reads(file)) {
        if (!Files.isRegularFile(file)) {
          throw new ServletException(
              where + ": init-param config names " + file + ", which is not a file");
        }
        try {
          return reader.read(file);
        } catch (IOException | IllegalArgumentException e) {
          throw new ServletException(where + ": cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    throw new ServletException(
        where
            + ": no config file reader for "
            + file.getFileName()
            + (readers.isEmpty() ? " is on the class path" : " among " + readers.size() + " found")
            + ". Add io.jcors:jcors-cli (it reads JSON and YAML), or write the options as"
            + " init-params (origin, methods, allowedHeaders, exposedHeaders, credentials, maxAge,"
            + " preflightContinue, optionsSuccessStatus, strict, debug)");
  }
}
