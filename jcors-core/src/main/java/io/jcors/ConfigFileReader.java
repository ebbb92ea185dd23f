package io.jcors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a config file (JSON, YAML, …) into the tree that {@link CorsConfig#read(Map)} takes. Found
 * with {@link java.util.ServiceLoader}: a module that can parse a format (the CLI, with Jackson)
 * provides one, and adapters that are given a file name (the servlet filter's {@code config}
 * init-param) look for a reader that {@link #reads(Path) reads} it.
 *
 * <pre>{@code
 * Path file = Path.of("cors.json");
 * for (ConfigFileReader reader : ServiceLoader.load(ConfigFileReader.class)) {
 *   if (reader.reads(file)) {
 *     CorsPolicy policy = CorsConfig.read(reader.read(file)).policy();
 *   }
 * }
 * }</pre>
 */
public interface ConfigFileReader {
  /**
   * Whether this reader understands {@code file}, judged by its name ({@code .json}, {@code
   * .yaml}).
   */
  boolean reads(Path file);

  /**
   * The configuration tree in {@code file}: maps, lists, strings, numbers and booleans.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not valid in its format; the message says
   *     where (line and column)
   */
  Map<String, ?> read(Path file) throws IOException;
}
