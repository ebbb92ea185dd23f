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
 * and YAML reader is: reads {@code .properties} files, every value a string; a key {@code
 * origin.jdbc.url} is written as nested objects, {@code {"origin": {"jdbc": {"url": ...}}}}.
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
    for (String name : properties.stringPropertyNames()) {
      Map<String, Object> object = tree;
      String[] path = name.split("\\.");
      for (int i = 0; i < path.length - 1; i++) {
        object = nested(object, path[i]);
      }
      object.put(path[path.length - 1], properties.getProperty(name));
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> object, String key) {
    return (Map<String, Object>) object.computeIfAbsent(key, k -> new TreeMap<String, Object>());
  }
}
