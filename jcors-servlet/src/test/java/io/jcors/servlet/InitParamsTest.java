package io.jcors.servlet;

import static io.jcors.servlet.testing.FilterParams.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.config.ConfigException;
import io.jcors.config.ConfigProblem;
import jakarta.servlet.ServletException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitParamsTest {
  @Nested
  class Errors {
    @Test
    void invalidOptions_initFails_listingEveryProblem() {
      CorsFilter filter = new CorsFilter();
      assertThatThrownBy(
              () ->
                  filter.init(
                      params(
                          "origin", "https://*, /[/",
                          "credentials", "yes",
                          "maxAg", "5")))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith("filter cors: invalid CORS configuration (4 problems)")
          .hasMessageContaining("origin[0]: \"https://*\"")
          .hasMessageContaining("origin[1]: \"/[/\"")
          .hasMessageContaining("credentials: \"yes\" is not a boolean")
          .hasMessageContaining("maxAg: is not a known option. Fix: did you mean \"maxAge\"?")
          .cause()
          .isInstanceOf(ConfigException.class)
          .satisfies(
              e ->
                  assertThat(((ConfigException) e).problems())
                      .extracting(ConfigProblem::option)
                      .containsExactlyInAnyOrder("maxAg", "origin[0]", "origin[1]", "credentials"));
    }

    @Test
    void configAndOptions_both_initFailsNamingBoth() {
      assertThatThrownBy(() -> new CorsFilter().init(params("config", "cors.json", "origin", "*")))
          .isInstanceOf(ServletException.class)
          .hasMessage(
              "filter cors: init-param config names a file, and the options [origin] are"
                  + " init-params too; keep one of the two");
    }

    @Test
    void routesAsInitParams_eachProblemAtItsKey() {
      assertThatThrownBy(
              () ->
                  new CorsFilter()
                      .init(
                          params(
                              "routes[0].path", "/api/**",
                              "routes[0].cors.maxAge", "soon",
                              "routes[2].path", "/b")))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith(
              "filter cors: invalid CORS configuration (2 problems)\n"
                  + "  - routes[0].path: routes[1] is missing, and a later entry is given. Fix:"
                  + " number the entries from 0 without gaps\n"
                  + "  - routes[0].cors.maxAge: \"soon\" is not a whole number");
    }

    @Test
    void configFile_invalidYaml_initFailsNamingFileLineAndColumn(@TempDir Path dir)
        throws Exception {
      Path file =
          Files.writeString(dir.resolve("cors.yaml"), "origin: [https://a.example\nmethods: GET\n");

      assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith(
              "filter cors: "
                  + file
                  + ": invalid CORS configuration (1 problem)\n  - 2:8: is not"
                  + " valid YAML");
    }

    @Test
    void configFile_classPathResourceMissing_initFailsSayingWhereToPutIt() {
      assertThatThrownBy(() -> new CorsFilter().init(params("config", "classpath:absent.yaml")))
          .isInstanceOf(ServletException.class)
          .hasMessage(
              "filter cors: classpath:absent.yaml: invalid CORS configuration (1 problem)\n"
                  + "  - no such resource on the class path; put absent.yaml at the root of the"
                  + " class path (src/main/resources in a Maven or Gradle project), or name a"
                  + " file");
    }

    @Test
    void configFile_missing_initFails(@TempDir Path dir) {
      Path missing = dir.resolve("absent.properties");
      assertThatThrownBy(() -> new CorsFilter().init(params("config", missing.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessage(
              "filter cors: init-param config names "
                  + missing
                  + ", which is neither a file nor a resource of the web application; for a file"
                  + " in the application's jar or WEB-INF/classes, write classpath:"
                  + missing.toString().substring(1));
    }

    @Test
    void configFile_invalidContent_initFailsNamingTheFile(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("cors.properties"), "maxAge=soon\n");
      assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith(
              "filter cors: "
                  + file
                  + ": invalid CORS configuration (1 problem)\n  - maxAge:"
                  + " \"soon\" is not a whole number");
    }
  }

  /** {@code "origin": {"jdbc": {...}}} without jcors-jdbc in the application. */
  @Nested
  class OriginsFromADatabase {
    @TempDir Path dir;

    @Test
    void withoutJcorsJdbc_initFailsNamingTheArtifact() throws Exception {
      Path file =
          Files.writeString(
              dir.resolve("cors.properties"),
              "origin.jdbc.url=jdbc:sqlite:"
                  + dir.resolve("cors.db")
                  + "\norigin.jdbc.query=SELECT origin FROM cors_origins\n");

      assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessage(
              "filter cors: "
                  + file
                  + ": invalid CORS configuration (1 problem)\n"
                  + "  - origin.jdbc: reads the origins from a database, which needs"
                  + " io.jcors:jcors-jdbc; it is not on the class path: add it to the"
                  + " application, with the JDBC driver of the database");
    }

    @Test
    void withoutJcorsJdbc_otherOrigins_initSucceeds() throws Exception {
      Path file =
          Files.writeString(dir.resolve("cors.properties"), "origin=https://app.example.com\n");
      CorsFilter filter = new CorsFilter();

      filter.init(params("config", file.toString()));
      filter.destroy();
    }
  }
}
