package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The jcors.* properties as a config file's tree, and problems back as property names. */
class PropertiesTreeTest {
  static PropertiesTree.Read read(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return read(environment);
  }

  /** The jcors.* properties of {@code environment}, bound as the starter binds them, as a tree. */
  static PropertiesTree.Read read(StandardEnvironment environment) {
    JcorsProperties bound = Binder.get(environment).bindOrCreate("jcors", JcorsProperties.class);
    return PropertiesTree.read(bound, environment);
  }

  @Nested
  class Origin {
    @Test
    void oneString_isTheConfigFilesString() {
      assertThat(read(Map.of("jcors.origin", "https://a.example")).tree())
          .containsEntry("origin", "https://a.example");
    }

    @Test
    void regexWithCommas_keptWhole() {
      assertThat(
              read(Map.of(
                      "jcors.origin",
                      "/^https:\\/\\/[a-z]{1,20}\\.example\\.com$/i, https://b.example"))
                  .tree())
          .containsEntry(
              "origin",
              List.of("/^https:\\/\\/[a-z]{1,20}\\.example\\.com$/i", "https://b.example"));
    }

    @Test
    void trueAndFalse_areBooleans() {
      assertThat(read(Map.of("jcors.origin", "true")).tree()).containsEntry("origin", true);
      assertThat(read(Map.of("jcors.origin", "false")).tree()).containsEntry("origin", false);
    }

    @Test
    void indexedList_isAList() {
      assertThat(read(Map.of("jcors.origin[0]", "https://a.example")).tree())
          .containsEntry("origin", List.of("https://a.example"));
    }
  }

  @Test
  void relaxedNames_andValues_asInAConfigFile() {
    Map<String, Object> tree =
        read(Map.of(
                "jcors.allowedHeaders", "Content-Type,X-Id",
                "jcors.MAX_AGE", "600",
                "jcors.credentials", "true",
                "jcors.options-success-status", "200"))
            .tree();
    assertThat(tree)
        .containsEntry("allowedHeaders", "Content-Type,X-Id")
        .containsEntry("maxAge", "600")
        .containsEntry("credentials", true)
        .containsEntry("optionsSuccessStatus", "200");
  }

  @Test
  void emptyAllowedHeaders_keepsExpressMeaning_reflect() {
    assertThat(read(Map.of("jcors.allowed-headers", "")).tree())
        .containsEntry("allowedHeaders", "");
  }

  @Test
  void routes_withAndWithoutCors() {
    Map<String, Object> tree =
        read(Map.of(
                "jcors.routes[0].path", "/api/**",
                "jcors.routes[0].cors.origin", "https://a.example",
                "jcors.routes[1].path", "/internal/**",
                "jcors.strict", "true"))
            .tree();
    assertThat(tree)
        .containsEntry("strict", true)
        .containsEntry(
            "routes",
            List.of(
                Map.of("path", "/api/**", "cors", Map.of("origin", "https://a.example")),
                Map.of("path", "/internal/**")));
  }

  @Test
  void yamlEmptyCors_droppedBySpringsYamlLoader_soTheRouteHasNoCors() throws Exception {
    // Spring's YAML loader writes no property for an empty map: `cors: {}` cannot be told from
    // no cors at all. docs/spring-boot.md says to write `cors: {origin: "*"}` for the defaults.
    StandardEnvironment environment = new StandardEnvironment();
    for (PropertySource<?> source :
        new YamlPropertySourceLoader()
            .load("empty-cors.yml", new ClassPathResource("empty-cors.yml"))) {
      environment.getPropertySources().addFirst(source);
    }
    assertThat(read(environment).tree())
        .containsEntry(
            "routes", List.of(Map.of("path", "/public/**"), Map.of("path", "/internal/**")));
  }

  @Test
  void optionBesideRoutes_isAProblem() {
    PropertiesTree.Read read =
        read(Map.of("jcors.routes[0].path", "/api/**", "jcors.origin", "https://a.example"));
    assertThat(read.problems())
        .singleElement()
        .hasToString(
            "jcors.origin: is set together with jcors.routes, where each route has its own options."
                + " Fix: move it to each route's cors (jcors.routes[0].cors.origin), or remove"
                + " jcors.routes");
  }

  @Test
  void typo_nearestName() {
    assertThat(read(Map.of("jcors.max-ag", "600")).problems())
        .singleElement()
        .hasToString("jcors.max-ag: is not a jcors property. Fix: did you mean jcors.max-age?");
  }

  @Test
  void systemPropertiesAndEnvironment_onlyJcorsPropertiesCount() {
    // Surefire passes a build's -Djcors.version=... to the tests' JVM; a variable JCORS_HOME is
    // jcors.home to Spring. Neither is CORS configuration.
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("jcors.version", "0.1.0")));
    assertThat(PropertiesTree.configured(environment)).isFalse();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("jcors.version", "0.1.0", "jcors.origin", "https://a.example")));
    assertThat(PropertiesTree.configured(environment)).isTrue();
    assertThat(read(environment).problems()).isEmpty();
  }

  @Test
  void problemOption_asPropertyName() {
    assertThat(PropertiesTree.property("routes[0].cors.allowedHeaders[1]"))
        .isEqualTo("jcors.routes[0].cors.allowed-headers[1]");
    assertThat(PropertiesTree.property("optionsSuccessStatus"))
        .isEqualTo("jcors.options-success-status");
  }
}
