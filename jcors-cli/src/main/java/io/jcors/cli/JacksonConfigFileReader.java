package io.jcors.cli;

import io.jcors.ConfigFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@link ConfigFileReader} of JSON ({@code .json}) and YAML ({@code .yaml}, {@code .yml})
 * config files, with the parser that {@code jcors serve} and {@code jcors lint} use. Found through
 * {@link java.util.ServiceLoader} when {@code jcors-cli} is on the class path or module path: the
 * servlet filter's {@code config} init-param reads its file with it.
 *
 * <p>A file that is not valid JSON or YAML, is not an object, or writes a key twice in one object
 * is refused with a message naming the file, the line and the column.
 */
public final class JacksonConfigFileReader implements ConfigFileReader {
  /** Made by the service loader. */
  public JacksonConfigFileReader() {}

  @Override
  public boolean reads(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String lower = name.toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException when the file is missing or cannot be read
   * @throws IllegalArgumentException when it is empty, not UTF-8, not valid JSON or YAML, not an
   *     object, or writes a key twice; the message starts with {@code file:line:column} when it is
   *     about a place in the file
   */
  @Override
  public Map<String, ?> read(Path file) throws IOException {
    ConfigFile config;
    try {
      config = ConfigFile.read(file);
    } catch (ConfigFileException e) {
      if (e.location() == null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
        throw new IOException(e.getMessage(), e);
      }
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!config.duplicates().isEmpty()) {
      StringJoiner message = new StringJoiner("; ");
      for (ConfigFile.DuplicateKey duplicate : config.duplicates()) {
        message.add(
            config.name()
                + ":"
                + duplicate.location()
                + ": "
                + duplicate.option()
                + " is written twice in the same object (first at "
                + duplicate.first()
                + "); remove one of them");
      }
      throw new IllegalArgumentException(message.toString());
    }
    return config.tree();
  }
}
