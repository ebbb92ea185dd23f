package io.jcors.jdbc;

import io.jcors.CorsProblem;
import io.jcors.OriginList;
import io.jcors.Origins;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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
 * Values are stripped of surrounding white space and nulls are skipped. Every row goes through the
 * checks of a configured origin ({@link OriginList}), for the {@link Builder#credentials(boolean)}
 * and {@link Builder#strict(boolean)} of the route: an invalid row is skipped, a risky row is
 * skipped in strict mode and used otherwise, each logged once with the reason.
 *
 * <p>{@link Builder#start()} loads the list once, then a daemon thread of this object reloads it
 * every refresh interval. A request never waits on the database: {@link #resolve(String)} returns
 * an already-completed stage holding the last good list, and allocates nothing. When a refresh
 * fails, whatever the driver throws, the last good list stays in use and the error is logged
 * ({@link System.Logger} {@code io.jcors.jdbc}); a load is bounded in time ({@link
 * Builder#queryTimeout(Duration)}, enforced for every driver) and size ({@link
 * Builder#maxRows(int)}, {@link Builder#maxBytes(long)}). Past {@link
 * Builder#staleAfterRefreshes(int)} intervals without a good load the list is {@linkplain
 * #isStale() stale}, and the log says so. Until a first load succeeds every origin is refused (fail
 * closed: the responses carry {@code Vary: Origin} and no {@code Access-Control-Allow-Origin}), and
 * the load is retried with exponential backoff. {@link #close()} stops the thread.
 */
public final class JdbcOrigins implements OriginList.Source, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.jcors.jdbc");

  /** How many problems of rows one load logs; the rest are counted in one line. */
  static final int MAX_LOGGED_PROBLEMS = 100;

  /** Before any good load: a list that matches nothing, so responses still vary on Origin. */
  private static final CompletableFuture<Origins> REFUSE_ALL =
      CompletableFuture.completedFuture(Origins.parse(List.of()));

  private final RowReader reader;
  private final String description;
  private final String logName;
  private final String query;
  private final boolean credentials;
  private final boolean strict;
  private final Duration refreshInterval;
  private final Duration staleAfter;
  private final int staleAfterRefreshes;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final Clock clock;
  private final Instant startedAt;
  private final ScheduledExecutorService refresher;
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
  private final PostgresListener listener;

  /** Guards {@link #next} and {@link #refreshAgain}. */
  private final Object schedule = new Object();

  /** The refresh scheduled next; null while the first load runs. */
  private java.util.concurrent.ScheduledFuture<?> next;

  /** Whether a refresh was asked for while one ran: the next one then starts right after it. */
  private boolean refreshAgain;

  /** Reads the version query's value, or null without one. */
  private final RowReader versionReader;

  private final int fullReloadEvery;

  /** The version of the rows in use; read and written by the refresh thread. */
  private String version;

  /** Polls answered by the version alone since the last full load; refresh thread only. */
  private int pollsWithoutReload;

  /** The problems of the rows in use that were logged; read and written by the refresh thread. */
  private Set<String> warned = Set.of();

  private volatile State state = State.INITIAL;
  private volatile Duration nextDelay = Duration.ZERO;
  private volatile boolean closed;

  private JdbcOrigins(Builder b) {
    this.description = b.description;
    this.logName = CorsProblem.quote(b.description);
    this.query = b.query;
    this.credentials = b.credentials;
    this.strict = b.strict;
    this.refreshInterval = b.refreshInterval;
    this.staleAfterRefreshes = b.staleAfterRefreshes;
    this.staleAfter = b.refreshInterval.multipliedBy(b.staleAfterRefreshes);
    this.retryDelay =
        b.retryDelay != null ? b.retryDelay : min(Duration.ofSeconds(1), b.refreshInterval);
    this.maxRetryDelay =
        b.maxRetryDelay != null ? b.maxRetryDelay : max(b.refreshInterval, this.retryDelay);
    this.reader =
        new RowReader(
            b.connections,
            b.query,
            b.queryTimeout,
            b.maxRows,
            b.maxBytes,
            b.fetchSize,
            description);
    this.versionReader =
        b.versionQuery == null
            ? null
            : new RowReader(b.connections, b.versionQuery, b.queryTimeout, 1, 4096, 1, description);
    this.fullReloadEvery = b.fullReloadEvery;
    this.clock = b.clock;
    this.startedAt = b.clock.instant();
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
    this.listener =
        b.listen == null
            ? null
            : new PostgresListener(
                b.connections,
                b.listen,
                this::refreshNow,
                retryDelay,
                max(Duration.ofSeconds(30), retryDelay),
                logName);
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

  /** When the list in use was loaded (the last successful load); empty before any. */
  public Optional<Instant> lastLoadTime() {
    return Optional.ofNullable(state.loadedAt);
  }

  /** How many entries the list in use has (skipped rows excluded); 0 before any good load. */
  public int lastLoadSize() {
    return state.size;
  }

  /**
   * The rows of the last good load that are not in use: invalid ones, and in strict mode risky ones
   * (each was logged with its reason).
   */
  public List<String> lastLoadSkipped() {
    return state.loaded == null ? List.of() : state.loaded.skipped;
  }

  /**
   * Why the most recent load failed; empty when it succeeded (or none has run yet). While present
   * after a good load, the list of {@link #lastLoadTime()} is still in use. An {@link Error} thrown
   * by the driver comes wrapped in an {@link ExecutionException}; a load past its time is a {@link
   * TimeoutException}.
   */
  public Optional<Exception> lastError() {
    return Optional.ofNullable(state.error);
  }

  /** When the most recent load failed; empty when it succeeded (or none has run yet). */
  public Optional<Instant> lastErrorTime() {
    return Optional.ofNullable(state.failedAt);
  }

  /**
   * Whether no load has succeeded for more than {@link Builder#staleAfterRefreshes(int)} refresh
   * intervals (counted from {@link Builder#start()} before the first good load): origins deleted
   * from the table since are still allowed. For health checks; computed from the clock when called,
   * so it turns true even if refreshing were stuck.
   */
  public boolean isStale() {
    return isStale(state);
  }

  /** Whether the rows are checked as for a route that allows credentials. */
  @Override
  public boolean checksCredentials() {
    return credentials;
  }

  /** Whether risky rows are skipped, as in strict mode. */
  @Override
  public boolean checksStrict() {
    return strict;
  }

  /**
   * Stops the refresh thread (and the listener); the last list stays in use for requests that still
   * arrive.
   */
  @Override
  public void close() {
    closed = true;
    if (listener != null) {
      listener.close();
    }
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

  private boolean isStale(State s) {
    Instant last = s.loadedAt != null ? s.loadedAt : startedAt;
    return Duration.between(last, clock.instant()).compareTo(staleAfter) > 0;
  }

  /**
   * Refreshes now rather than at the next poll (a notification came): the scheduled refresh is
   * moved to now, or, while one runs, the next one starts right after it, so that a change
   * committed during a load is read too.
   */
  void refreshNow() {
    synchronized (schedule) {
      if (closed) {
        return;
      }
      if (next != null && next.cancel(false)) {
        next = refresher.schedule(this::refresh, 0, TimeUnit.MILLISECONDS);
      } else {
        refreshAgain = true;
      }
    }
  }

  private JdbcOrigins begin(Duration firstLoadWait) {
    refresher.execute(this::refresh);
    if (listener != null) {
      listener.start();
    }
    try {
      firstAttempt.get(firstLoadWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "jcors: the first load of the allowed origins from {0} is still running after {1} ms;"
              + " every origin is refused until it succeeds",
          logName,
          firstLoadWait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // refresh() never completes it exceptionally
    }
    return this;
  }

  /**
   * One load, on the refresh thread, then the next one is scheduled, whatever happened: a refresh
   * that ended on an Error would leave a revoked origin allowed for good.
   */
  private void refresh() {
    Duration delay = refreshInterval;
    try {
      delay = load();
    } catch (Throwable t) {
      // load() reports every failure itself; this is what even that could not do (an
      // OutOfMemoryError while logging): the next refresh still comes.
    } finally {
      firstAttempt.complete(null);
      synchronized (schedule) {
        if (!closed) {
          try {
            next =
                refresher.schedule(
                    this::refresh, refreshAgain ? 0 : delay.toMillis(), TimeUnit.MILLISECONDS);
            refreshAgain = false;
          } catch (Throwable t) {
            // closed meanwhile (RejectedExecutionException)
          }
        }
      }
    }
  }

  /** Reads and checks the rows; returns the delay before the next attempt. */
  private Duration load() {
    State before = state;
    try {
      // Read before the rows: a change between the two reads shows as a new version next time.
      String now = versionReader == null ? null : first(versionReader.read());
      if (now != null
          && before.loaded != null
          && now.equals(version)
          && ++pollsWithoutReload < fullReloadEvery) {
        nextDelay = refreshInterval;
        state = before.loaded(before.digest, before.loaded, clock.instant());
        if (before.staleWarned || before.error != null) {
          LOG.log(
              System.Logger.Level.INFO,
              "jcors: the allowed origins from {0} are up to date again (version {1})",
              logName,
              CorsProblem.quote(now));
        }
        return refreshInterval;
      }
      // The rows are checked and compiled on this thread while the driver fetches the next ones
      // on the load's (RowReader): the list is built beside the one in use, never on a request's
      // path, and the rows are never all held as strings. Only a digest of them is kept, to tell
      // an unchanged table.
      // Sized for the last load's rows: a refresh of a large table allocates its table once.
      int expected = before.loaded != null ? before.loaded.size + before.loaded.skipped.size() : 0;
      Batch batch = reader.read(() -> new Batch(credentials, strict, expected));
      // Unchanged rows keep the same list (and stage), and their problems are not logged again.
      boolean unchanged = before.loaded != null && Arrays.equals(batch.digest, before.digest);
      Loaded loaded = unchanged ? before.loaded : check(batch.list);
      nextDelay = refreshInterval; // before the state: a reader who sees the load sees the delay
      state = before.loaded(batch.digest, loaded, clock.instant());
      version = now;
      pollsWithoutReload = 0;
      if (loaded != before.loaded || before.error != null) {
        LOG.log(
            System.Logger.Level.INFO,
            "jcors: loaded {0} rows from {1}: {2} origins in use, {3} skipped{4}",
            batch.rows,
            logName,
            loaded.size,
            loaded.skipped.size(),
            before.error != null ? " (after a failed load)" : "");
      }
      if (before.staleWarned) {
        LOG.log(
            System.Logger.Level.INFO,
            "jcors: the allowed origins from {0} are up to date again",
            logName);
      }
      return refreshInterval;
    } catch (Throwable t) {
      if (closed) {
        return refreshInterval; // interrupted by close()
      }
      Exception error =
          t instanceof Exception
              ? (Exception) t
              : new ExecutionException("the load failed: " + t, t);
      State after = before.failed(error, clock.instant());
      Duration delay =
          after.loadedAt == null
              ? backoff(after.failures, retryDelay, maxRetryDelay)
              : refreshInterval;
      boolean stale = isStale(after);
      if (stale) {
        after = after.staleWarned();
      }
      nextDelay = delay;
      state = after;
      String why = CorsProblem.quote(error.toString());
      if (after.loadedAt == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: refusing every origin: the allowed origins could not be loaded from {0} yet"
                + " (attempt {1}): {2}; retrying in {3} ms",
            logName,
            after.failures,
            why,
            delay.toMillis());
      } else {
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: could not refresh the allowed origins from {0}: {1}; still using the {2}"
                + " origins loaded at {3}; retrying in {4} ms",
            logName,
            why,
            after.size,
            after.loadedAt,
            delay.toMillis());
      }
      if (stale && !before.staleWarned) {
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: the allowed origins from {0} are stale: no load has succeeded for more than"
                + " {1} refresh intervals ({2} ms){3}",
            logName,
            staleAfterRefreshes,
            staleAfter.toMillis(),
            after.loadedAt == null
                ? ", and every origin is still refused"
                : "; origins deleted from the table since "
                    + after.loadedAt
                    + " are still allowed");
      }
      return delay;
    }
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  /** Logs the problems of the rows (checked once, by OriginList) not logged before. */
  private Loaded check(OriginList list) {
    Set<String> now = new HashSet<>();
    int logged = 0;
    int unlogged = 0;
    for (CorsProblem problem : list.problems()) {
      String key = problem.toString(); // escaped: it quotes the row
      if (!now.add(key) || warned.contains(key)) {
        continue;
      }
      if (logged++ < MAX_LOGGED_PROBLEMS) {
        LOG.log(
            System.Logger.Level.WARNING,
            problem.severity() == CorsProblem.Severity.ERROR
                ? "jcors: skipping a row of {0}: {1}"
                : "jcors: using a risky row of {0}: {1}",
            logName,
            key);
      } else {
        unlogged++;
      }
    }
    if (unlogged > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "jcors: {0} more rows of {1} have problems; they are not logged one by one",
          unlogged,
          logName);
    }
    warned = now;
    return new Loaded(list);
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

  /**
   * The rows of one load as they are read: checked and compiled into an {@link OriginList}, counted
   * (nulls are left out before), and digested. SHA-256, not a sum of hash codes: two different
   * tables must not pass for the same one, or a deleted origin would stay allowed.
   */
  private static final class Batch implements RowReader.Sink<Batch> {
    final OriginList.Builder builder;
    final MessageDigest sha256;
    OriginList list;
    byte[] digest;
    int rows;
    private byte[] buffer = new byte[128];

    Batch(boolean credentials, boolean strict, int expectedRows) {
      this.builder = OriginList.builder("origin", credentials, strict, expectedRows);
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    @Override
    public void add(String value) {
      rows++;
      builder.add(value);
      // Each row as its length and then its UTF-16 code units: rows cannot run into each other.
      int n = value.length();
      if (buffer.length < 4 + 2 * n) {
        buffer = new byte[4 + 2 * n];
      }
      buffer[0] = (byte) (n >>> 24);
      buffer[1] = (byte) (n >>> 16);
      buffer[2] = (byte) (n >>> 8);
      buffer[3] = (byte) n;
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        buffer[4 + 2 * i] = (byte) (c >>> 8);
        buffer[5 + 2 * i] = (byte) c;
      }
      sha256.update(buffer, 0, 4 + 2 * n);
    }

    @Override
    public Batch result() {
      list = builder.build();
      digest = sha256.digest();
      return this;
    }
  }

  /** A checked list, with the completed stage that requests get. */
  private static final class Loaded {
    final CompletableFuture<Origins> origins;
    final int size;
    final List<String> skipped;

    Loaded(OriginList list) {
      this.origins = CompletableFuture.completedFuture(list.origins());
      this.size = list.size();
      this.skipped = list.skipped();
    }
  }

  /** Everything requests and accessors read, swapped whole after each load. */
  private static final class State {
    static final State INITIAL = new State(null, null, null, null, null, 0, false);

    /** The digest of the rows in use ({@link Batch}), to tell an unchanged table. */
    final byte[] digest;

    final Loaded loaded;
    final CompletableFuture<Origins> origins;
    final Instant loadedAt;
    final int size;
    final Exception error;
    final Instant failedAt;
    final int failures;
    final boolean staleWarned;

    State(
        byte[] digest,
        Loaded loaded,
        Instant loadedAt,
        Exception error,
        Instant failedAt,
        int failures,
        boolean staleWarned) {
      this.digest = digest;
      this.loaded = loaded;
      this.origins = loaded == null ? REFUSE_ALL : loaded.origins;
      this.size = loaded == null ? 0 : loaded.size;
      this.loadedAt = loadedAt;
      this.error = error;
      this.failedAt = failedAt;
      this.failures = failures;
      this.staleWarned = staleWarned;
    }

    State loaded(byte[] newDigest, Loaded newList, Instant at) {
      return new State(newDigest, newList, at, null, null, 0, false);
    }

    State failed(Exception e, Instant at) {
      return new State(digest, loaded, loadedAt, e, at, failures + 1, staleWarned);
    }

    State staleWarned() {
      return new State(digest, loaded, loadedAt, error, failedAt, failures, true);
    }
  }

  /** Settings of a {@link JdbcOrigins}; {@link #start()} makes it and loads the list once. */
  public static final class Builder {
    private final RowReader.ConnectionSource connections;
    private final String description;
    private String query;
    private boolean credentials;
    private boolean strict;
    private Duration refreshInterval = Duration.ofSeconds(30);
    private Duration retryDelay;
    private Duration maxRetryDelay;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private Duration firstLoadWait = Duration.ofSeconds(15);
    private int maxRows = 100_000;
    private long maxBytes = 16L * 1024 * 1024;
    private int fetchSize = RowReader.DEFAULT_FETCH_SIZE;
    private String listen;
    private String versionQuery;
    private int fullReloadEvery = 10;
    private int staleAfterRefreshes = 3;
    private Clock clock = Clock.systemUTC();

    private Builder(RowReader.ConnectionSource connections, String description) {
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
     * Checks the rows as for a route with {@code credentials: true} (default false): plain {@code
     * http:} origins and wildcards under a public suffix are risky then (S10, S11). Give the value
     * of the options that use this list: options that allow credentials refuse a list that does not
     * check for them.
     */
    public Builder credentials(boolean credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Skips every risky row instead of using it with a warning (default false), as strict options
     * refuse a risky configured origin. Strict options refuse a list that is not strict.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
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

    /**
     * How long one load may take, connecting and reading the rows included (default 10 s). Past it,
     * for every driver, the statement is cancelled, the connection closed and the load abandoned;
     * the next one opens a new connection.
     */
    public Builder queryTimeout(Duration timeout) {
      this.queryTimeout = requirePositive(timeout, "queryTimeout");
      return this;
    }

    /**
     * The most rows one load may return (default 100 000). A query that returns more fails, and the
     * last good list stays in use.
     */
    public Builder maxRows(int rows) {
      requireAtLeastOne(rows, "maxRows");
      this.maxRows = rows;
      return this;
    }

    /**
     * The most bytes (UTF-8) the values of one load may hold together (default 16 MiB). A load with
     * more fails, and the last good list stays in use.
     */
    public Builder maxBytes(long bytes) {
      requireAtLeastOne(bytes, "maxBytes");
      this.maxBytes = bytes;
      return this;
    }

    /**
     * A PostgreSQL channel to listen on ({@code LISTEN cors_origins_changed}): every {@code NOTIFY}
     * on it refreshes the list at once, so that a change reaches every instance within a second
     * whatever the refresh interval, which stays as the safety net. A trigger on the table sends
     * the notification (docs/origins-from-a-database.md). The listener holds one connection of its
     * own, and reconnects with backoff when it is lost, refreshing once listening again.
     *
     * @throws IllegalArgumentException when {@code channel} is not a lower-case identifier
     */
    public Builder listen(String channel) {
      String why = PostgresListener.whyNotChannel(channel);
      if (why != null) {
        throw new IllegalArgumentException("listen " + CorsProblem.quote(channel) + " " + why);
      }
      this.listen = channel;
      return this;
    }

    /**
     * A query whose one value changes whenever the rows do, so that a poll reads the rows only when
     * it changed: {@code SELECT max(updated_at) || '/' || count(*) FROM cors_origins} (the count
     * sees deletes), or the value of a version table that a trigger bumps. The list is still read
     * in full every {@link #fullReloadEvery(int)} polls, and after a failed load.
     */
    public Builder versionQuery(String query) {
      this.versionQuery = requireText(query, "versionQuery");
      return this;
    }

    /**
     * With a {@link #versionQuery(String)}: a full load at least every {@code polls} polls, even
     * when the version did not change (default 10).
     */
    public Builder fullReloadEvery(int polls) {
      requireAtLeastOne(polls, "fullReloadEvery");
      this.fullReloadEvery = polls;
      return this;
    }

    /**
     * How many rows the driver fetches per round trip (default 10 000, {@link
     * java.sql.Statement#setFetchSize}). The rows are checked as they arrive, so a large table is
     * never held whole, on PostgreSQL too (whose driver otherwise reads every row before the
     * first).
     */
    public Builder fetchSize(int rows) {
      requireAtLeastOne(rows, "fetchSize");
      this.fetchSize = rows;
      return this;
    }

    /**
     * After how many refresh intervals without a good load the list is {@linkplain #isStale()
     * stale} (default 3), which is logged once as a warning.
     */
    public Builder staleAfterRefreshes(int refreshes) {
      requireAtLeastOne(refreshes, "staleAfterRefreshes");
      this.staleAfterRefreshes = refreshes;
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

    /** Reads the rows once, with the bounds of a refresh, on the calling thread's deadline. */
    List<String> readOnce() throws Exception {
      requireQuery();
      return new RowReader(
              connections, query, queryTimeout, maxRows, maxBytes, fetchSize, description)
          .read();
    }

    /**
     * Loads the list once (waiting for it at most {@link #firstLoadWait(Duration)}), then starts
     * the refresh thread. A failed first load does not throw: it is logged, every origin is refused
     * and the load is retried with backoff.
     *
     * @throws IllegalStateException when no query was given
     * @throws IllegalArgumentException when {@link #listen} is set and the database is not
     *     PostgreSQL
     */
    public JdbcOrigins start() {
      requireQuery();
      if (listen != null) {
        requireListener();
      }
      return new JdbcOrigins(this).begin(firstLoadWait);
    }

    /**
     * Refuses {@link #listen} on a database that cannot listen. A database that cannot be reached
     * now is not refused: the list fails closed and the listener retries.
     */
    private void requireListener() {
      java.sql.Connection c;
      try {
        c = connections.open();
      } catch (Exception e) {
        return;
      }
      try (c) {
        PostgresListener.pgConnection(c);
      } catch (java.sql.SQLException e) {
        // unreachable meanwhile: as above
      }
    }

    private void requireQuery() {
      if (query == null) {
        throw new IllegalStateException(
            "no query: call query(\"SELECT origin FROM cors_origins\") before start()");
      }
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      return value;
    }

    private static void requireAtLeastOne(long value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, not " + value);
      }
    }

    private static Duration requirePositive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
