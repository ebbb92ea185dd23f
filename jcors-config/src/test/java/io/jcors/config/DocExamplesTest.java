package io.jcors.config;

import static io.jcors.testsupport.DocSnippets.withoutIndentation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcors.CorsPolicy;
import io.jcors.CorsProblem.Severity;
import io.jcors.Route;
import io.jcors.testsupport.DocSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the Javadoc examples of this module's public types and the examples of docs/adapters.md,
 * "Config files in an application": each Java snippet appears verbatim in this class (checked
 * below), and the properties example is read as the docs say.
 */
class DocExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "adapters.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "io", "jcors", "config", "DocExamplesTest.java");
  private static final String SECTION = "### Config files in an application";

  private final Logger log = Logger.getLogger(DocExamplesTest.class.getName());
  private final List<CorsPolicy> served = new ArrayList<>();

  /** What the examples call "serve": the policy of src/test/resources/cors.yaml, checked. */
  private void serve(CorsPolicy policy) throws Exception {
    assertThat(Requests.allowOrigin(policy, "/api/a", "https://app.example.com"))
        .isEqualTo("https://app.example.com");
    served.add(policy);
  }

  /** The application class of the adapters.md example. */
  static final class App {}

  @Test
  void configReaderOrigin_javadoc() {
    assertEquals(
        List.of("https://a.example", "/(a|b){1,2}\\.example$/"),
        ConfigReader.origin("https://a.example, /(a|b){1,2}\\.example$/"));
    assertEquals(true, ConfigReader.origin("true"));
  }

  @Test
  void configReader() {
    CorsPolicy policy = ConfigReader.read("classpath:cors.yaml", OriginSources.none()).policy();

    assertThat(policy).isNotNull();
  }

  @Test
  void loadedConfig() {
    LoadedConfig config = ConfigReader.read("classpath:cors.yaml", OriginSources.none());
    for (ConfigProblem problem : config.problems()) {
      log.warning(config.source() + ":" + problem);
    }
    CorsPolicy policy = config.policy(); // a ConfigException listing every error, if any

    assertThat(policy).isNotNull();
  }

  @Test
  void originSources() throws Exception {
    try (OriginSources sources = OriginSources.open(getClass().getClassLoader())) {
      CorsPolicy policy = ConfigReader.read("classpath:cors.yaml", sources).policy();
      serve(policy); // origin lists from a database refresh until the sources are closed
    }
    assertThat(served).hasSize(1);
  }

  @Test
  void configProblem() {
    LoadedConfig config =
        ConfigReader.readMap("init-params", Map.of("maxAge", "soon"), OriginSources.none());
    ConfigProblem problem = config.problems().get(0);
    assertEquals("maxAge", problem.key());
    assertEquals("\"soon\"", problem.value());
  }

  @Test
  void configException() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigReader.readMap(
                        "init-params",
                        Map.of("origin", "*", "credentials", "true"),
                        OriginSources.none())
                    .policy());
    assertEquals("credentials", e.problems().get(0).option());
  }

  @Test
  void location() {
    Location at = new Location(3, 15);
    assertEquals("3:15", at.toString());
  }

  @Test
  void adaptersDoc_application() throws Exception {
    try (OriginSources sources = OriginSources.open(App.class.getClassLoader())) {
      LoadedConfig config = ConfigReader.read("classpath:cors.yaml", sources);
      for (ConfigProblem problem : config.problems()) {
        log.warning(config.source() + ":" + problem); // cors.yaml:4:9: origin[0]: ...
      }
      CorsPolicy policy = config.policy(); // a ConfigException listing every error, if any
      serve(policy); // origins from a database refresh until the sources are closed
    }
    assertThat(served).hasSize(1);
  }

  @Test
  void adaptersDoc_properties_readWithoutErrors() throws Exception {
    Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(section());
    assertThat(block.find()).isTrue();
    Path file = Files.createTempFile("cors", ".properties");
    try (OriginSources sources = OriginSources.checkOnly(getClass().getClassLoader())) {
      Files.writeString(file, block.group(1));

      LoadedConfig config = ConfigReader.read(file, sources);

      assertThat(config.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
      assertThat(config.policy().routes())
          .extracting(Route::path)
          .containsExactly("/api/**", "/public/**", "/db/**");
      assertThat(sources.checked())
          .singleElement()
          .satisfies(c -> assertThat(c.key()).isEqualTo("jdbc"));
      assertThat(Requests.allowOrigin(config.policy(), "/api/x", "https://www.example.net"))
          .isEqualTo("https://www.example.net");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void everyJavaSnippet_appearsInThisTest() throws IOException {
    String source = withoutIndentation(Files.readString(SOURCE, StandardCharsets.UTF_8));
    List<String> blocks = DocSnippets.javaBlocks(section());
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(source)
          .as("snippet %d of %s", i + 1, DOC)
          .contains(withoutIndentation(blocks.get(i)));
    }
    assertThat(blocks).hasSize(1);
    for (String main :
        List.of(
            "ConfigReader",
            "LoadedConfig",
            "OriginSources",
            "ConfigProblem",
            "ConfigException",
            "Location")) {
      String example =
          DocSnippets.javadocExample(
              Path.of("src", "main", "java", "io", "jcors", "config", main + ".java"));
      assertThat(source).as("the example of " + main).contains(withoutIndentation(example));
    }
  }

  /** The section of docs/adapters.md about config files in an application. */
  private static String section() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int start = doc.indexOf(SECTION);
    int end = doc.indexOf("\n### ", start + SECTION.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }
}
