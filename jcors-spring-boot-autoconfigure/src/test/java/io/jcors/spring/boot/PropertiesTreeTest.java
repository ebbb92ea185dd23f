package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /** One property each: its name, its value, and the config file's entry it stands for. */
  static Stream<Arguments> oneProperty() {
    return Stream.of(
        arguments(
            "origin: one string is the config file's string",
            "jcors.origin",
            "https://a.example",
            "origin",
            "https://a.example"),
        arguments(
            "origin: a regex with commas is kept whole",
            "jcors.origin",
            "/^https:\\/\\/[a-z]{1,20}\\.example\\.com$/i, https://b.example",
            "origin",
            List.of("/^https:\\/\\/[a-z]{1,20}\\.example\\.com$/i", "https://b.example")),
        arguments("origin: true is a boolean", "jcors.origin", "true", "origin", true),
        arguments("origin: false is a boolean", "jcors.origin", "false", "origin", false),
        arguments(
            "origin[0]: an indexed list is a list",
            "jcors.origin[0]",
            "https://a.example",
            "origin",
            List.of("https://a.example")),
        arguments(
            "allowed-headers: empty keeps Express's meaning, reflect",
            "jcors.allowed-headers",
            "",
            "allowedHeaders",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneProperty")
  void oneProperty_isTheConfigFilesEntry(
      String name, String property, String value, String entry, Object expected) {
    assertThat(read(Map.of(property, value)).tree()).containsEntry(entry, expected);
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
    assertThat(PropertiesTree.configured(withSystemProperties(Map.of("jcors.version", "0.1.0"))))
        .isFalse();
    StandardEnvironment configured =
        withSystemProperties(Map.of("jcors.version", "0.1.0", "jcors.origin", "https://a.example"));
    assertThat(PropertiesTree.configured(configured)).isTrue();
    assertThat(read(configured).problems()).isEmpty();
  }

  /** An environment whose system properties are {@code properties} alone. */
  private static StandardEnvironment withSystemProperties(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
    return environment;
  }

  @Test
  void problemOption_asPropertyName() {
    assertThat(PropertiesTree.property("routes[0].cors.allowedHeaders[1]"))
        .isEqualTo("jcors.routes[0].cors.allowed-headers[1]");
    assertThat(PropertiesTree.property("optionsSuccessStatus"))
        .isEqualTo("jcors.options-success-status");
  }
}
