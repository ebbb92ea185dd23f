package io.jcors;

import java.util.List;
import java.util.Map;

/**
 * An origin source that config files name by its key, {@code "origin": {"<key>": {settings}}}
 * (jcors-jdbc provides {@code jdbc}). Found with {@link java.util.ServiceLoader}: a module that
 * reads origins from somewhere declares {@code provides io.jcors.OriginSourceProvider with ...} (or
 * lists its class in {@code META-INF/services/io.jcors.OriginSourceProvider}), and every reader of
 * config files can use it without naming it.
 *
 * <pre>{@code
 * Map<String, CorsConfig.OriginSource> sources = new HashMap<>();
 * for (OriginSourceProvider provider : ServiceLoader.load(OriginSourceProvider.class)) {
 *   sources.put(provider.key(), provider.open());
 * }
 * CorsPolicy policy = CorsConfig.read(tree, sources).policy();
 * }</pre>
 *
 * <p>This type is in the core, not in jcors-config, so that a source depends on the core alone
 * (jcors-jdbc needs nothing but the core and {@code java.sql}), and so that every integration that
 * binds options from its own configuration can use the sources too.
 */
public interface OriginSourceProvider {
  /**
   * The key that names this source in a config file: {@code jdbc} for {@code "origin": {"jdbc":
   * {...}}}. A short lower-case word; two providers with one key are a mistake of the class path.
   */
  String key();

  /**
   * A source that connects: each origin function it creates loads its entries and keeps them fresh
   * until the source is {@link Source#close() closed}.
   */
  Source open();

  /**
   * Checks {@code settings} without connecting, for tools that read a config without serving it.
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   */
  void check(Map<String, ?> settings);

  /**
   * Checks {@code settings}, then reads the entries once, on the calling thread, within the
   * source's own bounds: for tools that report what a source holds without serving it.
   *
   * @throws IllegalArgumentException naming every wrong setting and its fix
   * @throws Exception why the entries could not be read
   */
  List<String> readOnce(Map<String, ?> settings) throws Exception;

  /** An origin source that holds what it opened (connections, threads) until it is closed. */
  interface Source extends CorsConfig.OriginSource, AutoCloseable {
    /** Stops everything the origin functions of this source started. */
    @Override
    void close();
  }
}
