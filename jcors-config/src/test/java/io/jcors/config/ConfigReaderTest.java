package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsPolicy;
import io.jcors.CorsProblem.Severity;
import io.jcors.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files and class-path resources read into policies, every problem placed. */
class ConfigReaderTest {
  private static final ClassLoader LOADER = ConfigReaderTest.class.getClassLoader();

  @Nested
  class ClassPath {
    @Test
    void yamlResource_isThePolicy() throws Exception {
      LoadedConfig config = ConfigReader.read("classpath:cors.yaml", LOADER, OriginSources.none());

      assertThat(config.problems()).isEmpty();
      assertThat(config.source()).isEqualTo("classpath:cors.yaml");
      assertThat(config.policy().routes())
          .extracting(Route::path)
          .containsExactly("/api/**", "/internal/**");
      CorsPolicy policy = config.policy();
      assertThat(Requests.allowOrigin(policy, "/api/items", "https://app.example.com"))
          .isEqualTo("https://app.example.com");
      assertThat(Requests.allowOrigin(policy, "/api/items", "https://b.example.org"))
          .isEqualTo("https://b.example.org");
      assertThat(Requests.allowOrigin(policy, "/api/items", "https://evil.example")).isNull();
      assertThat(Requests.allowOrigin(policy, "/internal/x", "https://app.example.com")).isNull();
    }

    @Test
    void leadingSlash_andTheContextClassLoader_findTheSameResource() throws Exception {
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      thread.setContextClassLoader(LOADER);
      try {
        LoadedConfig config = ConfigReader.read("classpath:/cors.yaml", OriginSources.none());

        assertThat(config.hasErrors()).isFalse();
        assertThat(Requests.allowOrigin(config.policy(), "/api/a", "https://app.example.com"))
            .isEqualTo("https://app.example.com");
      } finally {
        thread.setContextClassLoader(before);
      }
    }

    @Test
    void missingResource_oneErrorSayingWhereToPutIt() {
      LoadedConfig config = ConfigReader.read("classpath:cors.json", LOADER, OriginSources.none());

      assertThat(config.hasErrors()).isTrue();
      assertThat(config.problems())
          .singleElement()
          .hasToString(
              "no such resource on the class path; put cors.json at the root of the class path"
                  + " (src/main/resources in a Maven or Gradle project), or name a file");
      assertThatThrownBy(config::policy)
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "classpath:cors.json: invalid CORS configuration (1 problem)\n"
                  + "  - no such resource on the class path; put cors.json at the root of the"
                  + " class path (src/main/resources in a Maven or Gradle project), or name a file");
    }

    @Test
    void propertiesResource_loadsWithItsWarningAtTheKey() {
      LoadedConfig config =
          ConfigReader.read("classpath:app/risky.properties", LOADER, OriginSources.none());

      assertThat(config.hasErrors()).isFalse();
      assertThat(config.problems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING))
          .anySatisfy(
              p -> {
                assertThat(p.key()).isEqualTo("origin");
                assertThat(p.value()).isEqualTo("\"http://app.example.com\"");
                assertThat(p.location()).isNull();
              });
    }
  }

  @Nested
  class Files_ {
    @TempDir Path dir;

    @Test
    void json_problemsAtLineAndColumn_inTheOrderOfTheFile() throws Exception {
      Path file =
          Files.writeString(
              dir.resolve("cors.json"),
              "{\n  \"origin\": \"*\",\n  \"maxAge\": \"soon\",\n  \"credentials\": true\n}\n");

      LoadedConfig config = ConfigReader.read(file, OriginSources.none());

      assertThat(config.problems())
          .extracting(p -> p.location() + " " + p.option())
          .containsExactly("3:13 maxAge", "4:18 credentials");
      assertThatThrownBy(config::policy)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(
              file + ": invalid CORS configuration (2 problems)\n  - 3:13: maxAge: \"soon\"")
          .satisfies(
              e ->
                  assertThat(((ConfigException) e).problems())
                      .extracting(ConfigProblem::option)
                      .containsExactly("maxAge", "credentials"));
    }

    @Test
    void duplicateKey_isAnError_atTheSecond() throws Exception {
      Path file =
          Files.writeString(dir.resolve("cors.yaml"), "origin: https://a.example\norigin: '*'\n");

      LoadedConfig config = ConfigReader.read(file, OriginSources.none());

      ConfigProblem problem = Problems.only(config);
      assertThat(config.hasErrors()).isTrue();
      assertThat(problem.location()).isEqualTo(new Location(2, 1));
      assertThat(problem.option()).isEqualTo("origin");
      assertThat(problem.problem()).isNull();
      assertThat(problem.reason()).startsWith("is written twice in the same object (first at 1:1)");
    }

    @Test
    void missing_directory_tooLarge_notUtf8_eachOneError() throws Exception {
      Path big = Files.write(dir.resolve("big.json"), new byte[ConfigFile.MAX_BYTES + 1]);
      Path latin1 =
          Files.write(
              dir.resolve("l.yaml"), "origin: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

      assertThat(ConfigReader.read(dir.resolve("absent.json"), OriginSources.none()).problems())
          .singleElement()
          .hasToString("no such file");
      assertThat(ConfigReader.read(dir, OriginSources.none()).problems())
          .singleElement()
          .hasToString("is a directory, not a config file");
      assertThat(ConfigReader.read(big, OriginSources.none()).problems())
          .singleElement()
          .hasToString("is larger than 1 MiB; a CORS config file is a few lines of JSON or YAML");
      assertThat(ConfigReader.read(latin1, OriginSources.none()).problems())
          .singleElement()
          .hasToString("is not UTF-8 text; save it as UTF-8 JSON or YAML");
    }

    @Test
    void location_withoutPrefix_isAFilePath() throws Exception {
      Path file = Files.writeString(dir.resolve("cors.yml"), "origin: https://a.example\n");

      LoadedConfig config = ConfigReader.read(file.toString(), LOADER, OriginSources.none());

      assertThat(Requests.allowOrigin(config.policy(), "/", "https://a.example"))
          .isEqualTo("https://a.example");
    }

    @Test
    void propertiesFile_keyWrittenTwice_isRefused() throws Exception {
      Path file =
          Files.writeString(dir.resolve("cors.properties"), "origin=https://a.example\norigin=*\n");

      assertThat(ConfigReader.read(file, OriginSources.none()).problems())
          .singleElement()
          .hasToString(
              "writes the key \"origin\" twice; Properties keeps only the last value: remove one"
                  + " of them");
    }

    @Test
    void stream_readInTheFormatOfItsName() {
      byte[] yaml = "origin: https://a.example\nmaxAge: -1\n".getBytes(StandardCharsets.UTF_8);

      LoadedConfig config =
          ConfigReader.read(
              "/WEB-INF/cors.yaml", new ByteArrayInputStream(yaml), OriginSources.none());

      assertThat(config.source()).isEqualTo("/WEB-INF/cors.yaml");
      assertThat(Problems.only(config).location()).isEqualTo(new Location(2, 9));
    }
  }
}
