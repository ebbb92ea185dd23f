package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.ConfigFileReader;
import io.jcors.servlet.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's JSON and YAML {@link ConfigFileReader}: found by {@link ServiceLoader}, and so by the
 * servlet filter's {@code config} init-param, on a real Tomcat.
 */
public class JacksonConfigFileReaderTest {
  private static final String JSON =
      "{\"routes\": [\n"
          + "  {\"path\": \"/api/**\", \"cors\": {\"origin\": [\"https://app.example.com\","
          + " \"https://*.example.org\"], \"maxAge\": 600}}\n"
          + "]}\n";

  private static final String YAML =
      "# the same as one options object for every path\n"
          + "origin:\n"
          + "  - https://app.example.com\n"
          + "  - \"/^https:\\\\/\\\\/[a-z]+\\\\.example\\\\.org$/\"\n"
          + "methods: GET,PUT\n"
          + "maxAge: 600\n";

  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public JacksonConfigFileReaderTest() {}

  private static ConfigFileReader loaded() {
    List<ConfigFileReader> readers =
        ServiceLoader.load(ConfigFileReader.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(reader -> reader instanceof JacksonConfigFileReader)
            .toList();
    assertThat(readers).as("readers registered in META-INF/services").hasSize(1);
    return readers.get(0);
  }

  @Nested
  class ServiceLoaderFindsIt {
    @Test
    void readsJsonAndYamlByExtension_notOthers() {
      ConfigFileReader reader = loaded();

      assertThat(reader.reads(Path.of("cors.json"))).isTrue();
      assertThat(reader.reads(Path.of("conf/cors.yaml"))).isTrue();
      assertThat(reader.reads(Path.of("CORS.YML"))).isTrue();
      assertThat(reader.reads(Path.of("cors.properties"))).isFalse();
      assertThat(reader.reads(Path.of("cors"))).isFalse();
    }

    @Test
    void json_theTree() throws IOException {
      Path file = Files.writeString(dir.resolve("cors.json"), JSON);

      assertThat(loaded().read(file))
          .isEqualTo(
              Map.of(
                  "routes",
                  List.of(
                      Map.of(
                          "path",
                          "/api/**",
                          "cors",
                          Map.of(
                              "origin",
                              List.of("https://app.example.com", "https://*.example.org"),
                              "maxAge",
                              600)))));
    }

    @Test
    void yaml_theTree() throws IOException {
      Path file = Files.writeString(dir.resolve("cors.yaml"), YAML);

      assertThat(loaded().read(file))
          .isEqualTo(
              Map.of(
                  "origin",
                  List.of("https://app.example.com", "/^https:\\/\\/[a-z]+\\.example\\.org$/"),
                  "methods",
                  "GET,PUT",
                  "maxAge",
                  600));
    }
  }

  @Nested
  class Errors {
    @Test
    void invalidJson_fileLineAndColumn() throws IOException {
      Path file = Files.writeString(dir.resolve("cors.json"), "{\n  \"credentials\": tru\n}\n");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(file + ":2:21: is not valid JSON: Unrecognized token 'tru'");
    }

    @Test
    void invalidYaml_fileLineAndColumn() throws IOException {
      Path file =
          Files.writeString(dir.resolve("cors.yml"), "origin: [https://a.example\nmethods: GET\n");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(file + ":2:8: is not valid YAML");
    }

    @Test
    void notAnObject_fileLineAndColumn() throws IOException {
      Path file = Files.writeString(dir.resolve("cors.json"), "[\"https://a.example\"]");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(file + ":1:1: the configuration is a list, not an object");
    }

    @Test
    void keyWrittenTwice_bothPlaces() throws IOException {
      Path file =
          Files.writeString(
              dir.resolve("cors.json"), "{\"origin\": \"https://a.example\",\n \"origin\": true}");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              file
                  + ":2:2: origin is written twice in the same object (first at 1:2); remove one"
                  + " of them");
    }

    @Test
    void empty_namesTheFile() throws IOException {
      Path file = Files.writeString(dir.resolve("cors.yaml"), "");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(file + ": is empty; write a YAML object");
    }

    @Test
    void missing_ioException() {
      Path file = dir.resolve("missing.json");

      assertThatThrownBy(() -> loaded().read(file))
          .isInstanceOf(IOException.class)
          .hasMessage(file + ": no such file");
    }
  }

