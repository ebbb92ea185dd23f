package io.jcors.spring.boot;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.OriginSourceProvider;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The origin source that {@code jcors.origin.jdbc.*} and a {@code jcors.config} file's {@code
 * {"jdbc": ...}} name, made from the application's beans (its {@code DataSource}) when a
 * configuration first names it, so that an application without one never has its {@code DataSource}
 * created early; closed, with every list it started, when the application stops.
 */
final class OriginSourceBeans implements AutoCloseable {
  private final String key;
  private final Supplier<OriginSourceProvider.Source> make;
  private OriginSourceProvider.Source made;

  OriginSourceBeans(String key, Supplier<OriginSourceProvider.Source> make) {
    this.key = key;
    this.make = make;
  }

  /** The source by its key, as {@link CorsConfig#read(Map, Map)} takes it. */
  Map<String, CorsConfig.OriginSource> byKey() {
    return Map.of(
        key,
        new CorsConfig.OriginSource() {
          @Override
          public OriginResolver create(Map<String, ?> settings) {
            return source().create(settings);
          }

          @Override
          public OriginResolver create(
              Map<String, ?> settings, boolean credentials, boolean strict) {
            return source().create(settings, credentials, strict);
          }
        });
  }

  private synchronized OriginSourceProvider.Source source() {
    if (made == null) {
      made = make.get();
    }
    return made;
  }

  @Override
  public synchronized void close() {
    if (made != null) {
      made.close();
    }
  }
}
