package io.jcors.jdbc;

import io.jcors.OriginSourceProvider;
import java.util.List;
import java.util.Map;

/**
 * The {@code jdbc} key of config files, {@code "origin": {"jdbc": {...}}}, for {@link
 * java.util.ServiceLoader}: with jcors-jdbc on the class path (or module path), every config reader
 * (jcors-config, and through it the servlet filter and the {@code jcors} command) reads origins
 * from a database, without naming this module.
 *
 * <pre>{@code
 * OriginSourceProvider jdbc =
 *     ServiceLoader.load(OriginSourceProvider.class).stream()
 *         .map(ServiceLoader.Provider::get)
 *         .filter(provider -> provider.key().equals("jdbc"))
 *         .findFirst()
 *         .orElseThrow();
 * }</pre>
 */
public final class JdbcOriginSourceProvider implements OriginSourceProvider {
  /** Made by the service loader. */
  public JdbcOriginSourceProvider() {}

  /** {@code jdbc}. */
  @Override
  public String key() {
    return "jdbc";
  }

  /** A new {@link JdbcOriginSource}: its lists load and refresh until it is closed. */
  @Override
  public Source open() {
    return new JdbcOriginSource();
  }

  /** As {@link JdbcOriginSource#validate(Map)}. */
  @Override
  public void check(Map<String, ?> settings) {
    JdbcOriginSource.validate(settings);
  }

  /** As {@link JdbcOriginSource#readOnce(Map)}. */
  @Override
  public List<String> readOnce(Map<String, ?> settings) throws Exception {
    return JdbcOriginSource.readOnce(settings);
  }
}
