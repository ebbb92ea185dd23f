package io.jcors.spring.boot;

import io.jcors.CorsPolicy;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The lines jcors logs once the application's beans exist: that CORS is off because nothing
 * configures it, or which policy the filter applies, and a warning when Spring's own CORS is
 * configured as well.
 */
final class StartupReport implements SmartInitializingSingleton {
  private static final Log LOG = LogFactory.getLog(StartupReport.class);
  private static final String SERVLET_FILTER = "io.jcors.servlet.CorsFilter";
  private static final String REACTIVE_FILTER = "io.jcors.spring.boot.JcorsWebFilter";
  private static final String FILTER = "jcorsFilter";

  private final ApplicationContext context;

  StartupReport(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ListableBeanFactory beans = context;
    String[] policies = beans.getBeanNamesForType(CorsPolicy.class, false, false);
    if (policies.length == 0) {
      LOG.info(
          "jcors: no jcors.* properties and no CorsPolicy bean, so no CORS filter: responses get"
              + " no CORS headers (set jcors.origin to allow a site, see docs/spring-boot.md)");
      return;
    }
    ClassLoader classLoader = context.getClassLoader();
    if (!beans.containsBean(FILTER)) {
      LOG.warn(
          "jcors: a CORS policy is configured, but no jcors filter is registered, so responses get"
              + " no CORS headers: the application is not a servlet or reactive web application,"
              + " io.jcors:jcors-servlet (servlet) or io.jcors:jcors-webflux (WebFlux) is missing,"
              + " or there are several"
              + " CorsPolicy beans "
              + java.util.Arrays.toString(policies)
              + " and none is @Primary");
      return;
    }
    List<String> spring;
    Class<?> filter = beans.getType(FILTER);
    if (filter != null && filter.getName().equals(REACTIVE_FILTER)) {
      spring = ReactiveSpringCors.find(beans, classLoader);
    } else if (ClassUtils.isPresent(SERVLET_FILTER, classLoader)) {
      spring = SpringCors.find(beans, classLoader);
    } else {
      return;
    }
    if (!spring.isEmpty()) {
      LOG.warn(
          "jcors: Spring's own CORS is configured too: "
              + String.join("; ", spring)
              + ". jcors answers preflights and sets the CORS headers before Spring sees the"
              + " request, and Spring's CORS leaves responses that already carry"
              + " Access-Control-Allow-Origin alone, but it still decides for the origins jcors"
              + " refuses. Remove Spring's CORS configuration, or set jcors.enabled=false"
              + " (docs/spring-boot.md, Spring's own CORS).");
    }
  }
}
