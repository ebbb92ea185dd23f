package io.jcors.cli;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.jdbc.JdbcOriginSource;
import java.util.ArrayList;
import java.util.List;
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
    return checkedOnly(new ArrayList<>());
  }

  /**
   * Sources that check their settings without connecting, and add to {@code seen} each {@code jdbc}
   * source whose settings are right, with the options of its route, so that {@code lint} can read
   * its rows afterwards.
   */
  static Map<String, CorsConfig.OriginSource> checkedOnly(List<Seen> seen) {
    return Map.of(
        "jdbc",
        new CorsConfig.OriginSource() {
          @Override
          public OriginResolver create(Map<String, ?> settings) {
            return create(settings, false, false);
          }

          @Override
          public OriginResolver create(
              Map<String, ?> settings, boolean credentials, boolean strict) {
            JdbcOriginSource.validate(settings);
            seen.add(new Seen(settings, credentials, strict));
            return NOT_CONNECTED;
          }
        });
  }

  /**
   * A {@code jdbc} source of a config file: its settings (the very map of the file's tree) and the
   * {@code credentials} and {@code strict} of its route.
   */
  record Seen(Map<String, ?> settings, boolean credentials, boolean strict) {}

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
