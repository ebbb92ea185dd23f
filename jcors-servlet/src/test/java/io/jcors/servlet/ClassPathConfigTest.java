package io.jcors.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.testsupport.Requests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletRegistration;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's {@code config} init-param naming {@code classpath:cors.yaml}, a YAML file in the
 * application's class path (here src/test/resources; in an application src/main/resources), on
 * Tomcat and Jetty, over real HTTP. The class path of these tests is what such an application
 * needs: jcors-servlet and jcors-config (with Jackson), and neither the CLI, picocli nor a JDBC
 * driver, which the first test checks.
 */
class ClassPathConfigTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private Container container;

  @AfterEach
  void stop() throws Exception {
    if (container != null) {
      container.close();
    }
  }

  private static Supplier<Container> server(String name) {
    return name.equals("tomcat") ? Container.TomcatContainer::new : Container.JettyContainer::new;
  }

  /** Starts {@code server} with the filter configured by {@code config=<location>} only. */
  private String start(String name, String location) throws Exception {
    container = server(name).get();
    return container.start(
        context -> {
          FilterRegistration.Dynamic cors = context.addFilter("cors", CorsFilter.class);
          cors.setInitParameter("config", location);
          cors.setAsyncSupported(true);
          cors.addMappingForUrlPatterns(
              EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
          ServletRegistration.Dynamic app = context.addServlet("app", new App());
          app.addMapping("/");
        });
  }

  private HttpResponse<String> preflight(String url, String origin) throws Exception {
    return Requests.send(client, Requests.preflight(url, origin, "PUT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomcat", "jetty"})
  void classpathYaml_isThePolicyOfTheFilter(String name) throws Exception {
    String base = start(name, "classpath:cors.yaml");

    WebXmlTest.assertDocsPolicy(client, base + "/api/items");
    assertThat(
            preflight(base + "/internal/x", "https://app.example.com")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
    for (String absent :
        new String[] {
          "io.jcors.cli.Main",
          "picocli.CommandLine",
          "org.sqlite.JDBC",
          "org.postgresql.Driver",
          "io.jcors.jdbc.JdbcOrigins"
        }) {
      assertThatThrownBy(() -> Class.forName(absent))
          .as("%s is not needed to read classpath:cors.yaml", absent)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomcat", "jetty"})
  void leadingSlash_namesTheSameResource(String name) throws Exception {
    String base = start(name, "classpath:/cors.yaml");

    assertThat(
            preflight(base + "/api/items", "https://app.example.com")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
  }
}
