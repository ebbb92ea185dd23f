package io.jcors.jdbc;

import io.jcors.CorsConfigException;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The allowed origins of a policy, read from a database table and refreshed in the background: the
 * {@code origin} option of every instance of an API that shares the database.
 *
 * <pre>{@code
 * try (JdbcOrigins origins =
 *     JdbcOrigins.builder("jdbc:sqlite:" + databaseFile, null, null)
 *         .query("SELECT origin FROM cors_origins")
 *         .refreshInterval(Duration.ofSeconds(30))
 *         .start()) {
 *   CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(origins).build());
 *   serve(policy); // until the server stops; closing the origins stops the refresh thread
 * }
 * }</pre>
 *
 * <p>The query's first column holds one entry per row, in the syntax of a config file's {@code
 * origin} list: exact origins ({@code https://app.example.com}), patterns ({@code
 * https://*.example.com}, {@code http://localhost:*}) and regexes ({@code /^https:\/\/.../i}).
 * Values are stripped of surrounding white space; nulls are skipped, and so are malformed entries,
 * each logged with the reason.
 *
 * <p>{@link #start()} loads the list once, then a daemon thread of this object reloads it every
 * refresh interval. A request never waits on the database: {@link #resolve(String)} returns an
 * already-completed stage holding the last good list, and allocates nothing. When a refresh fails,
 * the last good list stays in use and the error is logged ({@link System.Logger} {@code
 * io.jcors.jdbc}). Until a first load succeeds every origin is refused (fail closed: the responses
 * carry {@code Vary: Origin} and no {@code Access-Control-Allow-Origin}), and the load is retried
 * with exponential backoff. {@link #close()} stops the thread.
 */
public final class JdbcOrigins implements OriginResolver, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.jcors.jdbc");

  /** Before any good load: a list that matches nothing, so responses still vary on Origin. */
  private static final CompletableFuture<Origins> REFUSE_ALL =
      CompletableFuture.completedFuture(Origins.parse(List.of()));

  private final ConnectionSource connections;
  private final String description;
  private final String query;
  private final Duration refreshInterval;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final int queryTimeoutSeconds;
  private final Clock clock;
  private final ScheduledExecutorService refresher;
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();

  private volatile State state = State.INITIAL;
  private volatile Duration nextDelay = Duration.ZERO;
  private volatile boolean closed;

  private JdbcOrigins(Builder b) {
    this.connections = b.connections;
    this.description = b.description;
    this.query = b.query;
    this.refreshInterval = b.refreshInterval;
    this.retryDelay =
        b.retryDelay != null ? b.retryDelay : min(Duration.ofSeconds(1), b.refreshInterval);
    this.maxRetryDelay =
        b.maxRetryDelay != null ? b.maxRetryDelay : max(b.refreshInterval, this.retryDelay);
    this.queryTimeoutSeconds = (int) Math.max(1, (b.queryTimeout.toMillis() + 999) / 1000);
    this.clock = b.clock;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "jcors-jdbc-refresh " + description);
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.refresher = executor;
  }

  /**
   * A builder reading from {@code dataSource}, which may be a connection pool: each load borrows
   * one connection and returns it.
   */
  public static Builder builder(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(dataSource::getConnection, dataSource.getClass().getSimpleName());
  }

  /**
   * A builder reading from the database at a JDBC {@code url} ({@code jdbc:sqlite:/var/lib/app.db},
   * {@code jdbc:postgresql://db.internal/app}), connecting through {@link DriverManager} with
   * {@code user} and {@code password} (either may be null).
   */
  public static Builder builder(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return new Builder(() -> DriverManager.getConnection(url, properties), withoutSecrets(url));
  }

  /**
   * The last good list, at once: an already-completed stage, the same object for every request
   * until the next load. Before any load has succeeded, a list that refuses every origin.
   */
  @Override
  public CompletionStage<Origins> resolve(String requestOrigin) {
    return state.origins;
  }

  /** The list in use now: the last good load, or an empty list before any load succeeded. */
  public Origins origins() {
    return state.origins.join();
  }

  /** When the list in use was loaded; empty before any load succeeded. */
  public Optional<Instant> lastLoadTime() {
    return Optional.ofNullable(state.loadedAt);
  }

  /** How many entries the list in use has (malformed rows excluded); 0 before any good load. */
  public int lastLoadSize() {
    return state.size;
  }

  /**
   * Why the most recent load failed; empty when it succeeded (or none has run yet). While present
   * after a good load, the list of {@link #lastLoadTime()} is still in use.
   */
  public Optional<Exception> lastError() {
    return Optional.ofNullable(state.error);
  }

  /** When the most recent load failed; empty when it succeeded (or none has run yet). */
  public Optional<Instant> lastErrorTime() {
    return Optional.ofNullable(state.failedAt);
  }

  /** Stops the refresh thread; the last list stays in use for requests that still arrive. */
  @Override
  public void close() {
    closed = true;
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "JdbcOrigins[" + description + ", " + query + "]";
  }

  /** The delay before the next attempt, as last scheduled. */
  Duration nextDelay() {
    return nextDelay;
  }

  /** The wait before retry {@code failures} (1 for the first) when no load has succeeded yet. */
  static Duration backoff(int failures, Duration initial, Duration cap) {
    long millis = initial.toMillis();
    for (int i = 1; i < failures && millis < cap.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }

  private JdbcOrigins begin(Duration firstLoadWait) {
    refresher.execute(this::refresh);
    try {
      firstAttempt.get(firstLoadWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "jcors: the first load of the allowed origins from {0} is still running after {1} ms;"
              + " every origin is refused until it succeeds",
          description,
          firstLoadWait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // refresh() never completes it exceptionally
    }
    return this;
  }

  /** One load, on the refresh thread; schedules the next one. */
  private void refresh() {
    State before = state;
    Duration delay;
    try {
      List<String> rows = read();
      // Unchanged rows keep the same list (and stage), and their problems are not logged again.
      Loaded loaded = rows.equals(before.rows) ? before.loaded : parse(rows);
      delay = refreshInterval;
      nextDelay = delay; // before the state, so that a reader who sees the load sees the delay
      state = before.loaded(rows, loaded, clock.instant());
      if (before.error != null) {
        LOG.log(
            System.Logger.Level.INFO,
            "jcors: loaded {0} allowed origins from {1} again",
            loaded.size,
            description);
      }
    } catch (SQLException | RuntimeException e) {
      if (closed) {
        return; // interrupted by close()
      }
      State after = before.failed(e, clock.instant());
      delay =
          after.loadedAt == null
              ? backoff(after.failures, retryDelay, maxRetryDelay)
              : refreshInterval;
      nextDelay = delay;
      state = after;
      if (after.loadedAt == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: refusing every origin: the allowed origins could not be loaded from {0} yet"
                + " (attempt {1}): {2}; retrying in {3} ms",
            description,
            after.failures,
            e.toString(),
            delay.toMillis());
      } else {
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: could not refresh the allowed origins from {0}: {1}; still using the {2}"
                + " origins loaded at {3}; retrying in {4} ms",
            description,
            e.toString(),
            after.size,
            after.loadedAt,
            delay.toMillis());
      }
    } finally {
      firstAttempt.complete(null);
    }
    if (!closed) {
      try {
        refresher.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }
  }

  private List<String> read() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connections.open();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      try (ResultSet results = statement.executeQuery(query)) {
        while (results.next()) {
          String value = results.getString(1);
          if (value != null) {
            rows.add(value.strip());
          }
        }
      }
    }
    return rows;
  }

  /** The rows as one list; malformed rows are left out, each logged with its reason. */
  private Loaded parse(List<String> rows) {
    try {
      return new Loaded(Origins.parse(rows), rows.size());
    } catch (CorsConfigException whole) {
      List<String> good = new ArrayList<>(rows.size());
      for (String row : rows) {
        try {
          Origins.parse(List.of(row));
          good.add(row);
        } catch (CorsConfigException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "jcors: skipping the entry \"{0}\" from {1}: it {2}",
              row,
              description,
              e.problems().get(0).reason());
        }
      }
      return new Loaded(Origins.parse(good), good.size());
    }
  }

  private static String withoutSecrets(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Opens a connection (a DataSource or DriverManager). */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** A parsed list, with the completed stage that requests get. */
  private static final class Loaded {
    final CompletableFuture<Origins> origins;
    final int size;

    Loaded(Origins origins, int size) {
      this.origins = CompletableFuture.completedFuture(origins);
      this.size = size;
    }
  }

  /** Everything requests and accessors read, swapped whole after each load. */
  private static final class State {
    static final State INITIAL = new State(null, null, null, null, null, 0);

    final List<String> rows;
    final Loaded loaded;
    final CompletableFuture<Origins> origins;
    final Instant loadedAt;
    final int size;
    final Exception error;
    final Instant failedAt;
    final int failures;

    State(
        List<String> rows,
        Loaded loaded,
        Instant loadedAt,
        Exception error,
        Instant failedAt,
        int failures) {
      this.rows = rows;
      this.loaded = loaded;
      this.origins = loaded == null ? REFUSE_ALL : loaded.origins;
      this.size = loaded == null ? 0 : loaded.size;
      this.loadedAt = loadedAt;
      this.error = error;
      this.failedAt = failedAt;
      this.failures = failures;
    }

    State loaded(List<String> newRows, Loaded newList, Instant at) {
      return new State(newRows, newList, at, null, null, 0);
    }

    State failed(Exception e, Instant at) {
      return new State(rows, loaded, loadedAt, e, at, failures + 1);
    }
  }

  /** Settings of a {@link JdbcOrigins}; {@link #start()} makes it and loads the list once. */
  public static final class Builder {
    private final ConnectionSource connections;
    private final String description;
    private String query;
    private Duration refreshInterval = Duration.ofSeconds(30);
    private Duration retryDelay;
    private Duration maxRetryDelay;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private Duration firstLoadWait = Duration.ofSeconds(15);
    private Clock clock = Clock.systemUTC();

    private Builder(ConnectionSource connections, String description) {
      this.connections = connections;
      this.description = description;
    }

    /**
     * The query whose first column lists the entries, e.g. {@code SELECT origin FROM cors_origins}.
     */
    public Builder query(String query) {
      this.query = requireText(query, "query");
      return this;
    }

    /**
     * How often the list is reloaded after a good load, and after a failed refresh (default 30 s).
     */
    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = requirePositive(interval, "refreshInterval");
      return this;
    }

    /**
     * The backoff while no load has succeeded yet: the first retry waits {@code initial}, each next
     * one twice as long, never more than {@code max} (defaults: the smaller of 1 s and the refresh
     * interval, up to the refresh interval).
     */
    public Builder retryDelay(Duration initial, Duration max) {
      this.retryDelay = requirePositive(initial, "initial retry delay");
      this.maxRetryDelay = requirePositive(max, "maximum retry delay");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "the maximum retry delay " + max + " is shorter than the initial one " + initial);
      }
      return this;
    }

    /** How long one load's query may run (default 10 s; JDBC counts whole seconds). */
    public Builder queryTimeout(Duration timeout) {
      this.queryTimeout = requirePositive(timeout, "queryTimeout");
      return this;
    }

    /**
     * How long {@link #start()} waits for the first load (default 15 s). If it takes longer, start
     * returns and every origin is refused until the load succeeds.
     */
    public Builder firstLoadWait(Duration wait) {
      this.firstLoadWait = Objects.requireNonNull(wait, "firstLoadWait");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Loads the list once (waiting for it at most {@link #firstLoadWait(Duration)}), then starts
     * the refresh thread. A failed first load does not throw: it is logged, every origin is refused
     * and the load is retried with backoff.
     *
     * @throws IllegalStateException when no query was given
     */
    public JdbcOrigins start() {
      if (query == null) {
        throw new IllegalStateException(
            "no query: call query(\"SELECT origin FROM cors_origins\") before start()");
      }
      return new JdbcOrigins(this).begin(firstLoadWait);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      return value;
    }

    private static Duration requirePositive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
