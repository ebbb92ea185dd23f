package io.jcors.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC URL options that make the driver load code, or write files, chosen by whoever writes the
 * config: a config file must not be a way to run a class or a native library in the server. The
 * names are those of the drivers jcors ships with: pgjdbc 42.7 ({@code org.postgresql.PGProperty})
 * and sqlite-jdbc 3.x ({@code org.sqlite.SQLiteConfig.Pragma}); both read URL options as {@code
 * ?name=value&...}. Other drivers' URLs are not checked.
 */
final class DriverUrl {
  private static final String CLASS = "makes the driver load and run a class named in the config";

  /** pgjdbc: the options whose value is a class name (or its argument), and the log file. */
  private static final Map<String, String> POSTGRESQL =
      Map.ofEntries(
          Map.entry("authenticationpluginclassname", CLASS),
          Map.entry("connectexecutor", CLASS),
          Map.entry("connectexecutorarg", CLASS + " (this is its argument)"),
          Map.entry("socketfactory", CLASS),
          Map.entry("socketfactoryarg", CLASS + " (this is its argument)"),
          Map.entry("sslfactory", CLASS),
          Map.entry("sslfactoryarg", CLASS + " (this is its argument)"),
          Map.entry("sslhostnameverifier", CLASS),
          Map.entry("sslpasswordcallback", CLASS),
          Map.entry("xmlfactoryfactory", CLASS),
          Map.entry("loggerfile", "makes the driver write a file named in the config"));

  /** sqlite-jdbc: the pragma that lets SQL load a native library into the server. */
  private static final Map<String, String> SQLITE =
      Map.of(
          "enable_load_extension",
          "lets SQL load a native library into the server (SELECT load_extension(...))");

  private DriverUrl() {}

  /** Every refused option of {@code url}, each as "has the url option ...; fix". */
  static List<String> problems(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    Map<String, String> refused =
        lower.startsWith("jdbc:postgresql:")
            ? POSTGRESQL
            : lower.startsWith("jdbc:sqlite:") ? SQLITE : Map.of();
    List<String> problems = new ArrayList<>();
    int query = url.indexOf('?');
    if (refused.isEmpty() || query < 0) {
      return problems;
    }
    for (String pair : url.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String why = refused.get(name.strip().toLowerCase(Locale.ROOT));
      if (why != null) {
        problems.add(
            "has the url option \""
                + name
                + "\", which "
                + why
                + "; remove it from the url"
                + (lower.startsWith("jdbc:postgresql:")
                    ? " (TLS is set with sslmode and sslrootcert, which load no code)"
                    : ""));
      }
    }
    return problems;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
