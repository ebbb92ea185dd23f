package io.jcors.spring.boot;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginOption;
import io.jcors.Origins;
import io.jcors.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.ClassUtils;

/**
 * The Actuator endpoint {@code jcors} ({@code GET /actuator/jcors} once exposed with {@code
 * management.endpoints.web.exposure.include=jcors}): the policy the filter applies, route by route
 * (path, whether it has CORS, the origin option's kind, how many origins, credentials, strict), the
 * configuration warnings of startup, and for origins read from a database their row count, skipped
 * rows and last refresh. It shows the configuration, never a request: no origin a client sent.
 */
@Endpoint(id = "jcors")
public class JcorsEndpoint {
  /** How many skipped database rows are listed; the count is always given. */
  static final int LISTED_SKIPPED = 20;

  private static final boolean JDBC =
      ClassUtils.isPresent("io.jcors.jdbc.JdbcOrigins", JcorsEndpoint.class.getClassLoader());

  private final ObjectProvider<CorsPolicy> policy;
  private final ObjectProvider<StartupWarnings> warnings;

  JcorsEndpoint(ObjectProvider<CorsPolicy> policy, ObjectProvider<StartupWarnings> warnings) {
    this.policy = policy;
    this.warnings = warnings;
  }

  /**
   * The active policy: {@code enabled} (whether a policy is applied), {@code strict} (every route
   * with CORS is strict), {@code warnings} and {@code routes}.
   */
  @ReadOperation
  public Map<String, Object> policy() {
    Map<String, Object> report = new LinkedHashMap<>();
    CorsPolicy active = policy.getIfUnique();
    StartupWarnings startup = warnings.getIfAvailable();
    List<Map<String, Object>> routes = new ArrayList<>();
    boolean strict = active != null;
    if (active != null) {
      for (Route route : active.routes()) {
        Map<String, Object> shown = route(route);
        routes.add(shown);
        if (Boolean.FALSE.equals(shown.get("strict"))) {
          strict = false;
        }
      }
    }
    report.put("enabled", active != null);
    report.put("strict", strict);
    report.put("warnings", startup == null ? List.of() : startup.all());
    report.put("routes", routes);
    return report;
  }

  private static Map<String, Object> route(Route route) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("path", route.path());
    CorsOptions options = route.options();
    if (options == null) {
      // No CORS, or options computed per request: nothing more is known ahead.
      boolean none = route.policy().routes().isEmpty();
      shown.put("cors", !none);
      if (!none) {
        shown.put("origin", "options function");
      }
      return shown;
    }
    shown.put("cors", true);
    OriginOption origin = options.origin();
    if (origin instanceof Origins origins) {
      shown.put("origin", origins.kind().name().toLowerCase(Locale.ROOT));
      if (origins.kind() == Origins.Kind.LIST) {
        shown.put("origins", origins.entries().size());
      } else if (origins.kind() == Origins.Kind.FIXED) {
        shown.put("origins", 1);
      }
    } else if (JDBC && Database.is(origin)) {
      shown.put("origin", "database");
      Database.describe(origin, shown);
    } else {
      shown.put("origin", "function");
    }
    shown.put("credentials", options.credentials());
    shown.put("strict", options.strict());
    return shown;
  }

  /** Origins read from a database (jcors-jdbc), loaded only when it is on the class path. */
  private static final class Database {
    private Database() {}

    static boolean is(OriginOption origin) {
      return origin instanceof io.jcors.jdbc.JdbcOrigins;
    }

    static void describe(OriginOption origin, Map<String, Object> shown) {
      io.jcors.jdbc.JdbcOrigins database = (io.jcors.jdbc.JdbcOrigins) origin;
      List<String> skipped = database.lastLoadSkipped();
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("rows", database.lastLoadSize() + skipped.size());
      source.put("skipped", skipped.size());
      source.put("skippedRows", skipped.subList(0, Math.min(skipped.size(), LISTED_SKIPPED)));
      source.put("lastRefresh", database.lastLoadTime().map(Object::toString).orElse(null));
      source.put("stale", database.isStale());
      // The kind of failure only: a driver's message may hold the URL or the user.
      source.put("lastError", database.lastError().map(e -> e.getClass().getName()).orElse(null));
      shown.put("origins", database.lastLoadSize());
      shown.put("database", source);
    }
  }
}
