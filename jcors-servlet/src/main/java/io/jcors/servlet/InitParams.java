package io.jcors.servlet;

import io.jcors.CorsPolicy;
import io.jcors.config.ConfigException;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.OriginSources;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a filter's init-params into a policy, through jcors-config: either the options as
 * init-params (the flat keys of {@link ConfigReader#readMap}: {@code origin}, {@code methods},
 * {@code routes[0].path}, ...), or {@code config} naming a config file ({@code
 * classpath:cors.yaml}, a file path, or a resource of the web application such as {@code
 * /WEB-INF/cors.json}). Origin sources ({@code "origin": {"jdbc": {...}}}) are those found in the
 * web application's class loader.
 */
final class InitParams {
  static final String CONFIG = "config";

  private InitParams() {}

  /**
   * The policy of a filter, and the origin sources opened to serve it (the refresh of origins read
   * from a database), to {@link #stop()} when the filter is destroyed.
   */
  static final class Configured {
    final CorsPolicy policy;
    private final OriginSources sources;

    Configured(CorsPolicy policy, OriginSources sources) {
      this.policy = policy;
      this.sources = sources;
    }

    void stop() {
      sources.close();
    }
  }

  static Configured policy(FilterConfig config) throws ServletException {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      params.put(name, config.getInitParameter(name).trim());
    }
    String where = "filter " + config.getFilterName();
    if (params.containsKey(CONFIG) && params.size() > 1) {
      params.remove(CONFIG);
      throw new ServletException(
          where
              + ": init-param config names a file, and the options "
              + params.keySet()
              + " are init-params too; keep one of the two");
    }
    ClassLoader loader = loader(config.getServletContext());
    OriginSources sources;
    try {
      sources = OriginSources.open(loader);
    } catch (IllegalStateException e) {
      throw new ServletException(where + ": " + e.getMessage(), e);
    }
    try {
      LoadedConfig loaded =
          params.containsKey(CONFIG)
              ? file(params.get(CONFIG), config.getServletContext(), loader, sources, where)
              : ConfigReader.readMap(where, params, sources);
      return new Configured(loaded.policy(), sources);
    } catch (ConfigException e) {
      close(sources, e); // a list that did start (and another option is wrong) stops refreshing
      // The message lists every problem; the cause keeps them as values (problems()).
      String message = e.getMessage();
      throw new ServletException(message.startsWith(where) ? message : where + ": " + message, e);
    } catch (ServletException | RuntimeException | Error e) {
      close(sources, e);
      throw e;
    }
  }

  /** The web application's class loader: its classes, {@code WEB-INF/lib} and what it sees. */
  private static ClassLoader loader(ServletContext context) {
    ClassLoader loader = context == null ? null : context.getClassLoader();
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader == null ? InitParams.class.getClassLoader() : loader;
  }

  /**
   * The config file at {@code location}: {@code classpath:NAME}, a file, or a resource of the web
   * application ({@code /WEB-INF/cors.json}, packed or not).
   */
  private static LoadedConfig file(
      String location,
      ServletContext context,
      ClassLoader loader,
      OriginSources sources,
      String where)
      throws ServletException {
    if (location.startsWith(ConfigReader.CLASSPATH) || isFile(location)) {
      return ConfigReader.read(location, loader, sources);
    }
    String resource = location.startsWith("/") ? location : "/" + location;
    InputStream in = context == null ? null : context.getResourceAsStream(resource);
    if (in == null) {
      throw new ServletException(
          where
              + ": init-param config names "
              + location
              + ", which is neither a file nor a resource of the web application; for a file in"
              + " the application's jar or WEB-INF/classes, write classpath:"
              + (location.startsWith("/") ? location.substring(1) : location));
    }
    try (in) {
      return ConfigReader.read(resource, in, sources);
    } catch (IOException e) {
      throw new ServletException(where + ": cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static boolean isFile(String location) {
    try {
      return Files.exists(Path.of(location));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static void close(OriginSources sources, Throwable failure) {
    try {
      sources.close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
