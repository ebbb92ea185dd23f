package io.jcors.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.config.PropertyNames;
import io.jcors.testsupport.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The {@code jcors.*} properties of {@code application.yml} and of the context, read when the
 * application starts: the policy over HTTP, every problem of a broken configuration at once, and
 * the cases that turn CORS off.
 */
class PropertiesTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private EmbeddedServer server;

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(CorsFilter.class)).addAppender(log);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(CorsFilter.class)).detachAppender(log);
    if (server != null) {
      Servers.stop(server);
    }
  }

  private List<String> logged() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** A contract server with {@code environment}'s application-*.yml and {@code properties}. */
  private String serve(String environment, Map<String, Object> properties) {
    String[] environments = environment == null ? new String[0] : new String[] {environment};
    server = Servers.start("contract", null, properties, environments);
    return Servers.base(server);
  }

  private static RawHttp.Response preflight(String base, String origin) throws IOException {
    return RawHttp.send(
        base,
        "OPTIONS /data HTTP/1.1\r\nHost: x\r\nOrigin: "
            + origin
            + "\r\nAccess-Control-Request-Method: PUT\r\n");
  }

  private static RawHttp.Response get(String base, String path, String origin) throws IOException {
    return RawHttp.send(base, "GET " + path + " HTTP/1.1\r\nHost: x\r\nOrigin: " + origin + "\r\n");
  }

  @Test
  void applicationYml_origins_credentials_maxAge() throws IOException {
    String base = serve("docs", Map.of());
    RawHttp.Response response = preflight(base, "https://shop.example.org");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://shop.example.org");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(preflight(base, "https://evil.example").header("Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void routes_eachPathItsOwnOptions() throws IOException {
    String base = serve("routes", Map.of());
    RawHttp.Response api = get(base, "/api/items", "https://app.example.com");
    assertThat(api.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(api.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
    // A string origin is sent as it is, as Express does: the browser compares it.
    assertThat(
            get(base, "/api/items", "https://other.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(
            get(base, "/public/a", "https://other.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("*");
    assertThat(get(base, "/elsewhere", "https://app.example.com").header("Vary")).isNull();
  }

  @Test
  void contextProperties_inMicronautsForms_sameAsTheYml() throws IOException {
    String base =
        serve(
            null,
            Map.of(
                "jcors.origin",
                    "https://app.example.com, /^https:\\/\\/[a-z]{1,20}\\.example\\.net$/",
                "jcors.allowedHeaders", "X-Token",
                "jcors.options-success-status", 200));
    RawHttp.Response response = preflight(base, "https://shop.example.net");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://shop.example.net");
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("X-Token");
  }

  @Test
  void configFile_fromTheClassPath() throws IOException {
    String base = serve(null, Map.of("jcors.config", "classpath:cors-micronaut.yaml"));
    RawHttp.Response response = preflight(base, "https://file.example.com");
    assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST");
  }

  @Test
  void brokenApplicationYml_stopsTheStart_listingEveryProblem() {
    assertThatThrownBy(() -> serve("broken", Map.of()))
        .rootCause()
        .isInstanceOf(JcorsConfigurationException.class)
        .satisfies(
            e -> {
              List<String> problems = ((JcorsConfigurationException) e).problems();
              assertThat(problems).hasSize(3);
              assertThat(problems)
                  .anySatisfy(p -> assertThat(p).startsWith("jcors.credentials: \"yes-please\""))
                  .anySatisfy(p -> assertThat(p).startsWith("jcors.max-age: \"soon\""))
                  .anySatisfy(p -> assertThat(p).startsWith("jcors.orign: ").contains("Fix:"));
              assertThat(e.getMessage())
                  .startsWith("jcors: invalid CORS configuration (3 problems)\n  - ");
            });
    // An origin that can never match is a risk, not an error (jcors.strict makes it one).
    assertThat(logged())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "jcors: CORS configuration risk: jcors.origin[0]:"
                            + " \"https://app.example.com/app\" has a path"));
  }

  @Test
  void configBesideOtherProperties_isAProblem() {
    assertThatThrownBy(
            () ->
                serve(
                    null,
                    Map.of(
                        "jcors.config", "classpath:cors-micronaut.yaml",
                        "jcors.credentials", "true")))
        .rootCause()
        .hasMessageContaining(
            "jcors.credentials: is set together with jcors.config, which holds the whole"
                + " configuration");
  }

  @Test
  void missingConfigFile_namesTheFix() {
    assertThatThrownBy(() -> serve(null, Map.of("jcors.config", "classpath:nowhere.yaml")))
        .rootCause()
        .hasMessageContaining("classpath:nowhere.yaml")
        .hasMessageContaining("no such resource on the class path");
  }

  @Test
  void noJcorsProperties_noCors_oneLogLine() throws IOException {
    String base = serve(null, Map.of());
    RawHttp.Response response = get(base, "/data", "https://app.example.com");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.header("Vary")).isNull();
    assertThat(logged()).filteredOn(line -> line.startsWith("jcors:")).hasSize(1);
    assertThat(logged().get(0)).startsWith("jcors: no jcors.* properties and no CorsPolicy bean");
  }

  @Test
  void enabledFalse_noCors_whateverElseIsSet() throws IOException {
    String base = serve("docs", Map.of("jcors.enabled", false));
    assertThat(preflight(base, "https://app.example.com").header("Access-Control-Allow-Origin"))
        .isNull();
  }

  /** Surefire passes -Djcors.version; a build's property is no CORS configuration. */
  @Test
  void systemPropertyThatIsNoJcorsOption_isIgnored() throws IOException {
    String before = System.setProperty("jcors.version", "1.2.3");
    try {
      String base = serve(null, Map.of());
      assertThat(get(base, "/data", "https://app.example.com").header("Vary")).isNull();
    } finally {
      if (before == null) {
        System.clearProperty("jcors.version");
      } else {
        System.setProperty("jcors.version", before);
      }
    }
  }

  /** Options set as system properties, in kebab case, are CORS configuration. */
  @Test
  void systemPropertiesThatAreJcorsOptions_configureCors() throws IOException {
    Map<String, String> set = Map.of("jcors.origin", "https://sys.example", "jcors.max-age", "42");
    set.forEach(System::setProperty);
    try {
      RawHttp.Response preflight = preflight(serve(null, Map.of()), "https://sys.example");
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://sys.example");
      assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("42");
    } finally {
      set.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void corsPolicyBean_replacesTheProperties() throws IOException {
    CorsPolicy bean =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://bean.example")).build());
    server = Servers.start("contract", bean, Map.of("jcors.origin", "https://property.example"));
    String base = Servers.base(server);
    assertThat(get(base, "/data", "https://bean.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("https://bean.example");
    assertThat(get(base, "/data", "https://property.example").header("Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void micronautsOwnCorsOn_warns_andIsNotApplied() throws IOException {
    String base =
        serve(
            "docs",
            Map.of(
                "micronaut.server.cors.enabled",
                true,
                "micronaut.server.cors.configurations.all.allowed-origins",
                "https://mn.example"));
    assertThat(logged())
        .anySatisfy(
            line -> assertThat(line).startsWith("jcors: micronaut.server.cors.enabled is true"));
    assertThat(get(base, "/data", "https://mn.example").header("Access-Control-Allow-Origin"))
        .isNull();
    assertThat(get(base, "/data", "https://app.example.com").header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
  }

  @Test
  void camelAndKebab_roundTrip() {
    Function<String, String> both = name -> PropertyNames.kebab(PropertiesPolicy.camel(name));
    assertThat(PropertiesPolicy.camel("routes[0].cors.max-age")).isEqualTo("routes[0].cors.maxAge");
    assertThat(both.apply("routes[1].cors.allowed-headers[2]"))
        .isEqualTo("routes[1].cors.allowed-headers[2]");
  }

  @Test
  void applicationContext_withoutAServer_failsOnTheBrokenYmlToo() {
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("jcors.max-age", "soon")).close())
        .rootCause()
        .hasMessageStartingWith(
            "jcors: invalid CORS configuration (1 problem)\n  - jcors.max-age:");
  }
}
