package io.jcors.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring's own CORS, as far as the beans show it: {@code CorsConfigurationSource} beans, {@code
 * CorsFilter} beans and registrations, Spring Security's {@code CorsFilter} ({@code http.cors()})
 * in a {@code SecurityFilterChain}, the CORS mappings of MVC handler mappings ({@code
 * WebMvcConfigurer.addCorsMappings}) and {@code @CrossOrigin} on controllers. Classes of
 * spring-webmvc and Spring Security are touched only when they are on the class path.
 */
final class SpringCors {
  private static final String MVC = "org.springframework.web.servlet.HandlerMapping";
  private static final String INTROSPECTOR =
      "org.springframework.web.servlet.handler.HandlerMappingIntrospector";
  private static final String SECURITY = "org.springframework.security.web.SecurityFilterChain";

  private SpringCors() {}

  /** A description of each place Spring's CORS is configured, in a stable order. */
  static List<String> find(ListableBeanFactory beans, ClassLoader classLoader) {
    TreeSet<String> found = new TreeSet<>();
    boolean mvc = ClassUtils.isPresent(MVC, classLoader);
    for (Map.Entry<String, CorsConfigurationSource> source :
        beans.getBeansOfType(CorsConfigurationSource.class, false, false).entrySet()) {
      // MVC's HandlerMappingIntrospector is a CorsConfigurationSource that only forwards to the
      // handler mappings, looked at below.
      if (!source.getValue().getClass().getName().equals(INTROSPECTOR)) {
        found.add("a CorsConfigurationSource bean '" + source.getKey() + "'");
      }
    }
    for (String name :
        beans.getBeanNamesForType(org.springframework.web.filter.CorsFilter.class, false, false)) {
      found.add("a CorsFilter bean '" + name + "'");
    }
    @SuppressWarnings("rawtypes")
    Map<String, FilterRegistrationBean> registrations =
        beans.getBeansOfType(FilterRegistrationBean.class, false, false);
    for (@SuppressWarnings("rawtypes")
    Map.Entry<String, FilterRegistrationBean> registration : registrations.entrySet()) {
      if (registration.getValue().getFilter()
          instanceof org.springframework.web.filter.CorsFilter) {
        found.add("a CorsFilter registration '" + registration.getKey() + "'");
      }
    }
    if (mvc) {
      found.addAll(Mvc.find(beans));
    }
    if (ClassUtils.isPresent(SECURITY, classLoader)) {
      found.addAll(Security.find(beans));
    }
    return new ArrayList<>(found);
  }

  /** Spring MVC's CORS: handler mapping configurations and {@code @CrossOrigin}. */
  private static final class Mvc {
    static List<String> find(ListableBeanFactory beans) {
      List<String> found = new ArrayList<>();
      for (Map.Entry<String, org.springframework.web.servlet.handler.AbstractHandlerMapping>
          mapping :
              beans
                  .getBeansOfType(
                      org.springframework.web.servlet.handler.AbstractHandlerMapping.class,
                      false,
                      false)
                  .entrySet()) {
        CorsConfigurationSource source = mapping.getValue().getCorsConfigurationSource();
        if (source instanceof UrlBasedCorsConfigurationSource urls) {
          if (!urls.getCorsConfigurations().isEmpty()) {
            found.add(
                "CORS mappings "
                    + new TreeSet<>(urls.getCorsConfigurations().keySet())
                    + " on handler mapping '"
                    + mapping.getKey()
                    + "' (WebMvcConfigurer.addCorsMappings)");
          }
        } else if (source != null) {
          found.add("a CorsConfigurationSource on handler mapping '" + mapping.getKey() + "'");
        }
        if (mapping.getValue()
            instanceof
            org.springframework.web.servlet.handler.AbstractHandlerMethodMapping<?> methods) {
          CrossOriginMethods.addTo(found, methods.getHandlerMethods().values());
        }
      }
      return found;
    }
  }

  /** Spring Security's {@code CorsFilter}, which {@code http.cors()} adds to a filter chain. */
  private static final class Security {
    static List<String> find(ListableBeanFactory beans) {
      List<String> found = new ArrayList<>();
      for (Map.Entry<String, org.springframework.security.web.SecurityFilterChain> chain :
          beans
              .getBeansOfType(
                  org.springframework.security.web.SecurityFilterChain.class, false, false)
              .entrySet()) {
        for (jakarta.servlet.Filter filter : chain.getValue().getFilters()) {
          if (filter instanceof org.springframework.web.filter.CorsFilter) {
            found.add(
                "Spring Security's CorsFilter (http.cors()) in SecurityFilterChain '"
                    + chain.getKey()
                    + "'");
          }
        }
      }
      return found;
    }
  }
}
