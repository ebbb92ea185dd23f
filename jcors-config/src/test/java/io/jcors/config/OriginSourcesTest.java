package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsConfig;
import io.jcors.OriginResolver;
import io.jcors.OriginSourceProvider;
import io.jcors.Origins;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Origin sources found with ServiceLoader by their key, as config files name them. */
class OriginSourcesTest {
  private static final ClassLoader LOADER = OriginSourcesTest.class.getClassLoader();

  /**
   * {@code "origin": {"listed": {"origins": "a,b"}}}: a source of the tests, registered in
   * META-INF/services as any provider is.
   */
  public static final class Listed implements OriginSourceProvider {
    /** The ServiceLoader's constructor. */
    public Listed() {}

    @Override
    public String key() {
      return "listed";
    }

    @Override
    public Source open() {
      return new Source() {
        @Override
        public OriginResolver create(Map<String, ?> settings) {
          Origins origins = Origins.of(readOnce(settings));
          return requestOrigin -> CompletableFuture.completedFuture(origins);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void check(Map<String, ?> settings) {
      if (!(settings.get("origins") instanceof String) || settings.size() != 1) {
        throw new IllegalArgumentException("needs one setting, \"origins\": a comma list");
      }
    }

    @Override
    public List<String> readOnce(Map<String, ?> settings) {
      check(settings);
      return List.of(((String) settings.get("origins")).split(","));
    }
  }

  /** A class loader of an application without any origin source: no provider is listed. */
  private static final ClassLoader WITHOUT_PROVIDERS =
      new ClassLoader(LOADER) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
          return name.equals("META-INF/services/" + OriginSourceProvider.class.getName())
              ? Collections.emptyEnumeration()
              : super.getResources(name);
        }
      };

  /** Another provider with the key {@code listed}. */
  public static final class AlsoListed implements OriginSourceProvider {
    private final Listed listed = new Listed();

    /** The ServiceLoader's constructor. */
    public AlsoListed() {}

    @Override
    public String key() {
      return "listed";
    }

    @Override
    public Source open() {
      return listed.open();
    }

    @Override
    public void check(Map<String, ?> settings) {
      listed.check(settings);
    }

    @Override
    public List<String> readOnce(Map<String, ?> settings) {
      return listed.readOnce(settings);
    }
  }

  /** The one problem of reading {@code params} as init parameters with {@code sources}. */
  private static ConfigProblem onlyProblem(Map<String, String> params, OriginSources sources) {
    return Problems.only(ConfigReader.readMap("init-params", params, sources));
  }

  @Test
  void twoProvidersWithOneKey_areRefusedNamingBoth(@TempDir Path dir) throws Exception {
    Path services = Files.writeString(dir.resolve("providers"), AlsoListed.class.getName() + "\n");
    ClassLoader withTwo =
        new ClassLoader(LOADER) {
          @Override
          public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.equals("META-INF/services/" + OriginSourceProvider.class.getName())) {
              return super.getResources(name);
            }
            List<URL> urls = Collections.list(super.getResources(name));
            urls.add(services.toUri().toURL());
            return Collections.enumeration(urls);
          }
        };

    assertThatThrownBy(() -> OriginSources.open(withTwo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "two origin sources have the key listed: "
                + Listed.class.getName()
                + " and "
                + AlsoListed.class.getName()
                + "; remove one of their jars from the class path");
  }

  @Test
  void keys_everyProviderOnTheClassPath() {
    try (OriginSources sources = OriginSources.open(LOADER)) {
      assertThat(sources.keys())
          .containsExactly("file", "jdbc", "listed"); // file: jcors-config's own
    }
  }

  @Test
  void aSourceOfTheTests_foundByItsKey_givesTheOrigins() throws Exception {
    try (OriginSources sources = OriginSources.open(LOADER)) {
      LoadedConfig config =
          ConfigReader.readMap(
              "init-params",
              Map.of("origin.listed.origins", "https://a.example,https://b.example"),
              sources);

      assertThat(config.problems()).isEmpty();
      assertThat(Requests.allowOrigin(config.policy(), "/", "https://b.example"))
          .isEqualTo("https://b.example");
      assertThat(Requests.allowOrigin(config.policy(), "/", "https://c.example")).isNull();
    }
  }

  @Test
  void unknownKey_isAProblemNamingTheKnownOnes() {
    try (OriginSources sources = OriginSources.open(LOADER)) {
      ConfigProblem problem = onlyProblem(Map.of("origin.ldap.url", "ldap://x"), sources);

      assertThat(problem.key()).isEqualTo("origin.ldap.url");
      assertThat(problem.reason())
          .isEqualTo("is not an origin source; the known sources are file, jdbc, listed");
    }
  }

