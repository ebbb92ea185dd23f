package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.spring.boot.secured.SecuredApi;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The starter's Javadoc examples, each as an application.yml (or a bean) of a real application
 * answering real HTTP.
 */
class JavadocExamplesTest {
  JavadocExamplesTest() {}

  @Test
  void autoConfiguration_oneOriginWithCredentials() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            """
            jcors:
              origin: https://app.example.com
              credentials: true
            """)) {
      assertThat(StartupTest.allowOrigin(app, "https://app.example.com"))
          .isEqualTo("https://app.example.com");
    }
  }

  @Test
  void optionsProperties_aListWithAPattern() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            """
            jcors:
              origin: [https://app.example.com, "https://*.example.org"]
              credentials: true
              max-age: 600
            """)) {
      StartupTest.assertAllowsOnly(app, "https://shop.example.org", "https://evil.example.net");
    }
  }

  @Test
  void properties_routes_aRouteWithoutCorsHasNone() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            """
            jcors:
              routes:
                - path: /api/**
                  cors:
                    origin: https://app.example.com
                    credentials: true
                - path: /internal/**   # no cors: no CORS headers
            """)) {
      assertThat(StartupTest.allowOrigin(app, "https://app.example.com"))
          .isEqualTo("https://app.example.com");
    }
  }

  @Test
  void servletAutoConfiguration_runsTenBeforeSecurity() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            """
            spring.security.filter.order: -100   # jcors runs at -110
            jcors.origin: https://app.example.com
            """)) {
      assertThat(StartupTest.jcorsFilters(app)).singleElement().extracting("order").isEqualTo(-110);
    }
  }

  @Test
  void customizer_anOriginFunctionFromARepository() throws Exception {
    try (ConfigurableApplicationContext app =
        StartupTest.start(
            new Class<?>[] {SecuredApi.class, Partners.class},
            "jcors.routes[0].path=/api/**",
            "jcors.routes[0].cors.origin=https://app.example.com")) {
      StartupTest.assertAllowsOnly(app, "https://partner.example.com", "https://app.example.com");
    }
  }

  @Test
  void docs_aCorsPolicyBean_replacesTheProperties() throws Exception {
    try (ConfigurableApplicationContext app =
        StartupTest.start(new Class<?>[] {SecuredApi.class, OwnPolicy.class})) {
      StartupTest.assertAllowsOnly(app, "https://app.example.com", "https://other.example.com");
    }
  }

  /** docs/spring-boot.md: the application's own policy. */
  @Configuration(proxyBeanMethods = false)
  static class OwnPolicy {
    OwnPolicy() {}

    @Bean
    CorsPolicy corsPolicy() {
      return CorsPolicy.of(
          CorsOptions.builder().origin(List.of("https://app.example.com")).build());
    }
  }

  /** The partners a repository knows. */
  interface PartnerRepository {
    boolean existsByOrigin(String origin);
  }

  /** The customizer of {@link JcorsCustomizer}'s Javadoc, over a repository of partners. */
  @Configuration(proxyBeanMethods = false)
  static class Partners {
    Partners() {}

    @Bean
    PartnerRepository partners() {
      return Set.of("https://partner.example.com")::contains;
    }

    @Bean
    JcorsCustomizer partnerOrigins(PartnerRepository partners) {
      OriginResolver partner =
          origin ->
              CompletableFuture.completedFuture(
                  partners.existsByOrigin(origin) ? Origins.reflect() : Origins.none());
      return (path, options) -> {
        if (path.equals("/api/**")) {
          options.origin(partner);
        }
      };
    }
  }

  /** A secured application whose application.yml is {@code yaml}. */
  private static ConfigurableApplicationContext start(String yaml) throws IOException {
    List<PropertySource<?>> sources =
        new YamlPropertySourceLoader()
            .load("application.yml", new ByteArrayResource(yaml.getBytes()));
    return new SpringApplicationBuilder(SecuredApi.class)
        .initializers(
            context ->
                sources.forEach(s -> context.getEnvironment().getPropertySources().addFirst(s)))
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "spring.security.user.name=user",
            "spring.security.user.password=secret")
        .run();
  }
}
