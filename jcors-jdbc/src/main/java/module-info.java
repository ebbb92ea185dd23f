/**
 * jcors origins from a database: the allowed origins of a policy read from any JDBC data source,
 * refreshed in the background, matched from an immutable snapshot.
 */
module io.jcors.jdbc {
  requires transitive io.jcors;
  requires transitive java.sql;

  exports io.jcors.jdbc;

  // "origin": {"jdbc": {...}} in every config reader, found by its key.
  provides io.jcors.OriginSourceProvider with
      io.jcors.jdbc.JdbcOriginSourceProvider;
}
