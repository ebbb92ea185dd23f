package io.jcors.spring.boot;

import static io.jcors.spring.boot.StartupTest.assertAllowsOnly;
import static io.jcors.spring.boot.StartupTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.spring.boot.securedreactive.SecuredReactiveApi;
import io.jcors.spring.boot.springcorsreactive.SpringCorsReactiveApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactive Boot applications started as a user starts them: the same properties, failure analysis,
 * customizer, {@code CorsPolicy} bean and warnings about Spring's own CORS as a servlet one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveStartupTest {
  static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("spring.main.web-application-type=reactive");
    return StartupTest.start(sources, all.toArray(String[]::new));
  }

  @Test
  void policyBean_replacesTheProperties() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            new Class<?>[] {SecuredReactiveApi.class, StartupTest.OwnPolicy.class},
            "jcors.origin[0]=https://properties.example.com")) {
      assertAllowsOnly(app, "https://bean.example.com", "https://properties.example.com");
    }
  }

  @Test
  void customizer_laterOriginFunction_authenticatedGet200WithCors() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            new Class<?>[] {SecuredReactiveApi.class, LaterOrigin.class},
            "jcors.origin[0]=https://properties.example.com")) {
      assertAllowsOnly(app, "https://function.example.com", "https://properties.example.com");
      HttpResponse<String> unauthenticated =
          Http.send(
              StartupTest.port(app),
              "GET",
              "/api/products",
              "Origin",
              "https://function.example.com");
      assertThat(unauthenticated.statusCode()).isEqualTo(401);
      assertThat(unauthenticated.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://function.example.com");
    }
  }

  @Test
  void brokenApplicationYml_failsStartup_listingEveryProblem(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    new Class<?>[] {SecuredReactiveApi.class},
                    "spring.config.location=classpath:broken/application.yml"))
        .hasRootCauseInstanceOf(JcorsConfigurationException.class);
    String report =
        output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
    assertThat(report)
        .contains("The CORS configuration of jcors has ")
        .contains("jcors.routes[1].path: \"api\" does not start with /")
        .doesNotContain("\tat ");
  }

  @Test
  void springCors_configuredToo_oneWarningNamingEachPlace(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        start(
            new Class<?>[] {SpringCorsReactiveApi.class},
            "jcors.origin[0]=https://app.example.com")) {
      assertThat(app.getBeansOfType(JcorsWebFilter.class)).hasSize(1);
    }
    String all = output.getAll();
    assertThat(count(all, "jcors: Spring's own CORS is configured too")).isEqualTo(1);
    assertThat(all)
        .contains("a CorsConfigurationSource bean 'corsConfigurationSource'")
        .contains("a CorsWebFilter bean 'springCorsFilter'")
        .contains("@CrossOrigin on Hello.hello")
        .contains("Spring Security's CorsWebFilter (http.cors())");
  }

  @Test
  void noSpringCors_noWarning(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        start(new Class<?>[] {SecuredReactiveApi.class}, "jcors.origin=*")) {
      assertThat(app.getBeansOfType(JcorsWebFilter.class)).hasSize(1);
    }
    assertThat(output.getAll())
        .doesNotContain("Spring's own CORS")
        .doesNotContain("no jcors filter is registered");
  }

  @Test
  void enabledFalse_noFilter() {
    try (ConfigurableApplicationContext app =
        start(new Class<?>[] {SecuredReactiveApi.class}, "jcors.enabled=false", "jcors.origin=*")) {
      assertThat(app.getBeansOfType(JcorsWebFilter.class)).isEmpty();
    }
  }

  /** An origin function that answers 30 ms later, on another thread. */
  @Configuration(proxyBeanMethods = false)
  static class LaterOrigin {
    @Bean
    JcorsCustomizer laterOrigin() {
      OriginResolver later =
          origin ->
              CompletableFuture.supplyAsync(
                  () ->
                      "https://function.example.com".equals(origin)
                          ? Origins.reflect()
                          : Origins.none(),
                  CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS));
      return (path, options) -> options.origin(later);
    }
  }
}
