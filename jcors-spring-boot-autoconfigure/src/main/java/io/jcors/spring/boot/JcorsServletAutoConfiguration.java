package io.jcors.spring.boot;

import io.jcors.CorsPolicy;
import io.jcors.servlet.CorsFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The jcors servlet filter of a servlet web application, on {@code /*}, for the REQUEST, ASYNC and
 * ERROR dispatches, with async support, ordered 10 before Spring Security's filter chain ({@code
 * spring.security.filter.order}, default -100): preflights are answered before Security sees them,
 * and Security's 401 and 403 answers, error pages and exceptions keep their CORS headers and {@code
 * Vary}.
 *
 * <pre>{@code
 * spring.security.filter.order: -100   # jcors runs at -110
 * }</pre>
 */
@AutoConfiguration(after = JcorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({CorsFilter.class, FilterRegistrationBean.class})
@ConditionalOnSingleCandidate(CorsPolicy.class)
public class JcorsServletAutoConfiguration {
  /**
   * Spring Security's default filter order ({@code SecurityProperties.DEFAULT_FILTER_ORDER} in Boot
   * 3, {@code SecurityFilterProperties} in Boot 4), written out so that neither is needed.
   */
  static final int SECURITY_DEFAULT_ORDER = -100;

  /** Made by Spring. */
  public JcorsServletAutoConfiguration() {}

  /** The filter, registered before Spring Security's. */
  @Bean
  FilterRegistrationBean<CorsFilter> jcorsFilter(CorsPolicy policy, Environment environment) {
    int security =
        environment.getProperty(
            "spring.security.filter.order", Integer.class, SECURITY_DEFAULT_ORDER);
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(policy));
    registration.setName("jcorsFilter");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    registration.setOrder(security - 10);
    return registration;
  }
}
