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

  /** Creates the table {@code cors_origins (origin TEXT)} and inserts these origins. */
  public void createOriginTable(String... origins) {
    run("CREATE TABLE cors_origins (origin TEXT)");
    for (String origin : origins) {
      insert(origin);
    }
  }

  /**
   * Drops {@code cors_origins} if it is there and creates it again, as {@code (origin text PRIMARY
   * KEY)}, with these origins: a fresh table on a database that outlives one test.
   */
  public void recreateOriginTable(String... origins) {
    run("DROP TABLE IF EXISTS cors_origins");
    run("CREATE TABLE cors_origins (origin text PRIMARY KEY)");
    for (String origin : origins) {
      insert(origin);
    }
  }

  public void insert(String origin) {
    run("INSERT INTO cors_origins (origin) VALUES (?)", origin);
  }

  public void delete(String origin) {
    run("DELETE FROM cors_origins WHERE origin = ?", origin);
  }
}
