package io.jcors.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a CORS configuration into a policy, with every problem placed where it is written: JSON and
 * YAML files ({@code .json}, {@code .yaml}, {@code .yml}; another name is read as JSON when it
 * starts with <code>{</code>, else as YAML), {@code .properties} files, and flat key/value maps
 * such as a servlet filter's init-params; each from a file path or a class-path resource ({@code
 * classpath:cors.yaml}).
 *
 * <pre>{@code
 * CorsPolicy policy = ConfigReader.read("classpath:cors.yaml", OriginSources.none()).policy();
 * }</pre>
 *
 * <p>The file format is the one of {@code jcors serve} and {@code jcors lint}: either one options
 * object with the Express option names, or {@code routes}. A flat map writes the same tree as keys:
 * {@code origin=https://a.example,https://*.b.example}, {@code methods=GET,POST}, {@code
 * routes[0].path=/api/**}, {@code routes[0].cors.credentials=true}, {@code routes[1].cors={}}.
 *
 * <p>Input is bounded: a file or resource of more than 1 MiB is refused, and so are YAML anchors
 * and aliases (the parser would hand an alias's name over as text), keys written twice, and list
 * indexes of a flat map from {@value FlatConfig#MAX_ENTRIES} on. Nothing here throws for the
 * content of a configuration: see {@link LoadedConfig#problems()}.
 */
public final class ConfigReader {
  /** The prefix of a location on the class path: {@code classpath:cors.yaml}. */
  public static final String CLASSPATH = "classpath:";

  private ConfigReader() {}

  /**
   * Reads the configuration at {@code location}: {@code classpath:NAME}, a resource of the thread's
   * context class loader (else of this library's), or the path of a file.
   */
  public static LoadedConfig read(String location, OriginSources sources) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return read(location, loader == null ? ConfigReader.class.getClassLoader() : loader, sources);
  }

  /**
   * Reads the configuration at {@code location}: {@code classpath:NAME}, a resource of {@code
   * loader} ({@code classpath:cors.yaml} is {@code src/main/resources/cors.yaml} in a Maven or
   * Gradle project), or the path of a file.
   */
  public static LoadedConfig read(String location, ClassLoader loader, OriginSources sources) {
    if (!location.startsWith(CLASSPATH)) {
      try {
        return read(Path.of(location), sources);
      } catch (InvalidPathException e) {
        return LoadedConfig.unreadable(
            location,
            new ConfigFileException(location, null, "is not a file path: " + e.getReason()));
      }
    }
    String name = location.substring(CLASSPATH.length());
    while (name.startsWith("/")) {
      name = name.substring(1); // ClassLoader names have no leading slash
    }
    URL resource = name.isEmpty() ? null : loader.getResource(name);
    if (resource == null) {
      return LoadedConfig.unreadable(
          location,
          new ConfigFileException(
              location,
              null,
              "no such resource on the class path; put "
                  + (name.isEmpty() ? "the file" : name)
                  + " at the root of the class path (src/main/resources in a Maven or Gradle"
                  + " project), or name a file"));
    }
    try (InputStream in = resource.openStream()) {
      return read(location, in, sources);
    } catch (IOException e) {
      return LoadedConfig.unreadable(
          location, new ConfigFileException(location, null, "cannot be read: " + e.getMessage()));
    }
  }

  /** Reads {@code file}, named in problems as given. */
  public static LoadedConfig read(Path file, OriginSources sources) {
    String name = file.toString();
    try {
      return parse(name, ConfigFile.bytes(file), sources);
    } catch (ConfigFileException e) {
      return LoadedConfig.unreadable(name, e);
    }
  }

  /**
   * Reads the configuration in {@code in} (not closed), named {@code name}: its format is that of
   * the name ({@code cors.json}, {@code /WEB-INF/cors.yaml}).
   */
  public static LoadedConfig read(String name, InputStream in, OriginSources sources) {
    try {
      return parse(name, ConfigFile.bytes(name, in), sources);
    } catch (ConfigFileException e) {
      return LoadedConfig.unreadable(name, e);
    } catch (IOException e) {
      return LoadedConfig.unreadable(
          name, new ConfigFileException(name, null, "cannot be read: " + e.getMessage()));
    }
  }

  /**
   * Reads a flat key/value configuration, in the order of {@code entries}, named {@code name} in
   * problems ({@code filter cors}); each problem is placed at its key.
   */
  public static LoadedConfig readMap(
      String name, Map<String, String> entries, OriginSources sources) {
    return LoadedConfig.of(name, FlatConfig.read(entries), sources);
  }

  private static LoadedConfig parse(String name, byte[] bytes, OriginSources sources)
      throws ConfigFileException {
    String content = ConfigFile.text(name, bytes);
    if (name.toLowerCase(Locale.ROOT).endsWith(".properties")) {
      return properties(name, content, sources);
    }
    return LoadedConfig.of(
        name, ConfigFile.parse(name, content, ConfigFile.Format.of(name, content)), sources);
  }

  /** A {@code .properties} file: its keys in order of their names, a key written twice refused. */
  private static LoadedConfig properties(String name, String content, OriginSources sources)
      throws ConfigFileException {
    List<String> twice = new ArrayList<>();
    Properties properties = new DuplicateCheckingProperties(twice);
    try {
      properties.load(new StringReader(content));
    } catch (IllegalArgumentException | IOException e) {
      throw new ConfigFileException(
          name, null, "is not a valid properties file: " + e.getMessage());
    }
    if (!twice.isEmpty()) {
      throw new ConfigFileException(
          name,
          null,
          "writes the key "
              + io.jcors.CorsProblem.quote(twice.get(0))
              + " twice; Properties keeps only the last value: remove one of them");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String key : new TreeMap<>(toStrings(properties)).keySet()) {
      entries.put(key, properties.getProperty(key));
    }
    return readMap(name, entries, sources);
  }

  private static Map<String, String> toStrings(Properties properties) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      strings.put(key, properties.getProperty(key));
    }
    return strings;
  }

  /** Properties that note each key given twice: {@link Properties#load} keeps the last silently. */
  private static final class DuplicateCheckingProperties extends Properties {
    private static final long serialVersionUID = 1L;

    private final transient List<String> twice;

    DuplicateCheckingProperties(List<String> twice) {
      this.twice = twice;
    }

    @Override
    public synchronized Object put(Object key, Object value) {
      if (containsKey(key)) {
        twice.add(String.valueOf(key));
      }
      return super.put(key, value);
    }
  }
}
