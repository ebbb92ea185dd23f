package io.jcors.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.Requests;
import jakarta.servlet.ServletRegistration;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter declared in a web.xml that Tomcat parses, configured by init-params. */
class WebXmlTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final Container.TomcatContainer tomcat = new Container.TomcatContainer();

  @AfterEach
  void stop() throws Exception {
    tomcat.close();
  }

  private static String webXml(String initParams) {
    return "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
        + "  <filter>\n"
        + "    <filter-name>cors</filter-name>\n"
        + "    <filter-class>io.jcors.servlet.CorsFilter</filter-class>\n"
        + "    <async-supported>true</async-supported>\n"
        + initParams
        + "  </filter>\n"
        + "  <filter-mapping>\n"
        + "    <filter-name>cors</filter-name>\n"
        + "    <url-pattern>/*</url-pattern>\n"
        + "    <dispatcher>REQUEST</dispatcher>\n"
        + "    <dispatcher>ASYNC</dispatcher>\n"
        + "    <dispatcher>ERROR</dispatcher>\n"
        + "  </filter-mapping>\n"
        + "</web-app>\n";
  }

  private static String param(String name, String value) {
    return "    <init-param><param-name>"
        + name
        + "</param-name><param-value>"
        + value
        + "</param-value></init-param>\n";
  }

  private String start(String webXml) throws Exception {
    return tomcat.startWebXml(
        webXml,
        context -> {
          ServletRegistration.Dynamic app = context.addServlet("app", new App());
          app.addMapping("/");
        });
  }

  private HttpResponse<String> preflight(String base, String origin) throws Exception {
    return Requests.send(client, Requests.preflight(base + "/api/x", origin, "PUT"));
  }

  /**
   * Checks the policy that the init parameters here and {@link ClassPathConfigTest}'s cors.yaml
   * both give {@code url}: {@code https://docs.example.org} allowed by the regex, for {@code
   * GET,PUT}, with credentials, for ten minutes; {@code https://evil.example} refused.
   */
  static void assertDocsPolicy(HttpClient client, String url) throws Exception {
    HttpResponse<String> allowed =
        Requests.send(client, Requests.preflight(url, "https://docs.example.org", "PUT"));
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://docs.example.org");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    HttpResponse<String> refused =
        Requests.send(client, Requests.preflight(url, "https://evil.example", "PUT"));
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** The configuration files of these tests allow https://app.example.com for 60 seconds. */
  private static void assertAllowsAppForAMinute(HttpResponse<String> preflight) {
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("60");
  }

  @Test
  void initParams_expressOptionNames_configureTheFilter() throws Exception {
    String base =
        start(
            webXml(
                param("origin", "https://app.example.com, /^https:\\/\\/[a-z]+\\.example\\.org$/")
                    + param("methods", "GET,PUT")
                    + param("credentials", "true")
                    + param("maxAge", "600")));
    assertDocsPolicy(client, base + "/api/x");
  }

  @Test
  void initParamConfig_namesAPropertiesFile(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("cors.properties"), "origin=https://app.example.com\nmaxAge=60\n");
    String base = start(webXml(param("config", file.toString())));
    assertAllowsAppForAMinute(preflight(base, "https://app.example.com"));
  }

  @Test
  void initParamConfig_namesAResourceOfTheWebApplication() throws Exception {
    String base =
        tomcat.startWebXml(
            webXml(param("config", "/WEB-INF/cors.json")),
            Map.of(
                "WEB-INF/cors.json", "{\"origin\": \"https://app.example.com\", \"maxAge\": 60}"),
            context -> context.addServlet("app", new App()).addMapping("/"));
    assertAllowsAppForAMinute(preflight(base, "https://app.example.com"));
  }

  @Test
  void initParamConfig_namesAClassPathResource() throws Exception {
    String base = start(webXml(param("config", "classpath:cors.yaml")));
    HttpResponse<String> response = preflight(base, "https://docs.example.org");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://docs.example.org");
  }
}
