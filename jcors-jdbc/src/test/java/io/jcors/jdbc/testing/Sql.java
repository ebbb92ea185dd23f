package io.jcors.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/** Runs statements against a test database. */
public final class Sql {
  private final String url;
  private final Properties properties = new Properties();

  public Sql(String url, String user) {
    this.url = url;
    if (user != null) {
      properties.setProperty("user", user);
    }
  }

  public void run(String sql, String... parameters) {
    try (Connection connection = DriverManager.getConnection(url, properties);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e, e);
    }
  }

  public void insert(String origin) {
    run("INSERT INTO cors_origins (origin) VALUES (?)", origin);
  }

  public void delete(String origin) {
    run("DELETE FROM cors_origins WHERE origin = ?", origin);
  }
}
