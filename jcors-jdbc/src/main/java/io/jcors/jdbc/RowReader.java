package io.jcors.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the first column of a query's rows, bounded in time and size whatever the driver does.
 *
 * <p>{@link Statement#setQueryTimeout} is not enough: sqlite-jdbc reads it as a busy timeout (a
 * slow query runs on), and no driver bounds the connect and the reading of rows with it. So each
 * load runs on its own thread under a deadline; past it, the statement is cancelled, the thread
 * interrupted and the connection closed, and the load is abandoned: the next one opens a new
 * connection. A driver that ignores all three keeps its thread until it returns; while {@link
 * #MAX_ABANDONED} such loads still run, no new one is started.
 */
final class RowReader {
  /** Abandoned loads that may still run before new loads are refused, so threads stay bounded. */
  static final int MAX_ABANDONED = 2;

  /** What becomes of the rows as they are read: each value goes in, one result comes out. */
  interface Sink<T> {
    /** One value of the first column, stripped of surrounding white space; never null. */
    void add(String value);

    /** The result, after the last row. */
    T result();
  }

  /** Rows handed from the load's thread to the sink at a time. */
  static final int BATCH = 4096;

  /** Batches read ahead of the sink, at most: what a slow sink makes the load hold. */
  static final int QUEUED = 4;

  /** What the load's thread queues after its last batch. */
  private static final Object END = new Object();

  /** The default {@link java.sql.Statement#setFetchSize}: rows fetched per round trip. */
  static final int DEFAULT_FETCH_SIZE = 10_000;

  /** Opens a connection (a DataSource or DriverManager). */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private final ConnectionSource connections;
  private final String query;
  private final Duration timeout;
  private final int maxRows;
  private final long maxBytes;
  private final int fetchSize;
  private final String threadName;
  private final AtomicInteger abandoned = new AtomicInteger();

  RowReader(
      ConnectionSource connections,
      String query,
      Duration timeout,
      int maxRows,
      long maxBytes,
      int fetchSize,
      String threadName) {
    this.connections = connections;
    this.fetchSize = fetchSize;
    this.query = query;
    this.timeout = timeout;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.threadName = threadName;
  }

  /**
   * The values of the first column, stripped of surrounding white space, nulls left out.
   *
   * @throws TimeoutException when the load did not finish within the timeout
   * @throws ExecutionException wrapping an {@link Error} thrown by the driver or by reading
   * @throws Exception what the driver threw (an {@link SQLException}), or an {@link
   *     IllegalStateException} when the rows pass {@code maxRows} or {@code maxBytes}
   */
  List<String> read() throws Exception {
    return read(
        () ->
            new Sink<List<String>>() {
              private final List<String> rows = new ArrayList<>();

              @Override
              public void add(String value) {
                rows.add(value);
              }

              @Override
              public List<String> result() {
                return rows;
              }
            });
  }

  /**
   * Streams the values of the first column into a new sink from {@code sinks}, batch by batch as
   * the driver fetches them, and returns its result; bounded and failing as {@link #read()}.
   *
   * <p>The rows are read on the load's thread and given to the sink on the caller's, through a
   * queue of at most {@link #QUEUED} batches: the driver fetches the next rows while the sink
   * checks and compiles the last ones, so a load takes about as long as the longer of the two
   * instead of their sum, holding no more than a few batches of strings.
   */
  <T> T read(java.util.function.Supplier<Sink<T>> sinks) throws Exception {
    int stuck = abandoned.get();
    if (stuck >= MAX_ABANDONED) {
      throw new TimeoutException(
          stuck
              + " earlier loads did not finish within "
              + timeout.toMillis()
              + " ms and still run, ignoring cancel, interrupt and close; no new load starts until"
              + " one of them ends (is the database or the network stuck?)");
    }
    Sink<T> sink = sinks.get();
    Load load = new Load();
    Thread thread = new Thread(load, "jcors-jdbc-load " + threadName);
    thread.setDaemon(true);
    long deadline = System.nanoTime() + timeout.toNanos();
    thread.start();
    boolean done = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Object next = left > 0 ? load.batches.poll(left, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          throw new TimeoutException(
              "the load did not finish within "
                  + timeout.toMillis()
                  + " ms (queryTimeout); its statement was cancelled and its connection closed");
        }
        if (next == END) {
          done = true;
          return sink.result();
        }
        if (next instanceof Throwable) {
          done = true;
          throw failure((Throwable) next);
        }
        for (String value : (String[]) next) {
          if (value == null) {
            break; // the last batch is not full
          }
          sink.add(value);
        }
      }
    } finally {
      if (!done) { // timed out, interrupted, or the sink failed: nobody reads the rest
        load.abandon(thread);
        load.batches.clear(); // room for a load that finished meanwhile to queue its end
      }
    }
  }

  private static Exception failure(Throwable cause) {
    if (cause instanceof Exception) {
      return (Exception) cause;
    }
    return new ExecutionException("the load failed: " + cause, cause);
  }

  /** The first column of the rows, within the bounds, in batches onto {@code batches}. */
  private void rows(ResultSet results, BlockingQueue<Object> batches)
      throws SQLException, InterruptedException {
    long bytes = 0;
    int count = 0;
    String[] batch = new String[BATCH];
    int size = 0;
    while (results.next()) {
      if (++count > maxRows) {
        throw new IllegalStateException(
            "the query returned more than "
                + maxRows
                + " rows (maxRows); the last good list stays in use: select only the origins, or"
                + " raise maxRows");
      }
      String value = results.getString(1);
      if (value == null) {
        continue;
      }
      bytes += utf8Length(value);
      if (bytes > maxBytes) {
        throw new IllegalStateException(
            "the rows of the query hold more than "
                + maxBytes
                + " bytes (maxBytes); the last good list stays in use: select only the origins, or"
                + " raise maxBytes");
      }
      batch[size++] = value.strip();
      if (size == BATCH) {
        batches.put(batch);
        batch = new String[BATCH];
        size = 0;
      }
    }
    if (size > 0) {
      batches.put(batch);
    }
  }

  /** The length of {@code s} in UTF-8, without encoding it. */
  static long utf8Length(String s) {
    long length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return length;
  }

  /** The driver's own bounds, where it has them; a driver without them is bounded by the rest. */
  private void bound(Statement statement) {
    try {
      statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
    } catch (SQLException | RuntimeException e) {
      // not supported: the deadline of read() still holds
    }
    try {
      // Without it PostgreSQL's driver reads every row into memory before the first next().
      statement.setFetchSize(fetchSize);
    } catch (SQLException | RuntimeException e) {
      // not supported: the driver fetches as it does
    }
    try {
      if (maxRows < Integer.MAX_VALUE) {
        statement.setMaxRows(maxRows + 1); // one more, to tell "too many" from "exactly max"
      }
    } catch (SQLException | RuntimeException e) {
      // not supported: rows() counts
    }
  }

  /** One load, on its own thread: its batches of rows, then {@link #END} or what it threw. */
  private final class Load implements Runnable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicInteger phase = new AtomicInteger(RUNNING);
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private final AtomicReference<Statement> statement = new AtomicReference<>();

    @Override
    public void run() {
      Object last = rows();
      if (phase.compareAndSet(RUNNING, DONE)) {
        try {
          batches.put(last); // the reader waits for it, or clears the queue when it leaves
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // nobody interrupts a finished load
        }
      } else {
        abandoned.decrementAndGet(); // abandoned: nobody reads the rest
      }
    }

    /** Reads the rows onto the queue; then END, or what was thrown (null if abandoned first). */
    private Object rows() {
      try (Connection c = connections.open()) {
        connection.set(c);
        if (phase.get() == ABANDONED) {
          return null; // connected after the deadline: nobody waits for these rows
        }
        // PostgreSQL streams rows with a cursor (the fetch size) only inside a transaction.
        boolean transaction = c.getAutoCommit() && setAutoCommit(c, false);
        try (Statement s = c.createStatement()) {
          statement.set(s);
          bound(s);
          try (ResultSet results = s.executeQuery(query)) {
            RowReader.this.rows(results, batches);
          }
        } finally {
          if (transaction) {
            // Nothing was written; a pooled connection goes back as it came.
            quietly(c::rollback, true);
            setAutoCommit(c, true);
          }
        }
        return END;
      } catch (Throwable t) { // an OutOfMemoryError too: the refresh that waits reports it
        return t;
      }
    }

    /**
     * Gives up on this load: cancels the statement, interrupts the thread and closes the
     * connection, on a thread of their own, since a stuck driver may block any of these calls.
     */
    void abandon(Thread thread) {
      if (!phase.compareAndSet(RUNNING, ABANDONED)) {
        return; // finished meanwhile
      }
      abandoned.incrementAndGet();
      Thread cancel =
          new Thread(
              () -> {
                quietly(() -> statement.get().cancel(), statement.get() != null);
                thread.interrupt();
                quietly(() -> connection.get().close(), connection.get() != null);
              },
              "jcors-jdbc-cancel " + threadName);
      cancel.setDaemon(true);
      cancel.start();
    }
  }

  private static boolean setAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
      return true;
    } catch (SQLException | RuntimeException e) {
      return false; // a driver without transactions reads as it can
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(Step step, boolean when) {
    if (!when) {
      return;
    }
    try {
      step.run();
    } catch (Throwable t) {
      // the load is abandoned; its failure is already reported as the timeout
    }
  }
}
