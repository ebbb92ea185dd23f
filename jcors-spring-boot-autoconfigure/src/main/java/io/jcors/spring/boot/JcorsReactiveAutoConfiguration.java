package io.jcors.spring.boot;

import io.jcors.CorsPolicy;
import io.jcors.webflux.CorsFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * The jcors {@code WebFilter} of a reactive (WebFlux) application, ordered 10 before Spring
 * Security's {@code WebFilterChainProxy} ({@code WebFluxSecurityConfiguration
 * .WEB_FILTER_CHAIN_FILTER_ORDER}, -100): preflights are answered before Security sees them, and
 * Security's 401 and 403 answers, {@code @ExceptionHandler} responses and Boot's error handling
 * keep their CORS headers and {@code Vary}.
 */
@AutoConfiguration(after = JcorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({CorsFilter.class, WebFilter.class})
@ConditionalOnSingleCandidate(CorsPolicy.class)
public class JcorsReactiveAutoConfiguration {
  /**
   * Spring Security's reactive filter chain order, written out so that Spring Security is not
   * needed; it has no property to change it.
   */
  static final int SECURITY_ORDER = -100;

  /** Made by Spring. */
  public JcorsReactiveAutoConfiguration() {}

  /** The filter, ordered before Spring Security's. */
  @Bean
  WebFilter jcorsFilter(CorsPolicy policy) {
    return new JcorsWebFilter(policy, SECURITY_ORDER - 10);
  }
}
