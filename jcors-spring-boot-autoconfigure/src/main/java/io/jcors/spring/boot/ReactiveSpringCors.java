package io.jcors.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.WebFilter;

/**
 * Spring's own CORS in a reactive application, as far as the beans show it: reactive {@code
 * CorsConfigurationSource} and {@code CorsWebFilter} beans, Spring Security's {@code CorsWebFilter}
 * ({@code http.cors()}) in a {@code SecurityWebFilterChain}, and {@code @CrossOrigin} on WebFlux
 * controllers. Classes of spring-webflux and Spring Security are touched only when present.
 */
final class ReactiveSpringCors {
  private static final String WEBFLUX =
      "org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping";
  private static final String SECURITY =
      "org.springframework.security.web.server.SecurityWebFilterChain";

  private ReactiveSpringCors() {}

  /** A description of each place Spring's CORS is configured, in a stable order. */
  static List<String> find(ListableBeanFactory beans, ClassLoader classLoader) {
    TreeSet<String> found = new TreeSet<>();
    for (String name : beans.getBeanNamesForType(CorsConfigurationSource.class, false, false)) {
      found.add("a CorsConfigurationSource bean '" + name + "'");
    }
    for (String name : beans.getBeanNamesForType(CorsWebFilter.class, false, false)) {
      found.add("a CorsWebFilter bean '" + name + "'");
    }
    if (ClassUtils.isPresent(WEBFLUX, classLoader)) {
      found.addAll(WebFlux.find(beans));
    }
    if (ClassUtils.isPresent(SECURITY, classLoader)) {
      found.addAll(Security.find(beans));
    }
    return new ArrayList<>(found);
  }

  /** {@code @CrossOrigin} on the handler methods of WebFlux's handler mappings. */
  private static final class WebFlux {
    static List<String> find(ListableBeanFactory beans) {
      List<String> found = new ArrayList<>();
      for (org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping<?> mapping :
          beans
              .getBeansOfType(
                  org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping.class,
                  false,
                  false)
              .values()) {
        CrossOriginMethods.addTo(found, mapping.getHandlerMethods().values());
      }
      return found;
    }
  }

  /** Spring Security's {@code CorsWebFilter}, which {@code http.cors()} adds to a chain. */
  private static final class Security {
    static List<String> find(ListableBeanFactory beans) {
      List<String> found = new ArrayList<>();
      for (Map.Entry<String, org.springframework.security.web.server.SecurityWebFilterChain> chain :
          beans
              .getBeansOfType(
                  org.springframework.security.web.server.SecurityWebFilterChain.class,
                  false,
                  false)
              .entrySet()) {
        // The chain's filters are a list made when it was built; no request is needed.
        List<WebFilter> filters =
            chain.getValue().getWebFilters().collectList().block(Duration.ofSeconds(5));
        if (filters != null && filters.stream().anyMatch(f -> f instanceof CorsWebFilter)) {
          found.add(
              "Spring Security's CorsWebFilter (http.cors()) in SecurityWebFilterChain '"
                  + chain.getKey()
                  + "'");
        }
      }
      return found;
    }
  }
}
