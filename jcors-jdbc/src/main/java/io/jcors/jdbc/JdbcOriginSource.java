package io.jcors.jdbc;

import io.jcors.CorsProblem;
import io.jcors.OriginResolver;
import io.jcors.OriginSourceProvider;
import io.jcors.internal.Suggestions;
import java.math.BigDecimal;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@code jdbc} origin source of config files: {@code "origin": {"jdbc": {"url": ..., "query":
 * ...}}} becomes a started {@link JdbcOrigins}.
 *
 * <pre>{@code
 * try (JdbcOriginSource jdbc = new JdbcOriginSource()) {
 *   Map<String, Object> tree =
 *       Map.of(
 *           "origin",
 *           Map.of(
 *               "jdbc",
 *               Map.of(
 *                   "url",
 *                   "jdbc:sqlite:" + databaseFile,
 *                   "query",
 *                   "SELECT origin FROM cors_origins",
 *                   "refreshSeconds",
 *                   30)));
 *   CorsConfig config = CorsConfig.read(tree, Map.of("jdbc", jdbc));
 *   CorsPolicy policy = config.policy();
 *   serve(policy); // until the server stops; closing the source stops its refresh threads
 * }
 * }</pre>
 *
 * <p>Settings: {@code url} (required, a JDBC URL whose driver is on the class path, without options
 * that load code), {@code user}, {@code password}, {@code query} (required; one {@code SELECT}
 * whose first column lists the entries), {@code refreshSeconds} (at least 1, default 30), {@code
 * queryTimeoutSeconds} (at least 1, default 10), {@code maxRows} (default 100000), {@code maxBytes}
 * (default 16777216), {@code fetchSize} (rows per round trip, default 10000), {@code listen} (a
 * PostgreSQL channel whose notifications refresh the list at once) and {@code staleAfterRefreshes}
 * (default 3). Wrong settings are reported as a problem of the config at {@code origin.jdbc}, each
 * with its fix. The rows are checked with the {@code credentials} and {@code strict} of the route
 * that names the source. Config readers find it by its key through {@link
 * JdbcOriginSourceProvider}.
 */
public final class JdbcOriginSource implements OriginSourceProvider.Source {
  /** The settings of {@code {"jdbc": {...}}}. */
  static final Set<String> SETTINGS =
      Set.of(
          "url",
          "user",
          "password",
          "query",
          "refreshSeconds",
          "queryTimeoutSeconds",
          "maxRows",
          "maxBytes",
          "fetchSize",
          "listen",
          "versionQuery",
          "fullReloadEvery",
          "staleAfterRefreshes");

  private final List<JdbcOrigins> started = Collections.synchronizedList(new ArrayList<>());

  /** The application's data source, read when the settings name no {@code url}; or null. */
  private final DataSource dataSource;

  /** A source whose lists are closed with it; each names its database with {@code url}. */
  public JdbcOriginSource() {
    this.dataSource = null;
  }

