package io.jcors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A real data source that records when each connection was asked for (System.nanoTime). */
final class CountingDataSource extends ForwardingDataSource {
  private final List<Long> attempts = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  List<Long> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public Connection getConnection() throws SQLException {
    attempts.add(System.nanoTime());
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    attempts.add(System.nanoTime());
    return delegate.getConnection(username, password);
  }
}
