package io.jcors.servlet;

import io.jcors.ConfigFileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A config file reader for tests, found through {@link java.util.ServiceLoader} as the CLI's JSON
 * and YAML reader is: reads {@code .properties} files, every value a string.
 */
public final class PropertiesConfigReader implements ConfigFileReader {
  /** Made by the service loader. */
  public PropertiesConfigReader() {}

  @Override
  public boolean reads(Path file) {
    return file.getFileName().toString().endsWith(".properties");
  }

  @Override
  public Map<String, ?> read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    Map<String, Object> tree = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> tree.put(name, properties.getProperty(name)));
    return tree;
  }
}
