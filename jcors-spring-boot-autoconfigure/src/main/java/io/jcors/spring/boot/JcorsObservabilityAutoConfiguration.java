package io.jcors.spring.boot;

import io.jcors.CorsListener;
import io.jcors.CorsPolicy;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a Boot user watches: the application's {@link CorsListener} beans given to the policy, the
 * counter {@code jcors.requests} when Micrometer is on the class path, and the Actuator endpoint
 * {@code jcors} when Actuator is.
 */
@AutoConfiguration(after = JcorsAutoConfiguration.class)
@ConditionalOnProperty(
    prefix = "jcors",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class JcorsObservabilityAutoConfiguration {
  /** Made by Spring. */
  public JcorsObservabilityAutoConfiguration() {}

  /** Gives each {@link CorsPolicy} bean the {@link CorsListener} beans. */
  @Bean
  static ListenedPolicies jcorsListenedPolicies(ObjectProvider<CorsListener> listeners) {
    return new ListenedPolicies(listeners);
  }

  /** The Micrometer counters, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterBinder.class)
  static class Metrics {
    /** The counter {@code jcors.requests}, bound by Boot's metrics to the registry. */
    @Bean
    @ConditionalOnMissingBean(JcorsMetrics.class)
    JcorsMetrics jcorsMetrics() {
      return new JcorsMetrics();
    }
  }

  /** The Actuator endpoint, when Actuator is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  static class Actuator {
    /** The endpoint {@code jcors}. */
    @Bean
    @ConditionalOnMissingBean(JcorsEndpoint.class)
    JcorsEndpoint jcorsEndpoint(
        ObjectProvider<CorsPolicy> policy, ObjectProvider<StartupWarnings> warnings) {
      return new JcorsEndpoint(policy, warnings);
    }
  }
}
