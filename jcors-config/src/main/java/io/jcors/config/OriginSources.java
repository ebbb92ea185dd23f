package io.jcors.config;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.OriginSourceProvider;
import io.jcors.Origins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The origin sources a configuration may name, {@code "origin": {"<key>": {settings}}} or among the
 * entries of an {@code origin} list: the {@code file} source of jcors-config itself ({@code
 * {"file": "tenants.txt"}}, the origins listed in a file), and every {@link OriginSourceProvider}
 * found with {@link ServiceLoader}, by its key ({@code jdbc} when jcors-jdbc is on the class path).
 * Adding a source is adding its jar.
 *
 * <pre>{@code
 * try (OriginSources sources = OriginSources.open(getClass().getClassLoader())) {
 *   CorsPolicy policy = ConfigReader.read("classpath:cors.yaml", sources).policy();
 *   serve(policy); // origin lists from a database refresh until the sources are closed
 * }
 * }</pre>
 *
 * <p>A key that no provider has is a problem of the configuration naming the keys there are; for
 * the sources of jcors itself, it names the artifact to add.
 */
public final class OriginSources implements AutoCloseable {
  /** The sources of jcors itself, for the message when one is named but missing. */
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "jdbc",
          "reads the origins from a database, which needs io.jcors:jcors-jdbc; it is not on the"
              + " class path: add it to the application, with the JDBC driver of the database");

  /** What a checked source stands for: a tool that only reads a config never asks it. */
  private static final OriginResolver NOT_CONNECTED =
      requestOrigin -> CompletableFuture.completedFuture(Origins.none());

  private final Map<String, OriginSourceProvider> providers;
  private final Map<String, CorsConfig.OriginSource> sources;
  private final List<OriginSourceProvider.Source> opened;
  private final List<Checked> checked = Collections.synchronizedList(new ArrayList<>());

  private OriginSources(
      Map<String, OriginSourceProvider> providers, boolean connect, boolean searched) {
    this.providers = providers;
    Map<String, CorsConfig.OriginSource> byKey = new LinkedHashMap<>();
    List<OriginSourceProvider.Source> open = new ArrayList<>();
    for (Map.Entry<String, OriginSourceProvider> provider : providers.entrySet()) {
      String key = provider.getKey();
      if (connect) {
        OriginSourceProvider.Source source = provider.getValue().open();
        open.add(source);
        byKey.put(key, source);
      } else {
        byKey.put(key, checkOnly(key, provider.getValue()));
      }
    }
    for (Map.Entry<String, String> missing :
        searched ? ARTIFACTS.entrySet() : Set.<Map.Entry<String, String>>of()) {
      String reason = missing.getValue();
      byKey.putIfAbsent(
          missing.getKey(),
          settings -> {
            throw new IllegalArgumentException(reason);
          });
    }
    this.sources = Collections.unmodifiableMap(byKey);
    this.opened = List.copyOf(open);
  }

  /**
   * The given sources, by key, made by the application itself (a {@code jdbc} source over its
   * connection pool) rather than found on the class path; a key not given is refused as for {@link
   * #none()}. Closing this closes none of them: they belong to the caller.
   *
   * <pre>{@code
   * CorsConfig.OriginSource partners =
   *     settings -> origin -> CompletableFuture.completedFuture(Origins.of("https://partner.example.com"));
   * LoadedConfig config =
   *     ConfigReader.readMap(
   *         "filter cors", Map.of("origin.partners.region", "eu"), OriginSources.of(Map.of("partners", partners)));
   * }</pre>
   */
  public static OriginSources of(Map<String, CorsConfig.OriginSource> sources) {
    return new OriginSources(Map.copyOf(sources));
  }

  private OriginSources(Map<String, CorsConfig.OriginSource> given) {
    this.providers = Map.of();
    this.sources = given;
    this.opened = List.of();
  }

  /** No origin source: a configuration that names one is refused. */
  public static OriginSources none() {
    return new OriginSources(Map.of(), false, false);
  }

  /**
   * The sources found by {@code loader}, connected: each origin list a configuration names loads
   * and refreshes until {@link #close()}. For applications and servers.
   *
   * @throws IllegalStateException when two providers have one key, or one cannot be loaded
   */
  public static OriginSources open(ClassLoader loader) {
    return new OriginSources(providers(loader), true, true);
  }

  /**
   * The sources found by {@code loader}, checking their settings without connecting: wrong settings
   * are problems of the configuration, a database that is down is not. Each source with right
   * settings is kept in {@link #checked()}. For tools that read a config without serving it.
   *
   * @throws IllegalStateException when two providers have one key, or one cannot be loaded
   */
  public static OriginSources checkOnly(ClassLoader loader) {
    return new OriginSources(providers(loader), false, true);
  }

  /** The keys of the sources found, in order. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new TreeMap<>(providers).keySet());
  }

  /**
   * An origin source of a configuration whose settings were checked ({@link #checkOnly}).
   *
   * @param key the source's key, {@code jdbc}
   * @param settings its settings: the very map of the configuration's tree
   * @param credentials the {@code credentials} of its route
   * @param strict the {@code strict} of its route
   */
  public record Checked(String key, Map<String, ?> settings, boolean credentials, boolean strict) {}

  /** The sources whose settings were checked, in the order of the configuration. */
  public List<Checked> checked() {
    synchronized (checked) {
      return List.copyOf(checked);
    }
  }

  /**
   * Reads the entries of a checked source once, on the calling thread, within its bounds: what a
   * linter reports about the rows a database holds.
   *
   * @throws Exception why they could not be read
   */
  public List<String> readOnce(Checked source) throws Exception {
    OriginSourceProvider provider = providers.get(source.key());
    if (provider == null) {
      throw new IllegalArgumentException("no origin source has the key " + source.key());
    }
    return provider.readOnce(source.settings());
  }

  /**
   * An entry of a checked source as read: its text, and where it is written when the source is a
   * file.
   *
   * @param value the entry, stripped of surrounding white space
   * @param file the file that holds it, as the configuration names it; null for a table's row
   * @param line its line in {@code file}, from 1; 0 for a table's row
   */
  public record Entry(String value, String file, int line) {}

  /**
   * Reads the entries of a checked source once, as {@link #readOnce(Checked)} does, with the file
   * and line of each entry of a {@code file} source: what a linter reports at {@code
   * tenants.txt:4}.
   *
   * @throws Exception why they could not be read
   */
  public List<Entry> readEntries(Checked source) throws Exception {
    if (source.key().equals(FileOriginSourceProvider.KEY)
        && providers.get(source.key()) instanceof FileOriginSourceProvider) {
      String file = String.valueOf(source.settings().get("path"));
      return FileOriginSourceProvider.lines(source.settings()).stream()
          .map(line -> new Entry(line.value(), file, line.line()))
          .toList();
    }
    return readOnce(source).stream().map(row -> new Entry(row, null, 0)).toList();
  }

  /** The sources by key, for {@link CorsConfig#read(Map, Map)}. */
  Map<String, CorsConfig.OriginSource> byKey() {
    return sources;
  }

  /** Stops what the sources opened: the background refresh of every origin list. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (OriginSourceProvider.Source source : opened) {
      try {
        source.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private CorsConfig.OriginSource checkOnly(String key, OriginSourceProvider provider) {
    return new CorsConfig.OriginSource() {
      @Override
      public OriginResolver create(Map<String, ?> settings) {
        return create(settings, false, false);
      }

      @Override
      public OriginResolver create(Map<String, ?> settings, boolean credentials, boolean strict) {
        provider.check(settings);
        checked.add(new Checked(key, settings, credentials, strict));
        return NOT_CONNECTED;
      }
    };
  }

  private static Map<String, OriginSourceProvider> providers(ClassLoader loader) {
    Map<String, OriginSourceProvider> found = new LinkedHashMap<>();
    // The file source is jcors-config's own: every reader of config files has it.
    found.put(FileOriginSourceProvider.KEY, new FileOriginSourceProvider());
    try {
      for (OriginSourceProvider provider : ServiceLoader.load(OriginSourceProvider.class, loader)) {
        OriginSourceProvider other = found.putIfAbsent(provider.key(), provider);
        // The same provider twice (its jar in the application and in the server) is one source.
        if (other != null && !other.getClass().getName().equals(provider.getClass().getName())) {
          throw new IllegalStateException(
              "two origin sources have the key "
                  + provider.key()
                  + ": "
                  + other.getClass().getName()
                  + " and "
                  + provider.getClass().getName()
                  + "; remove one of their jars from the class path");
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("an origin source cannot be loaded: " + e.getMessage(), e);
    }
    return found;
  }
}
