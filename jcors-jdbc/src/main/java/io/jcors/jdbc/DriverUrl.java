package io.jcors.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC URL options that make the driver load code, run SQL or read and write files, chosen by
 * whoever writes the config: a config file must not be a way to run a class or a native library in
 * the server. The names are those of the drivers jcors ships with, pgjdbc 42.7 ({@code
 * org.postgresql.PGProperty}) and sqlite-jdbc 3.x ({@code org.sqlite.SQLiteConfig.Pragma}), and of
 * drivers an application often has on its class path: H2 2.x, MySQL Connector/J 8–9 and MariaDB
 * Connector/J 3. Other drivers' URLs are not checked.
 */
final class DriverUrl {
  private static final String CLASS = "makes the driver load and run a class named in the config";
  private static final String ARGUMENT = CLASS + " (this is its argument)";
  private static final String READS_FILES = "lets the database read the server's files";

  /** How a driver reads options from its URL. */
  private enum Syntax {
    /** {@code ?name=value&...} */
    QUERY,
    /** {@code ;NAME=value;...} after the database name (H2). */
    SEMICOLONS,
    /**
     * {@code ?name=value&...}, and {@code (name=value,...)} or {@code address=(name=value)(...)} in
     * the host part (Connector/J, MariaDB).
     */
    QUERY_AND_HOSTS
  }

  private record Driver(String prefix, Syntax syntax, Map<String, String> refused, String hint) {}

  private static final List<Driver> DRIVERS =
      List.of(
          new Driver(
              "jdbc:postgresql:",
              Syntax.QUERY,
              Map.ofEntries(
                  Map.entry("authenticationpluginclassname", CLASS),
                  Map.entry("connectexecutor", CLASS),
                  Map.entry("connectexecutorarg", ARGUMENT),
                  Map.entry("socketfactory", CLASS),
                  Map.entry("socketfactoryarg", ARGUMENT),
                  Map.entry("sslfactory", CLASS),
                  Map.entry("sslfactoryarg", ARGUMENT),
                  Map.entry("sslhostnameverifier", CLASS),
                  Map.entry("sslpasswordcallback", CLASS),
                  Map.entry("xmlfactoryfactory", CLASS),
                  Map.entry("loggerfile", "makes the driver write a file named in the config")),
              " (TLS is set with sslmode and sslrootcert, which load no code)"),
          new Driver(
              "jdbc:sqlite:",
              Syntax.QUERY,
              Map.of(
                  "enable_load_extension",
                  "lets SQL load a native library into the server (SELECT load_extension(...))"),
              ""),
          new Driver(
              "jdbc:h2:",
              Syntax.SEMICOLONS,
              Map.of(
                  "init",
                  "makes the driver run SQL named in the config (RUNSCRIPT, CREATE ALIAS of Java"
                      + " code)"),
              ""),
          new Driver("jdbc:mysql", Syntax.QUERY_AND_HOSTS, mysqlFamily(), ""),
          new Driver("jdbc:mariadb:", Syntax.QUERY_AND_HOSTS, mysqlFamily(), ""));

  private DriverUrl() {}

  /** Connector/J's and MariaDB's options that load classes, deserialize or read local files. */
  private static Map<String, String> mysqlFamily() {
    return Map.ofEntries(
        Map.entry(
            "autodeserialize", "makes the driver deserialize Java objects sent by the database"),
        Map.entry("queryinterceptors", CLASS),
        Map.entry("statementinterceptors", CLASS),
        Map.entry("exceptioninterceptors", CLASS),
        Map.entry("connectionlifecycleinterceptors", CLASS),
        Map.entry("socketfactory", CLASS),
        Map.entry("tlssockettype", CLASS),
        Map.entry("propertiestransform", CLASS),
        Map.entry("loadbalanceexceptionchecker", CLASS),
        Map.entry("ha.loadbalancestrategy", CLASS),
        Map.entry("clientinfoprovider", CLASS),
        Map.entry("authenticationplugins", CLASS),
        Map.entry("defaultauthenticationplugin", CLASS),
        Map.entry("logger", CLASS),
        Map.entry("profilereventhandler", CLASS),
        Map.entry("allowloadlocalinfile", READS_FILES),
        Map.entry("allowloadlocalinfileinpath", READS_FILES),
        Map.entry("allowurlinlocalinfile", READS_FILES));
  }

  /** Every refused option of {@code url}, each as "has the url option ...; fix". */
  static List<String> problems(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    for (Driver driver : DRIVERS) {
      if (!lower.startsWith(driver.prefix)) {
        continue;
      }
      for (String pair : options(url, driver.syntax)) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals)).strip();
        String why = driver.refused.get(name.toLowerCase(Locale.ROOT));
        if (why != null) {
          problems.add(
              "has the url option \""
                  + name
                  + "\", which "
                  + why
                  + "; remove it from the url"
                  + driver.hint);
        }
      }
    }
    return problems;
  }

  /** The {@code name=value} pieces of {@code url} where a driver with {@code syntax} reads them. */
  private static List<String> options(String url, Syntax syntax) {
    List<String> options = new ArrayList<>();
    int query = url.indexOf('?');
    switch (syntax) {
      case SEMICOLONS -> {
        int first = url.indexOf(';');
        if (first >= 0) {
          options.addAll(List.of(url.substring(first + 1).split(";")));
        }
      }
      case QUERY, QUERY_AND_HOSTS -> {
        if (syntax == Syntax.QUERY_AND_HOSTS) {
          String hosts = query < 0 ? url : url.substring(0, query);
          for (int open = hosts.indexOf('('); open >= 0; open = hosts.indexOf('(', open + 1)) {
            int close = hosts.indexOf(')', open);
            String group = hosts.substring(open + 1, close < 0 ? hosts.length() : close);
            options.addAll(List.of(group.split(",")));
          }
        }
        if (query >= 0) {
          options.addAll(List.of(url.substring(query + 1).split("&")));
        }
      }
    }
    return options;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
