package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML anchors ({@code &name}) and aliases ({@code *name}) are refused, each at its line and
 * column. The parser does not expand aliases: {@code methods: *m} was once read as the method
 * {@code m}, and a shared list of origins under an anchor became the origin {@code "o"}.
 */
public class YamlAnchorsTest {
  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public YamlAnchorsTest() {}

  private static ConfigFileException refused(String yaml) {
    try {
      ConfigFile file = ConfigFile.parse("cors.yaml", yaml, ConfigFile.Format.YAML);
      throw new AssertionError("read as " + file.tree());
    } catch (ConfigFileException e) {
      return e;
    }
  }

  @Test
  void alias_isRefusedAtTheAlias_notReadAsItsName() {
    ConfigFileException e = refused("origin: https://app.example.com\nmethods: *m\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "cors.yaml:2:10: *m is a YAML alias; jcors does not expand anchors and aliases (it"
                + " would read the text \"m\"): write the value out here");
    assertThat(e.location()).isEqualTo(new Location(2, 10));
  }

  @Test
  void anchorOnAList_andItsAlias_refusedAtTheAnchor_withTheCount() {
    ConfigFileException e =
        refused(
            """
            routes:
              - path: /a/**
                cors:
                  methods: &m [GET, PUT]
              - path: /b/**
                cors:
                  methods: *m
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "cors.yaml:4:16: &m is a YAML anchor; jcors does not expand anchors and aliases:"
                + " write the value out at each place that uses *m, and remove &m (1 more anchor"
                + " or alias in the file)");
  }

  @Test
  void anchorOnOneValue_isRefused() {
    ConfigFileException e = refused("origin: &o https://app.example.com\ncredentials: true\n");

    assertThat(e.getMessage()).startsWith("cors.yaml:1:9: &o is a YAML anchor; ");
  }

  @Test
  void anchorAfterATag_andOnAnObject_andOnAKey_areRefused() {
    assertThat(refused("maxAge: !!int &n 600\n").getMessage())
        .startsWith("cors.yaml:1:9: &n is a YAML anchor; ");
    assertThat(refused("routes:\n  - path: /a\n    cors: &c\n      origin: \"*\"\n").getMessage())
        .startsWith("cors.yaml:3:11: &c is a YAML anchor; ");
    assertThat(refused("&k origin: \"*\"\n").getMessage())
        .startsWith("cors.yaml:1:1: &k is a YAML anchor; ");
  }

  @Test
  void mergeKey_isRefusedAtItsAlias() {
    ConfigFileException e =
        refused(
            """
            routes:
              - path: /a/**
                cors: {origin: "https://app.example.com"}
              - path: /b/**
                cors:
                  <<: *base
            """);

    assertThat(e.getMessage()).startsWith("cors.yaml:6:11: *base is a YAML alias; ");
  }

  @Test
  void ampersandAndAsteriskInsideValues_areJustText() throws Exception {
    ConfigFile file =
        ConfigFile.parse(
            "cors.yaml",
            "origin: \"https://*.example.com\"\nallowedHeaders: \"X-A&B\"\nexposedHeaders: '*'\n",
            ConfigFile.Format.YAML);

    assertThat(file.tree())
        .containsEntry("origin", "https://*.example.com")
        .containsEntry("allowedHeaders", "X-A&B")
        .containsEntry("exposedHeaders", "*");
  }

  @Test
  void theReader_refusesTheFile_atTheAlias() throws Exception {
    Path file = dir.resolve("cors.yaml");
    Files.writeString(
        file, "origin: https://app.example.com\nmethods: *m\n", StandardCharsets.UTF_8);

    LoadedConfig config = ConfigReader.read(file, OriginSources.none());

    assertThat(config.hasErrors()).isTrue();
    assertThat(config.problems()).hasSize(1);
    assertThat(config.problems().get(0).toString())
        .startsWith("2:10: *m is a YAML alias; ")
        .contains("write the value out here");
    assertThatThrownBy(config::policy)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid CORS configuration (1 problem)\n  - 2:10: *m is");
  }
}
