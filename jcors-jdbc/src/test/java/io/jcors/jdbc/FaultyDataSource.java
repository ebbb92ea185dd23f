package io.jcors.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real data source with faults at its edge, as a driver can show them: {@link #fail} makes the
 * next connections throw (an {@link Error} included), {@link #stick} makes queries hang, ignoring
 * {@code cancel()} and interrupts, until {@link #release()}.
 */
final class FaultyDataSource extends ForwardingDataSource {
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger stuck = new AtomicInteger();
  private volatile Throwable failure;
  private volatile boolean sticking;

  FaultyDataSource(DataSource delegate) {
    super(delegate);
  }

  /** Every next connection throws {@code failure}; null to stop. */
  void fail(Throwable failure) {
    this.failure = failure;
  }

  /** Whether the queries of the next connections hang. */
  void stick(boolean sticking) {
    this.sticking = sticking;
  }

  /** How many queries are hanging now. */
  int stuck() {
    return stuck.get();
  }

  /** Lets every hanging query go on. */
  void release() {
    released.countDown();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Throwable f = failure;
    if (f instanceof Error) {
      throw (Error) f;
    }
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
    if (f instanceof SQLException) {
      throw (SQLException) f;
    }
    Connection connection = delegate.getConnection();
    return sticking ? sticky(connection) : connection;
  }

  private Connection sticky(Connection connection) {
    return proxy(
        Connection.class,
        connection,
        (self, method, args) -> {
          Object result = invoke(method, connection, args);
          return result instanceof Statement ? sticky((Statement) result) : result;
        });
  }

  private Statement sticky(Statement statement) {
    return proxy(
        Statement.class,
        statement,
        (self, method, args) -> {
          if (method.getName().equals("cancel")) {
            return null; // a stuck driver does not cancel
          }
          if (method.getName().startsWith("execute")) {
            hang();
          }
          return invoke(method, statement, args);
        });
  }

  /** Hangs until released (at most a minute), deaf to interrupts. */
  private void hang() {
    stuck.incrementAndGet();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    try {
      while (System.nanoTime() < end) {
        try {
          if (released.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          // deaf: a driver stuck in native code or a socket read does not see interrupts
        }
      }
    } finally {
      stuck.decrementAndGet();
    }
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }
}
