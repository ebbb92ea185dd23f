package io.jcors.cli;

import io.jcors.CorsConfig;
import java.util.Map;

/**
 * The origin sources a config file may name as {@code "origin": {"<kind>": {settings}}}, by kind. A
 * new kind (a JDBC table of origins, for instance) is registered here, and every command that reads
 * a config file can use it.
 */
final class OriginSources {
  private OriginSources() {}

  /** Every origin source the command line offers. */
  static Map<String, CorsConfig.OriginSource> all() {
    return Map.of();
  }
}