  /**
   * A source whose lists read from {@code dataSource} (an application's connection pool: each load
   * borrows one connection) when their settings name no {@code url}, and from that {@code url} when
   * they do; {@code user} and {@code password} then go with the {@code url} only.
   *
   * <pre>{@code
   * try (JdbcOriginSource jdbc = new JdbcOriginSource(dataSource)) {
   *   Map<String, Object> tree =
   *       Map.of("origin", Map.of("jdbc", Map.of("query", "SELECT origin FROM cors_origins")));
   *   CorsPolicy policy = CorsConfig.read(tree, Map.of("jdbc", jdbc)).policy();
   *   serve(policy); // until the server stops; closing the source stops its refresh threads
   * }
   * }</pre>
   */
  public JdbcOriginSource(DataSource dataSource) {
    this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Checks {@code settings} and starts a {@link JdbcOrigins} over them (its first load included).
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   */
  @Override
  public OriginResolver create(Map<String, ?> settings) {
    return create(settings, false, false);
  }

  /**
   * Checks {@code settings} and starts a {@link JdbcOrigins} over them (its first load included),
   * whose rows are checked as for a route with these {@code credentials} and {@code strict}.
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   */
  @Override
  public OriginResolver create(Map<String, ?> settings, boolean credentials, boolean strict) {
    JdbcOrigins origins =
        builder(check(settings, dataSource != null), dataSource)
            .credentials(credentials)
            .strict(strict)
            .start();
    started.add(origins);
    return origins;
  }

  /**
   * Checks {@code settings}, then reads the rows once as a refresh reads them (within its timeout
   * and bounds), on the calling thread: for tools that report what a database holds without serving
   * it.
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   * @throws Exception why the rows could not be read (an {@link SQLException}, a {@link
   *     java.util.concurrent.TimeoutException}, a bound passed)
   */
  public static List<String> readOnce(Map<String, ?> settings) throws Exception {
    return builder(check(settings, false), null).readOnce();
  }

  private static JdbcOrigins.Builder builder(Settings s, DataSource dataSource) {
    JdbcOrigins.Builder builder =
        (s.url == null
                ? JdbcOrigins.builder(dataSource)
                : JdbcOrigins.builder(s.url, s.user, s.password))
            .query(s.query)
            .refreshInterval(s.refreshInterval)
            .queryTimeout(s.queryTimeout)
            .maxRows(s.maxRows)
            .maxBytes(s.maxBytes)
            .fetchSize(s.fetchSize)
            .staleAfterRefreshes(s.staleAfterRefreshes);
    if (s.versionQuery != null) {
      builder.versionQuery(s.versionQuery).fullReloadEvery(s.fullReloadEvery);
    }
    return s.listen == null ? builder : builder.listen(s.listen);
  }

  /**
   * Checks {@code settings} without connecting, for tools that read a config file without serving
   * it.
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   */
  public static void validate(Map<String, ?> settings) {
    check(settings, false);
  }

  /** Every list this source started, in order. */
  public List<JdbcOrigins> started() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  /** Stops the refresh thread of every list this source started. */
  @Override
  public void close() {
    for (JdbcOrigins origins : started()) {
      origins.close();
    }
  }

  /**
   * @param dataSource whether a data source is there to read when the settings name no url
   */
  private static Settings check(Map<String, ?> settings, boolean dataSource) {
    List<String> problems = new ArrayList<>();
    for (Object key : settings.keySet()) {
      String name = String.valueOf(key);
      if (!SETTINGS.contains(name)) {
        String nearest = nearest(name);
        problems.add(
            "has the unknown setting \""
                + name
                + "\"; "
                + (nearest != null
                    ? "did you mean \"" + nearest + "\"?"
                    : "the settings are " + String.join(", ", new TreeSet<>(SETTINGS))));
      }
    }
    String url = text(settings, "url", problems);
    if (url == null && !settings.containsKey("url") && !dataSource) {
      problems.add(
          "has no \"url\"; write the JDBC URL of the database, e.g. \"jdbc:sqlite:cors.db\" or"
              + " \"jdbc:postgresql://db.internal:5432/app\"");
    } else if (url != null && !url.startsWith("jdbc:")) {
      problems.add(
          "has the url \"" + url + "\", which is not a JDBC URL; write \"jdbc:<driver>:...\"");
    } else if (url != null) {
      problems.addAll(DriverUrl.problems(url));
      try {
        DriverManager.getDriver(url);
      } catch (SQLException e) {
        problems.add(
            "has the url \""
                + withoutQuery(url)
                + "\", for which no JDBC driver is installed; the installed drivers are: "
                + drivers());
      }
    }
    String user = text(settings, "user", problems);
    String password = text(settings, "password", problems);
    if (dataSource && !settings.containsKey("url")) {
      for (String secret : List.of("user", "password")) {
        if (settings.containsKey(secret)) {
          problems.add(
              "has \""
                  + secret
                  + "\" without \"url\"; the application's DataSource is read with its own"
                  + " credentials: remove it, or add the url it goes with");
        }
      }
    }
    String query = text(settings, "query", problems);
    if (query == null && !settings.containsKey("query")) {
      problems.add(
          "has no \"query\"; write the SELECT whose first column lists the origins, e.g."
              + " \"SELECT origin FROM cors_origins\"");
    } else if (query != null) {
      String why = SelectQuery.whyNot(query);
      if (why != null) {
        problems.add("has the query " + render(query) + ", which " + why);
      }
    }
    String versionQuery = text(settings, "versionQuery", problems);
    if (versionQuery != null && SelectQuery.whyNot(versionQuery) != null) {
      problems.add(
          "has the versionQuery "
              + render(versionQuery)
              + ", which "
              + SelectQuery.whyNot(versionQuery));
    }
    BigDecimal fullReload =
        number(settings, "fullReloadEvery", BigDecimal.ONE, true, "10", problems);
    // Below a second, every instance of an API would query the table several times a second.
    BigDecimal refresh = number(settings, "refreshSeconds", BigDecimal.ONE, false, "30", problems);
    BigDecimal timeout =
        number(settings, "queryTimeoutSeconds", BigDecimal.ONE, false, "10", problems);
    BigDecimal rows = number(settings, "maxRows", BigDecimal.ONE, true, "100000", problems);
    BigDecimal bytes = number(settings, "maxBytes", BigDecimal.ONE, true, "16777216", problems);
    BigDecimal fetch = number(settings, "fetchSize", BigDecimal.ONE, true, "10000", problems);
    String listen = text(settings, "listen", problems);
    if (listen != null) {
      String why = PostgresListener.whyNotChannel(listen);
      if (why != null) {
        problems.add("has listen " + render(listen) + ", which " + why);
      } else if (url != null && !url.startsWith("jdbc:postgresql:")) {
        problems.add(
            "has listen "
                + render(listen)
                + ", but only PostgreSQL can LISTEN and the url is not jdbc:postgresql:...;"
                + " remove listen (the list is still polled every refreshSeconds)");
      }
    }
    BigDecimal stale = number(settings, "staleAfterRefreshes", BigDecimal.ONE, true, "3", problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new Settings(
        url,
        user,
        password,
        query,
        refresh == null ? Duration.ofSeconds(30) : millis(refresh),
        timeout == null ? Duration.ofSeconds(10) : millis(timeout),
        rows == null ? 100_000 : rows.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue(),
        bytes == null
            ? 16L * 1024 * 1024
            : bytes.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue(),
        fetch == null
            ? RowReader.DEFAULT_FETCH_SIZE
            : fetch.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue(),
        listen,
        versionQuery,
        fullReload == null ? 10 : fullReload.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue(),
        stale == null ? 3 : stale.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue());
  }

  /**
   * A number setting of at least {@code min} (a whole one if {@code whole}), or null when absent
   * (with a problem when present but wrong).
   */
  private static BigDecimal number(
      Map<String, ?> settings,
      String name,
      BigDecimal min,
      boolean whole,
      String example,
      List<String> problems) {
    if (!settings.containsKey(name)) {
      return null;
    }
    Object given = settings.get(name);
    BigDecimal value = given == null ? null : number(given);
    String kind = whole ? "a whole number" : "a number";
    String fix = "; write " + kind + " of at least " + min.toPlainString() + ", e.g. " + example;
    if (value == null) {
      problems.add("has " + name + " " + render(given) + ", which is not a number" + fix);
    } else if (value.compareTo(min) < 0) {
      problems.add("has " + name + " " + value.toPlainString() + ", which is below " + min + fix);
    } else if (whole && value.stripTrailingZeros().scale() > 0) {
      problems.add("has " + name + " " + value.toPlainString() + ", which is not whole" + fix);
    } else {
      return value;
    }
    return null;
  }

  private static Duration millis(BigDecimal seconds) {
    return Duration.ofMillis(
        seconds.movePointRight(3).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
  }

  /** A string setting, or null (with a problem when present but not a non-empty string). */
  private static String text(Map<String, ?> settings, String name, List<String> problems) {
    if (!settings.containsKey(name)) {
      return null;
    }
    Object value = settings.get(name);
    if (value instanceof String && !((String) value).isBlank()) {
      return (String) value;
    }
    String shown = name.equals("password") ? "that is not a string" : render(value);
    problems.add(
        "has \"" + name + "\": " + shown + ", which is not a non-empty string; write it in quotes");
    return null;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number) {
      try {
        return new BigDecimal(value.toString());
      } catch (NumberFormatException e) {
        return null; // NaN, Infinity
      }
    }
    return null;
  }

  private static String render(Object value) {
    return value instanceof String ? CorsProblem.quote((String) value) : String.valueOf(value);
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String drivers() {
    String names =
        DriverManager.drivers()
            .map(Driver::getClass)
            .map(Class::getName)
            .sorted()
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "none (put a JDBC driver on the class path)" : names;
  }

  /** The nearest known setting within two edits, for "did you mean". */
  static String nearest(String name) {
    return Suggestions.nearest(name, SETTINGS, 2);
  }

  private static final class Settings {
    final String url;
    final String user;
    final String password;
    final String query;
    final Duration refreshInterval;
    final Duration queryTimeout;
    final int maxRows;
    final long maxBytes;
    final int fetchSize;
    final String listen;
    final String versionQuery;
    final int fullReloadEvery;
    final int staleAfterRefreshes;

    Settings(
        String url,
        String user,
        String password,
        String query,
        Duration refreshInterval,
        Duration queryTimeout,
        int maxRows,
        long maxBytes,
        int fetchSize,
        String listen,
        String versionQuery,
        int fullReloadEvery,
        int staleAfterRefreshes) {
      this.url = url;
      this.user = user;
      this.password = password;
      this.query = query;
      this.refreshInterval = refreshInterval;
      this.queryTimeout = queryTimeout;
      this.maxRows = maxRows;
      this.maxBytes = maxBytes;
      this.fetchSize = fetchSize;
      this.listen = listen;
      this.versionQuery = versionQuery;
      this.fullReloadEvery = fullReloadEvery;
      this.staleAfterRefreshes = staleAfterRefreshes;
    }
  }
}
