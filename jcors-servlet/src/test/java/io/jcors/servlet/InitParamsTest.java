package io.jcors.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsConfigException;
import io.jcors.CorsProblem;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitParamsTest {
  /** The init-params of a filter, as web.xml gives them. */
  private static FilterConfig params(String... nameValue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], nameValue[i + 1]);
    }
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
      public String getInitParameter(String name) {
        return map.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(map.keySet());
      }
    };
  }

  @Nested
  class Values {
    @Test
    void origin_commaList_keepsRegexesWithCommas() {
      assertThat(
              InitParams.origin(
                  "https://a.example, /^https:\\/\\/(a|b){1,2}\\.example$/i ,https://*.example.org"))
          .isEqualTo(
              List.of(
                  "https://a.example",
                  "/^https:\\/\\/(a|b){1,2}\\.example$/i",
                  "https://*.example.org"));
    }

    @Test
    void origin_singleValues_keepTheirConfigFileShape() {
      assertThat(InitParams.origin("true")).isEqualTo(true);
      assertThat(InitParams.origin("false")).isEqualTo(false);
      assertThat(InitParams.origin("*")).isEqualTo("*");
      assertThat(InitParams.origin("https://a.example")).isEqualTo("https://a.example");
      assertThat(InitParams.origin("/\\.example\\.com$/")).isEqualTo("/\\.example\\.com$/");
      assertThat(InitParams.origin("https://a.example,")).isEqualTo(List.of("https://a.example"));
    }

    @Test
    void tree_booleansAndNumbers_asAConfigFileWouldGiveThem() {
      assertThat(
              InitParams.tree(
                  Map.of("credentials", "true", "maxAge", "600", "methods", "GET,POST")))
          .containsEntry("credentials", true)
          .containsEntry("maxAge", "600")
          .containsEntry("methods", "GET,POST");
    }
  }

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
          .isInstanceOf(CorsConfigException.class)
          .satisfies(
              e ->
                  assertThat(((CorsConfigException) e).problems())
                      .extracting(CorsProblem::option)
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
    void configFile_noReaderForItsType_saysToAddTheCliOrUseInitParams(@TempDir Path dir)
        throws Exception {
      Path json = Files.writeString(dir.resolve("cors.json"), "{\"origin\": \"*\"}");
      assertThatThrownBy(() -> new CorsFilter().init(params("config", json.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessage(
              "filter cors: no config file reader for cors.json among 1 found. Add"
                  + " io.jcors:jcors-cli (it reads JSON and YAML), or write the options as"
                  + " init-params (origin, methods, allowedHeaders, exposedHeaders, credentials,"
                  + " maxAge, preflightContinue, optionsSuccessStatus, strict, debug)");
    }

    @Test
    void configFile_missing_initFails(@TempDir Path dir) {
      Path missing = dir.resolve("absent.properties");
      assertThatThrownBy(() -> new CorsFilter().init(params("config", missing.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessage("filter cors: init-param config names " + missing + ", which is not a file");
    }

    @Test
    void configFile_invalidContent_initFailsNamingTheFile(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("cors.properties"), "maxAge=soon\n");
      assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith(
              "filter cors (" + file + "): invalid CORS configuration (1 problem)")
          .hasMessageContaining("maxAge: \"soon\" is not a whole number");
    }
  }
}
