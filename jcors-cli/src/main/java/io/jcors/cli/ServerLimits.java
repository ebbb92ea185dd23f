package io.jcors.cli;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits that keep {@code jcors serve} answering while clients are slow or many.
 *
 * <p>The JDK's HTTP server reads a request's headers and body on a worker thread, with blocking
 * reads and no timeout of its own: a client that sends its headers a byte at a time holds that
 * thread as long as it likes. With a fixed pool of 16 threads, 17 such clients stopped every other
 * request. So:
 *
 * <ul>
 *   <li>each request must arrive, headers and body, within the request timeout, and each response
 *       must be taken within it too ({@code sun.net.httpserver.maxReqTime} and {@code maxRspTime}:
 *       the server closes the connection, which ends the blocked read and frees the thread; its
 *       timer looks once a second);
 *   <li>the worker pool grows with the requests in progress instead of queueing them behind the
 *       slow ones, up to {@link #MAX_REQUESTS_IN_PROGRESS} threads; past that, a new connection is
 *       closed at once (and it is said on stderr) until some end. A connection holds a thread only
 *       while a request is being read or answered: idle keep-alive connections wait in the server's
 *       selector, at most 200 of them, each closed after 30 s ({@code
 *       sun.net.httpserver.maxIdleConnections} and {@code idleInterval}, the JDK's defaults).
 * </ul>
 *
 * <p>A burst of new connections waits in a listen backlog of {@link #BACKLOG} rather than 50.
 *
 * <p>The JDK reads these properties once, when the first server is created: {@link
 * #apply(Duration)} must run before it, as {@code serve} does.
 */
final class ServerLimits {
  /**
   * Connections the kernel completes before the server accepts them. The server accepts one per
   * turn of its event loop, so a burst of connections overflows the JDK's default of 50, and every
   * connection refused that way waits a second for its SYN to be sent again.
   */
  static final int BACKLOG = 1024;

  /** The most requests read or answered at once, one thread each. */
  static final int MAX_REQUESTS_IN_PROGRESS = 1000;

  /** Threads above the core ones end after this long without work. */
  private static final long IDLE_THREAD_SECONDS = 30;

  /** At most one warning about a full pool every this many nanoseconds. */
  private static final long WARNING_INTERVAL = TimeUnit.SECONDS.toNanos(10);

  private ServerLimits() {}

  /** Sets the JDK server's timeouts; before the first server of the JVM is created. */
  static void apply(Duration requestTimeout) {
    String seconds = Long.toString(Math.max(1, requestTimeout.toSeconds()));
    System.setProperty("sun.net.httpserver.maxReqTime", seconds);
    System.setProperty("sun.net.httpserver.maxRspTime", seconds);
  }

  /**
   * Worker threads for the server: {@code core} kept, more made when all are busy (a request never
   * waits in a queue behind slow ones), up to {@link #MAX_REQUESTS_IN_PROGRESS}; past that the
   * server closes the new connection.
   */
  static ExecutorService executor(int core, ThreadFactory threads) {
    AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL);
    return new ThreadPoolExecutor(
        core,
        MAX_REQUESTS_IN_PROGRESS,
        IDLE_THREAD_SECONDS,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        threads,
        (task, pool) -> {
          long now = System.nanoTime();
          long last = lastWarning.get();
          if (now - last >= WARNING_INTERVAL && lastWarning.compareAndSet(last, now)) {
            System.err.println(
                "jcors serve: "
                    + MAX_REQUESTS_IN_PROGRESS
                    + " requests in progress at once (slow or many clients); closing new"
                    + " connections until some end");
          }
          // The JDK server closes the connection when its executor refuses the exchange.
          throw new RejectedExecutionException("all " + MAX_REQUESTS_IN_PROGRESS + " busy");
        });
  }
}
