package io.jcors.spring.boot;

import io.jcors.CorsPolicy;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The {@link CorsPolicy} of the {@code jcors.*} properties ({@link JcorsProperties}), adjusted by
 * the {@link JcorsCustomizer} beans, unless the application defines its own {@code CorsPolicy}
 * bean. No {@code jcors.*} property and no such bean: no policy, no filter, and a log line saying
 * so. {@code jcors.enabled=false} turns everything off. An invalid configuration stops the
 * application with every problem listed; warnings are logged once.
 *
 * <pre>{@code
 * jcors:
 *   origin: https://app.example.com
 *   credentials: true
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnProperty(
    prefix = "jcors",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(JcorsProperties.class)
public class JcorsAutoConfiguration {
  /** Made by Spring. */
  public JcorsAutoConfiguration() {}

  /**
   * The policy of the {@code jcors.*} properties.
   *
   * @throws JcorsConfigurationException (reported by Spring Boot's failure analysis) listing every
   *     problem of the configuration
   */
  @Bean
  @ConditionalOnMissingBean(CorsPolicy.class)
  @Conditional(JcorsPropertiesSet.class)
  CorsPolicy jcorsPolicy(
      JcorsProperties properties,
      Environment environment,
      ResourceLoader resourceLoader,
      ObjectProvider<JcorsCustomizer> customizers,
      StartupWarnings warnings,
      ObjectProvider<OriginSourceBeans> sources) {
    OriginSourceBeans beans = sources.getIfAvailable();
    return PropertiesPolicy.build(
        properties,
        environment,
        resourceLoader,
        customizers.orderedStream().toList(),
        warnings,
        beans == null ? Map.of() : beans.byKey());
  }

  /** The warnings of the configuration, logged at startup and shown by the jcors endpoint. */
  @Bean
  StartupWarnings jcorsStartupWarnings() {
    return new StartupWarnings();
  }

  /** Logs, once the beans exist, whether CORS is off and whether Spring's CORS is on too. */
  @Bean
  StartupReport jcorsStartupReport(ApplicationContext context) {
    return new StartupReport(context);
  }

  /**
   * The {@code jdbc} origin source, when jcors-jdbc is on the class path: it reads the
   * application's {@code DataSource} (when there is exactly one) for a source that names no {@code
   * url}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.jcors.jdbc.JdbcOriginSource")
  static class Database {
    @Bean(destroyMethod = "close")
    OriginSourceBeans jcorsOriginSources(ObjectProvider<DataSource> dataSource) {
      return new OriginSourceBeans(
          "jdbc",
          () -> {
            DataSource application = dataSource.getIfUnique();
            return application == null
                ? new io.jcors.jdbc.JdbcOriginSource()
                : new io.jcors.jdbc.JdbcOriginSource(application);
          });
    }
  }

  /** Matches when at least one {@code jcors.*} property other than {@code jcors.enabled} is set. */
  static final class JcorsPropertiesSet extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return PropertiesTree.configured(context.getEnvironment())
          ? ConditionOutcome.match("jcors.* properties are set")
          : ConditionOutcome.noMatch("no jcors.* property is set");
    }
  }
}
