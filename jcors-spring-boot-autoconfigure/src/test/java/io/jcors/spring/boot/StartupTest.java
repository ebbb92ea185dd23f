package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.servlet.CorsFilter;
import io.jcors.spring.boot.secured.SecuredApi;
import io.jcors.spring.boot.springcors.SpringCorsApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot applications started as a user starts them, each with its own properties: what the starter
 * does with no properties, with jcors.enabled=false, with the application's own CorsPolicy or
 * JcorsCustomizer bean, with a config file, with a broken application.yml, and next to Spring's own
 * CORS.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {
  private static final String NO_PROPERTIES_LINE = "jcors: no jcors.* properties and no CorsPolicy";

  @Test
  void noProperties_noFilter_securityAnswersAsBefore_oneLogLine(CapturedOutput output)
      throws Exception {
    try (ConfigurableApplicationContext app = start(SecuredApi.class)) {
      assertThat(jcorsFilters(app)).isEmpty();
      HttpResponse<String> preflight =
          Http.send(
              port(app),
              "OPTIONS",
              "/api/products",
              "Origin",
              "https://app.example.com",
              "Access-Control-Request-Method",
              "GET");
      // Spring Security refuses the preflight, as without the starter: 401 on Boot 4, 403
      // ("Invalid CORS request") on Boot 3.5.
      assertThat(preflight.statusCode()).isIn(401, 403);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
    assertThat(count(output.getAll(), NO_PROPERTIES_LINE)).isEqualTo(1);
  }

  @Test
  void enabledFalse_noPolicyNoFilter_evenWithOptions(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        start(SecuredApi.class, "jcors.enabled=false", "jcors.origin=https://app.example.com")) {
      assertThat(app.getBeanNamesForType(CorsPolicy.class)).isEmpty();
      assertThat(jcorsFilters(app)).isEmpty();
    }
    assertThat(output.getAll()).doesNotContain(NO_PROPERTIES_LINE);
  }

  @Test
  void securityFilterOrder_jcorsTenBefore() {
    try (ConfigurableApplicationContext app =
        start(SecuredApi.class, "jcors.origin=*", "spring.security.filter.order=5")) {
      assertThat(jcorsFilters(app))
          .singleElement()
          .satisfies(f -> assertThat(f.getOrder()).isEqualTo(-5));
    }
  }

  @Test
  void policyBean_replacesTheProperties() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            new Class<?>[] {SecuredApi.class, OwnPolicy.class},
            "jcors.origin[0]=https://properties.example.com")) {
      assertAllowsOnly(app, "https://bean.example.com", "https://properties.example.com");
    }
  }

  @Test
  void customizer_setsAnOriginFunction_onTheRouteItNames() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            new Class<?>[] {SecuredApi.class, OriginFunction.class},
            "jcors.routes[0].path=/api/**",
            "jcors.routes[0].cors.origin[0]=https://properties.example.com",
            "jcors.routes[1].path=/other/**",
            "jcors.routes[1].cors.origin[0]=https://properties.example.com")) {
      assertThat(OriginFunction.paths).containsExactly("/api/**", "/other/**");
      assertAllowsOnly(app, "https://function.example.com", "https://properties.example.com");
    }
  }

  @Test
  void configFile_onTheClassPath() throws Exception {
    try (ConfigurableApplicationContext app =
        start(SecuredApi.class, "jcors.config=classpath:cors.yaml")) {
      assertAllowsOnly(app, "https://file.example.com", "https://other.example.com");
    }
  }

  @Test
  void warning_loggedOnceAtStartup(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        start(SecuredApi.class, "jcors.origin[0]=https://app.example.com", "jcors.max-age=86400")) {
      assertThat(jcorsFilters(app)).hasSize(1);
    }
    assertThat(count(output.getAll(), "jcors: CORS configuration risk: jcors.max-age: 86400"))
        .isEqualTo(1);
  }

  @Test
  void brokenApplicationYml_failsStartup_listingEveryProblemWithoutStackTrace(
      CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(SecuredApi.class, "spring.config.location=classpath:broken/application.yml"))
        .hasRootCauseInstanceOf(JcorsConfigurationException.class);
    String report =
        output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
    assertThat(report)
        .contains("The CORS configuration of jcors has ")
        .contains("jcors.routes[0].cors.credentials: ")
        .contains("jcors.routes[0].cors.allowed-headers[1]: \"X Bad\"")
        .contains("jcors.routes[0].cors.max-age: \"soon\" is not a whole number")
        .contains("jcors.routes[1].path: \"api\" does not start with /")
        .contains("jcors.routes[2].cros: is not a jcors property")
        .contains("Fix: did you mean jcors.routes[2].cors?")
        .contains("Action:")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void springCors_configuredToo_oneWarningNamingEachPlace(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        start(SpringCorsApi.class, "jcors.origin[0]=https://app.example.com")) {
      assertThat(jcorsFilters(app)).hasSize(1);
    }
    String all = output.getAll();
    assertThat(count(all, "jcors: Spring's own CORS is configured too")).isEqualTo(1);
    assertThat(all)
        .contains("a CorsConfigurationSource bean 'corsConfigurationSource'")
        .contains("@CrossOrigin on Hello.hello")
        .contains("CORS mappings [/legacy/**]")
        .contains("Spring Security's CorsFilter (http.cors())");
  }

  @Test
  void notAWebApplication_policyButNoFilter_warnsOnce(CapturedOutput output) {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(NotWeb.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .properties("jcors.origin=*", "spring.main.banner-mode=off")
            .run()) {
      assertThat(app.getBeanNamesForType(CorsPolicy.class)).hasSize(1);
      assertThat(jcorsFilters(app)).isEmpty();
    }
    assertThat(count(output.getAll(), "no jcors filter is registered")).isEqualTo(1);
  }

  @Test
  void noSpringCors_noWarning(CapturedOutput output) {
    try (ConfigurableApplicationContext app = start(SecuredApi.class, "jcors.origin=*")) {
      assertThat(jcorsFilters(app)).hasSize(1);
    }
    assertThat(output.getAll())
        .doesNotContain("Spring's own CORS")
        .doesNotContain("no jcors filter is registered");
  }

  /** An application without a web server: a batch job, say. */
  @Configuration(proxyBeanMethods = false)
  @org.springframework.boot.autoconfigure.EnableAutoConfiguration
  static class NotWeb {}

  /** The application's own policy. */
  @Configuration(proxyBeanMethods = false)
  static class OwnPolicy {
    @Bean
    CorsPolicy corsPolicy() {
      return CorsPolicy.of(
          CorsOptions.builder().origin(List.of("https://bean.example.com")).build());
    }
  }

  /** An origin function for /api/**, as one backed by a repository would be. */
  @Configuration(proxyBeanMethods = false)
  static class OriginFunction {
    static final List<String> paths = new ArrayList<>();

    @Bean
    JcorsCustomizer originFunction() {
      paths.clear();
      OriginResolver function =
          origin ->
              // Complete at once, as a synchronous repository call is (SecuredMvcAsyncOriginTest
              // has one that completes later).
              CompletableFuture.completedFuture(
                  "https://function.example.com".equals(origin)
                      ? Origins.reflect()
                      : Origins.none());
      return (path, options) -> {
        paths.add(path);
        if (path.equals("/api/**")) {
          options.origin(function);
        }
      };
    }
  }

  static ConfigurableApplicationContext start(Class<?> source, String... properties) {
    return start(new Class<?>[] {source}, properties);
  }

  static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("server.port=0");
    all.add("server.address=127.0.0.1");
    all.add("spring.main.banner-mode=off");
    all.add("spring.security.user.name=user");
    all.add("spring.security.user.password=secret");
    return new SpringApplicationBuilder(sources).properties(all.toArray(String[]::new)).run();
  }

  static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @SuppressWarnings("rawtypes")
  static List<FilterRegistrationBean> jcorsFilters(ConfigurableApplicationContext app) {
    return app.getBeansOfType(FilterRegistrationBean.class).values().stream()
        .filter(registration -> registration.getFilter() instanceof CorsFilter)
        .toList();
  }

  /** The Access-Control-Allow-Origin of an authenticated GET /api/products from origin. */
  static String allowOrigin(ConfigurableApplicationContext app, String origin) throws Exception {
    HttpResponse<String> response =
        Http.send(
            port(app),
            "GET",
            "/api/products",
            "Origin",
            origin,
            "Authorization",
            Http.basic("user", "secret"));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
  }

  /**
   * Asserts that an authenticated GET /api/products from {@code allowed} gets that origin back in
   * Access-Control-Allow-Origin, and one from {@code refused} gets none.
   */
  static void assertAllowsOnly(ConfigurableApplicationContext app, String allowed, String refused)
      throws Exception {
    assertThat(allowOrigin(app, allowed)).isEqualTo(allowed);
    assertThat(allowOrigin(app, refused)).isNull();
  }

  static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
