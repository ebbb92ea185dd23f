package io.jcors.servlet;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.jdbc.JdbcOriginSource;
import java.util.Map;

/**
 * The {@code jdbc} origin source of config files, {@code "origin": {"jdbc": {...}}}. The only class
 * of this package that names a type of jcors-jdbc, an optional dependency: {@link InitParams} loads
 * it only after finding jcors-jdbc on the class path.
 */
final class JdbcSource implements CorsConfig.OriginSource, AutoCloseable {

  private final JdbcOriginSource source = new JdbcOriginSource();

  @Override
  public OriginResolver create(Map<String, ?> settings) {
    return source.create(settings);
  }

  /** Stops the background refresh of every origin list this source started. */
  @Override
  public void close() {
    source.close();
  }
}
