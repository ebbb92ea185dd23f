package io.jcors.cli;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.jdbc.JdbcOriginSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The origin sources a config file may name as {@code "origin": {"<kind>": {settings}}}, by kind:
 * {@code jdbc} (a database table of origins, {@link JdbcOriginSource}). A new kind is registered
 * here, in both forms, and every command that reads a config file can use it.
 */
final class OriginSources implements AutoCloseable {
  /** What a checked source stands for: {@code lint} never asks it for an origin. */
  private static final OriginResolver NOT_CONNECTED =
      requestOrigin -> CompletableFuture.completedFuture(Origins.none());

  private final JdbcOriginSource jdbc = new JdbcOriginSource();

  private OriginSources() {}

  /**
   * Sources that connect, for commands that serve a policy ({@code serve}): a {@code jdbc} origin
   * loads its list and keeps refreshing it until {@link #close()}.
   */
  static OriginSources open() {
    return new OriginSources();
  }

  /**
   * Sources that check their settings without connecting, for commands that only read a config
   * ({@code lint}): wrong settings are problems of the config, a database that is down is not.
   */
  static Map<String, CorsConfig.OriginSource> checkedOnly() {
    return Map.of(
        "jdbc",
        settings -> {
          JdbcOriginSource.validate(settings);
          return NOT_CONNECTED;
        });
  }

  /** The sources, by kind. */
  Map<String, CorsConfig.OriginSource> all() {
    return Map.of("jdbc", jdbc);
  }

  /** Stops the background refresh of every origin list these sources started. */
  @Override
  public void close() {
    jdbc.close();
  }
}