  /** The filter's {@code config} init-param, read through the service loader. */
  @Nested
  class ServletFilter {
    private final HttpClient client = HttpClient.newHttpClient();

    /** Answers every request with 200 and "ok". */
    private static final class Ok extends HttpServlet {
      private static final long serialVersionUID = 1L;

      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        response.getWriter().write("ok");
      }
    }

    private HttpResponse<String> preflight(String url, String origin) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create(url))
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", origin)
              .header("Access-Control-Request-Method", "PUT")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@code test} against Tomcat with the filter configured by {@code config}. */
    private void onTomcat(Path config, TomcatTest test) throws Exception {
      Tomcat tomcat = new Tomcat();
      Path base = Files.createDirectories(dir.resolve("tomcat"));
      tomcat.setBaseDir(base.toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("", base.toString());
      ((StandardContext) context).setClearReferencesThreadLocals(false);
      ((StandardContext) context).setClearReferencesRmiTargets(false);
      context.addServletContainerInitializer(
          (classes, servletContext) -> {
            FilterRegistration.Dynamic cors = servletContext.addFilter("cors", CorsFilter.class);
            cors.setInitParameter("config", config.toString());
            cors.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            servletContext.addServlet("ok", new Ok()).addMapping("/");
          },
          null);
      try {
        tomcat.start();
        assertThat(context.getState()).isEqualTo(LifecycleState.STARTED);
        test.run("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
      } finally {
        tomcat.stop();
        tomcat.destroy();
      }
    }

    /** A test against a running Tomcat. */
    private interface TomcatTest {
      void run(String base) throws Exception;
    }

    @Test
    void jsonConfig_routesApplied() throws Exception {
      Path file = Files.writeString(dir.resolve("cors.json"), JSON);

      onTomcat(
          file,
          base -> {
            HttpResponse<String> allowed =
                preflight(base + "/api/items", "https://docs.example.org");
            assertThat(allowed.statusCode()).isEqualTo(204);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://docs.example.org");
            assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            assertThat(
                    preflight(base + "/other", "https://app.example.com")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .as("no route, no CORS")
                .isEmpty();
          });
    }

    @Test
    void yamlConfig_regexOriginAndMethods() throws Exception {
      Path file = Files.writeString(dir.resolve("cors.yaml"), YAML);

      onTomcat(
          file,
          base -> {
            HttpResponse<String> allowed = preflight(base + "/x", "https://docs.example.org");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://docs.example.org");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET,PUT");
            assertThat(
                    preflight(base + "/x", "https://evil.example")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
          });
    }

    @Test
    void invalidYaml_initFailsNamingFileLineAndColumn() throws IOException {
      Path file =
          Files.writeString(dir.resolve("cors.yaml"), "origin: [https://a.example\nmethods: GET\n");

      assertThatThrownBy(() -> new CorsFilter().init(config("config", file.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith(
              "filter cors: cannot read " + file + ": " + file + ":2:8: is not valid YAML");
    }

    /** The init-params of a filter, as web.xml gives them. */
    private FilterConfig config(String name, String value) {
      return new FilterConfig() {
        @Override
        public String getFilterName() {
          return "cors";
        }

        @Override
        public ServletContext getServletContext() {
          return null;
        }

        @Override
        public String getInitParameter(String param) {
          return param.equals(name) ? value : null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
          return Collections.enumeration(List.of(name));
        }
      };
    }
  }
}
