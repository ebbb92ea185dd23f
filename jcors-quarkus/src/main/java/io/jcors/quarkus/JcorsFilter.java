package io.jcors.quarkus;

import io.jcors.CorsPolicy;
import io.jcors.config.PropertyProblem;
import io.quarkus.arc.All;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Registers the application's {@link CorsHandler} as a route filter when Quarkus sets up its HTTP
 * routes: the policy of the application's {@code CorsPolicy} bean if it has one, else that of the
 * {@code jcors.*} properties, checked then, so that an invalid configuration stops the application
 * before it serves a request. No policy: nothing registered, and one log line saying so.
 */
@Singleton
class JcorsFilter {
  private static final Logger LOG = Logger.getLogger(JcorsFilter.class);

  @Inject Config config;

  @Inject Instance<CorsPolicy> policies;

  @Inject @All List<JcorsCustomizer> customizers;

  void register(@Observes Filters filters) {
    CorsPolicy policy = policy();
    if (policy == null) {
      return;
    }
    warnAboutQuarkusCors();
    filters.register(new CorsHandler(policy), CorsHandler.PRIORITY);
  }

  private CorsPolicy policy() {
    Map<String, String> properties = ApplicationProperties.read(config);
    if ("false"
        .equalsIgnoreCase(properties.getOrDefault(ApplicationProperties.ENABLED, "").trim())) {
      LOG.info("jcors: jcors.enabled=false, so no CORS filter: responses get no CORS headers");
      return null;
    }
    if (policies.isResolvable()) {
      if (ApplicationProperties.configured(properties)) {
        LOG.warn(
            "jcors: the application's CorsPolicy bean is applied; the jcors.* properties "
                + properties.keySet()
                + " are not read (remove them, or the bean)");
      }
      return policies.get();
    }
    if (!policies.isUnsatisfied()) {
      throw new JcorsConfigurationException(
          "CDI beans",
          List.of(
              new PropertyProblem(
                  "CorsPolicy",
                  null,
                  "has several beans, so jcors cannot tell which one to apply",
                  "keep one CorsPolicy bean, or mark one @Default and the others with a"
                      + " qualifier")));
    }
    if (!ApplicationProperties.configured(properties)) {
      LOG.info(
          "jcors: no jcors.* properties and no CorsPolicy bean, so no CORS filter: responses get"
              + " no CORS headers (set jcors.origin to allow a site, see docs/quarkus.md)");
      return null;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return ApplicationProperties.policy(
        properties, customizers, loader != null ? loader : JcorsFilter.class.getClassLoader());
  }

  /**
   * Quarkus's own CORS filter runs after this one (priority 300): it would answer nothing jcors
   * answered, but it refuses with 403 the actual requests of origins it does not list, and rewrites
   * {@code Access-Control-Allow-Origin}.
   */
  private void warnAboutQuarkusCors() {
    if (config.getOptionalValue("quarkus.http.cors.enabled", Boolean.class).orElse(false)) {
      LOG.warn(
          "jcors: Quarkus's own CORS is on too (quarkus.http.cors.enabled=true). jcors answers"
              + " preflights and sets the CORS headers first, but Quarkus's filter still refuses"
              + " with 403 the origins it does not list and rewrites Access-Control-Allow-Origin."
              + " Remove quarkus.http.cors.* (docs/quarkus.md, Quarkus's own CORS).");
    }
  }
}