  @Test
  void wrongSettings_areAProblemOfTheSource() {
    try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
      assertThat(onlyProblem(Map.of("origin.listed.origin", "x"), sources))
          .hasToString("origin.listed: needs one setting, \"origins\": a comma list");
      assertThat(sources.checked()).isEmpty();
    }
  }

  @Test
  void withoutJcorsJdbc_jdbc_isAProblemNamingTheArtifact() {
    try (OriginSources sources = OriginSources.open(WITHOUT_PROVIDERS)) {
      ConfigProblem problem =
          onlyProblem(Map.of("origin.jdbc.url", "jdbc:sqlite:cors.db"), sources);

      assertThat(sources.keys()).containsExactly("file"); // jcors-config's own
      assertThat(problem)
          .hasToString(
              "origin.jdbc: reads the origins from a database, which needs io.jcors:jcors-jdbc;"
                  + " it is not on the class path: add it to the application, with the JDBC"
                  + " driver of the database");
    }
  }

  @Test
  void none_refusesEverySource() {
    assertThat(onlyProblem(Map.of("origin.jdbc.url", "x"), OriginSources.none()).reason())
        .isEqualTo("is an object, and no origin source is available here");
  }

  /** The jdbc source of jcors-jdbc, found by its key, on a SQLite file. */
  @Nested
  class Jdbc {
    @TempDir Path dir;

    private String database() throws Exception {
      String url = "jdbc:sqlite:" + dir.resolve("origins.db");
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE cors_origins (origin TEXT PRIMARY KEY)");
        statement.execute("INSERT INTO cors_origins VALUES ('https://app.example.com')");
      }
      return url;
    }

    @Test
    void yamlFile_originsFromTheTable() throws Exception {
      Path file =
          Files.writeString(
              dir.resolve("cors.yaml"),
              "origin:\n  jdbc:\n    url: "
                  + database()
                  + "\n    query: SELECT origin FROM cors_origins\n");

      try (OriginSources sources = OriginSources.open(LOADER)) {
        LoadedConfig config = ConfigReader.read(file, sources);

        assertThat(config.problems()).isEmpty();
        assertThat(Requests.allowOrigin(config.policy(), "/", "https://app.example.com"))
            .isEqualTo("https://app.example.com");
        assertThat(Requests.allowOrigin(config.policy(), "/", "https://evil.example")).isNull();
      }
    }

    @Test
    void checkOnly_keepsTheSource_andReadsItsRowsOnce() throws Exception {
      String url = database();
      try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
        LoadedConfig config =
            ConfigReader.readMap(
                "cors.properties",
                Map.of(
                    "routes[0].path", "/api/**",
                    "routes[0].cors.credentials", "true",
                    "routes[0].cors.origin.jdbc.url", url,
                    "routes[0].cors.origin.jdbc.query", "SELECT origin FROM cors_origins",
                    "routes[0].cors.origin.jdbc.refreshSeconds", "5"),
                sources);

        assertThat(config.problems()).isEmpty();
        assertThat(sources.checked())
            .singleElement()
            .satisfies(
                checked -> {
                  assertThat(checked.key()).isEqualTo("jdbc");
                  assertThat(checked.credentials()).isTrue();
                  assertThat(config.pathOf(checked.settings()))
                      .isEqualTo("routes[0].cors.origin.jdbc");
                  assertThat(sources.readOnce(checked)).containsExactly("https://app.example.com");
                });
      }
    }

    @Test
    void wrongSetting_isAProblemAtTheKey() {
      try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
        ConfigProblem problem =
            onlyProblem(
                Map.of(
                    "origin.jdbc.url", "jdbc:nosuchdriver:cors",
                    "origin.jdbc.query", "SELECT origin FROM cors_origins"),
                sources);

        assertThat(problem.key()).isIn("origin.jdbc.url", "origin.jdbc.query");
        assertThat(problem.toString())
            .startsWith(
                "origin.jdbc: has the url \"jdbc:nosuchdriver:cors\", for which no JDBC"
                    + " driver is installed");
      }
    }
  }

  @Test
  void readOnce_ofAnUnknownKey_isRefused() {
    try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
      assertThatThrownBy(
              () -> sources.readOnce(new OriginSources.Checked("ldap", Map.of(), false, false)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no origin source has the key ldap");
    }
  }

  @Test
  void of_theApplicationsOwnSources_byKey() {
    CorsConfig.OriginSource partners =
        settings ->
            origin -> CompletableFuture.completedFuture(Origins.of("https://partner.example.com"));
    LoadedConfig config =
        ConfigReader.readMap(
            "filter cors",
            Map.of("origin.partners.region", "eu"),
            OriginSources.of(Map.of("partners", partners)));

    assertThat(config.problems()).isEmpty();
    assertThat(config.policy()).isNotNull();
    LoadedConfig unknown =
        ConfigReader.readMap(
            "filter cors", Map.of("origin.jdbc.query", "SELECT 1"), OriginSources.of(Map.of()));
    assertThat(unknown.hasErrors()).isTrue();
  }
}
