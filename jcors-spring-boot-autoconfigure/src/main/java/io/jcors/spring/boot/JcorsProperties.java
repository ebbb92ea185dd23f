package io.jcors.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jcors.*} properties: one policy for every path (the options of {@link
 * JcorsOptionsProperties} directly under {@code jcors}), per-path policies ({@code
 * jcors.routes[i].path} and {@code jcors.routes[i].cors.*}, the first matching route wins), or a
 * config file ({@code jcors.config}).
 *
 * <pre>{@code
 * jcors:
 *   routes:
 *     - path: /api/**
 *       cors:
 *         origin: https://app.example.com
 *         credentials: true
 *     - path: /internal/**   # no cors: no CORS headers
 * }</pre>
 *
 * <p>With no {@code jcors.*} property at all, the starter adds no filter and nothing changes.
 */
@ConfigurationProperties("jcors")
public class JcorsProperties extends JcorsOptionsProperties {
  /** Whether the jcors filter is registered at all; false turns it off whatever else is set. */
  private boolean enabled = true;

  /**
   * A JSON, YAML or properties config file with the whole configuration, instead of the other
   * jcors.* properties: a file path, classpath:cors.yaml or file:/etc/cors.json. Read by
   * io.jcors:jcors-config, as jcors lint reads it.
   */
  private String config;

  /**
   * Per-path policies, tried in order; the first route whose path matches wins, and a request that
   * matches none gets no CORS headers. Each route has a path (exact, /products, or a prefix,
   * /api/**) and cors, the options of that route (the same names as under jcors); a route without
   * cors has no CORS.
   */
  private List<Route> routes = new ArrayList<>();

  /** Nothing set. */
  public JcorsProperties() {}

  /** Whether the filter is on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Turns the filter on or off. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The config file, or null. */
  public String getConfig() {
    return config;
  }

  /** Sets the config file. */
  public void setConfig(String config) {
    this.config = config;
  }

  /** The routes, in order. */
  public List<Route> getRoutes() {
    return routes;
  }

  /** Sets the routes. */
  public void setRoutes(List<Route> routes) {
    this.routes = routes;
  }

  /** One per-path policy: {@code jcors.routes[i].path} and {@code jcors.routes[i].cors.*}. */
  public static class Route {
    /** The path: exact (/products) or a prefix (/api/**, and /** for every path). */
    private String path;

    /** The options of this route; left out, the route has no CORS. */
    private JcorsOptionsProperties cors;

    /** A route with no path yet. */
    public Route() {}

    /** The path, as written. */
    public String getPath() {
      return path;
    }

    /** Sets the path. */
    public void setPath(String path) {
      this.path = path;
    }

    /** The options, or null for no CORS on this route. */
    public JcorsOptionsProperties getCors() {
      return cors;
    }

    /** Sets the options of this route. */
    public void setCors(JcorsOptionsProperties cors) {
      this.cors = cors;
    }
  }
}
