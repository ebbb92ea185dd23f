package io.jcors.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Listens on a PostgreSQL channel ({@code LISTEN cors_origins_changed}) on a connection of its own,
 * and asks for a refresh on every notification, so that a change is applied at once rather than at
 * the next poll. When the connection is lost (the database restarts), it reconnects with backoff
 * and asks for a refresh once listening again, since notifications sent meanwhile are lost; polling
 * goes on all the while, as the safety net.
 *
 * <p>The driver's notification call ({@code org.postgresql.PGConnection.getNotifications(int)}) is
 * reached by reflection: jcors-jdbc does not depend on the PostgreSQL driver.
 */
final class PostgresListener {
  private static final System.Logger LOG = System.getLogger("io.jcors.jdbc");

  /** How long one wait for notifications blocks, so that close() is seen within it. */
  private static final int WAIT_MILLIS = 500;

  /** A channel as PostgreSQL folds an unquoted identifier: lower case, at most 63 bytes. */
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final RowReader.ConnectionSource connections;
  private final String channel;
  private final Runnable refresh;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final String logName;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection current;

  PostgresListener(
      RowReader.ConnectionSource connections,
      String channel,
      Runnable refresh,
      Duration retryDelay,
      Duration maxRetryDelay,
      String logName) {
    this.connections = connections;
    this.channel = channel;
    this.refresh = refresh;
    this.retryDelay = retryDelay;
    this.maxRetryDelay = maxRetryDelay;
    this.logName = logName;
    this.thread = new Thread(this::run, "jcors-jdbc-listen " + logName);
    thread.setDaemon(true);
  }

  /** Why {@code channel} is not a channel name this listener accepts, or null. */
  static String whyNotChannel(String channel) {
    return channel != null && CHANNEL.matcher(channel).matches()
        ? null
        : "is not a channel name: lower-case letters, digits and '_', not starting with a digit,"
            + " at most 63 characters, e.g. cors_origins_changed";
  }

  /**
   * The driver's PostgreSQL connection interface, which {@code c} wraps.
   *
   * @throws IllegalArgumentException when {@code c} is not a PostgreSQL connection
   */
  static Class<?> pgConnection(Connection c) throws SQLException {
    Class<?> type;
    try {
      type = Class.forName("org.postgresql.PGConnection", false, c.getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      type = null;
    }
    if (type == null || !c.isWrapperFor(type)) {
      throw new IllegalArgumentException(
          "listen needs PostgreSQL (LISTEN/NOTIFY), but the database is "
              + c.getMetaData().getDatabaseProductName()
              + ", which cannot listen: remove listen (the list is still polled every"
              + " refreshInterval)");
    }
    return type;
  }

  void start() {
    thread.start();
  }

  void close() {
    closed = true;
    thread.interrupt();
    Connection c = current;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // closing anyway
      }
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int failures = 0;
    while (!closed) {
      try (Connection c = connections.open()) {
        current = c;
        Class<?> type = pgConnection(c);
        Object pg = c.unwrap(type);
        Method wait = type.getMethod("getNotifications", int.class);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel); // checked by whyNotChannel: no quoting needed
        }
        if (failures > 0) {
          LOG.log(
              System.Logger.Level.INFO,
              "jcors: listening on {0} of {1} again; refreshing now",
              channel,
              logName);
          refresh.run(); // what was notified while the connection was down is lost
        }
        failures = 0;
        while (!closed) {
          Object[] notifications = (Object[]) wait.invoke(pg, WAIT_MILLIS);
          if (notifications != null && notifications.length > 0) {
            refresh.run();
          }
        }
      } catch (Throwable t) {
        if (closed) {
          return;
        }
        Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
        failures++;
        Duration delay = JdbcOrigins.backoff(failures, retryDelay, maxRetryDelay);
        LOG.log(
            System.Logger.Level.WARNING,
            "jcors: not listening on {0} of {1}: {2}; polling goes on; reconnecting in {3} ms",
            channel,
            logName,
            io.jcors.CorsProblem.quote(String.valueOf(cause)),
            delay.toMillis());
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          return; // closed
        }
      } finally {
        current = null;
      }
    }
  }
}
