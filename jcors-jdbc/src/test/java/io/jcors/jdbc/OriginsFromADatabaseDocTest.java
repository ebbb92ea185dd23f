package io.jcors.jdbc;

import static io.jcors.testsupport.DocSnippets.withoutIndentation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsConfig;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.jdbc.testing.Sql;
import io.jcors.testsupport.DocSnippets;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Runs every Java snippet of docs/origins-from-a-database.md (and of this module's Javadoc). */
class OriginsFromADatabaseDocTest {
  private static final Path DOC = Path.of("..", "docs", "origins-from-a-database.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "io", "jcors", "jdbc", "OriginsFromADatabaseDocTest.java");

  @TempDir Path dir;

  private Path databaseFile;
  private final OpenedResources resources = new OpenedResources();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @BeforeEach
  void database() {
    databaseFile = dir.resolve("cors.db");
    new Sql("jdbc:sqlite:" + databaseFile, null)
        .createOriginTable("https://app.example.com", "https://*.example.org");
  }

  @AfterEach
  void stop() throws Exception {
    resources.closeAll();
    executor.shutdownNow();
  }

  /** The database of the Express guides: loadOrigins answers later, through a callback. */
  final class CallbackDatabase {
    private final SQLiteDataSource dataSource = new SQLiteDataSource();

    CallbackDatabase() {
      dataSource.setUrl("jdbc:sqlite:" + databaseFile);
    }

    void loadOrigins(BiConsumer<Exception, List<String>> callback) {
      executor.execute(
          () -> {
            List<String> origins = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT origin FROM cors_origins")) {
              while (rows.next()) {
                origins.add(rows.getString(1));
              }
            } catch (SQLException e) {
              callback.accept(e, null);
              return;
            }
            callback.accept(null, origins);
          });
    }
  }

  private ApiServer server(CorsPolicy policy) {
    return resources.add(new ApiServer(policy));
  }

  @Test
  void asyncFunction_likeTheExpressGuide_allowsTheListedOrigins_andFailsWith500() {
    CallbackDatabase db = new CallbackDatabase();
    // doc: async-function
    OriginResolver fromDatabase =
        origin -> {
          CompletableFuture<Origins> result = new CompletableFuture<>();
          db.loadOrigins(
              (error, origins) -> {
                if (error != null) {
                  result.completeExceptionally(error); // the request fails: a 500
                  return;
                }
                try {
                  result.complete(Origins.parse(origins));
                } catch (RuntimeException e) {
                  result.completeExceptionally(e);
                }
              });
          return result;
        };
    CorsOptions corsOptions = CorsOptions.builder().origin(fromDatabase).build();
    // end
    ApiServer api = server(CorsPolicy.of(corsOptions));
    assertThat(api.allows("https://app.example.com")).isTrue();
    assertThat(api.allows("https://shop.example.org")).isTrue();
    assertThat(api.allows("https://evil.example")).isFalse();

    new Sql("jdbc:sqlite:" + databaseFile, null).run("DROP TABLE cors_origins");
    HttpResponse<String> failed = api.get("https://app.example.com");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** What the docs call "serve": real HTTP through the policy, checked. */
  private void serve(CorsPolicy policy) {
    ApiServer api = server(policy);
    assertThat(api.allows("https://app.example.com")).isTrue();
    assertThat(api.allows("https://shop.example.org")).isTrue();
    assertThat(api.allows("https://evil.example")).isFalse();
  }

  @Test
  void jdbcOrigins_builder() {
    // doc: builder
    try (JdbcOrigins origins =
        JdbcOrigins.builder("jdbc:sqlite:" + databaseFile, null, null)
            .query("SELECT origin FROM cors_origins")
            .refreshInterval(Duration.ofSeconds(30))
            .start()) {
      CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(origins).build());
      serve(policy); // until the server stops; closing the origins stops the refresh thread
    }
    // end
  }

  @Test
  void jdbcOrigins_status() {
    JdbcOrigins origins =
        JdbcOrigins.builder("jdbc:sqlite:" + databaseFile, null, null)
            .query("SELECT origin FROM cors_origins")
            .start();
    resources.add(origins);
    // doc: status
    Optional<Instant> loadedAt = origins.lastLoadTime(); // empty until a load succeeds
    int entries = origins.lastLoadSize(); // entries in the list in use
    List<String> skipped = origins.lastLoadSkipped(); // rows not in use, each logged with why
    Optional<Exception> failure = origins.lastError(); // present while loads fail
    boolean stale = origins.isStale(); // no good load for staleAfterRefreshes intervals
    // end
    assertThat(loadedAt).isPresent();
    assertThat(entries).isEqualTo(2);
    assertThat(skipped).isEmpty();
    assertThat(failure).isEmpty();
    assertThat(stale).isFalse();
  }

  @Test
  void jdbcOrigins_credentialedStrict() {
    new Sql("jdbc:sqlite:" + databaseFile, null).insert("http://plain.example");
    // doc: credentials-strict
    JdbcOrigins origins =
        JdbcOrigins.builder("jdbc:sqlite:" + databaseFile, null, null)
            .query("SELECT origin FROM cors_origins")
            .credentials(true)
            .strict(true)
            .queryTimeout(Duration.ofSeconds(5))
            .maxRows(10_000)
            .start();
    CorsOptions options =
        CorsOptions.builder().origin(origins).credentials(true).strict(true).build();
    // end
    resources.add(origins);
    assertThat(origins.lastLoadSkipped()).containsExactly("http://plain.example");
    serve(CorsPolicy.of(options));
    assertThat(server(CorsPolicy.of(options)).allows("http://plain.example")).isFalse();
  }

  @Test
  void jdbcOrigins_overADataSource() throws Exception {
    // doc: data-source
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + databaseFile);
    JdbcOrigins origins =
        JdbcOrigins.builder(dataSource)
            .query("SELECT origin FROM cors_origins WHERE enabled")
            .refreshInterval(Duration.ofSeconds(10))
            .retryDelay(Duration.ofMillis(500), Duration.ofSeconds(10))
            .start();
    // end
    resources.add(origins);
    // The table of this test has no "enabled" column: fail closed, with the reason.
    assertThat(origins.lastError().orElseThrow()).hasMessageContaining("enabled");
    assertThat(origins.origins().allows("https://app.example.com")).isFalse();
  }

  @Test
  void configFileSource() throws Exception {
    // doc: config-source
    try (JdbcOriginSource jdbc = new JdbcOriginSource()) {
      Map<String, Object> tree =
          Map.of(
              "origin",
              Map.of(
                  "jdbc",
                  Map.of(
                      "url",
                      "jdbc:sqlite:" + databaseFile,
                      "query",
                      "SELECT origin FROM cors_origins",
                      "refreshSeconds",
                      30)));
      CorsConfig config = CorsConfig.read(tree, Map.of("jdbc", jdbc));
      CorsPolicy policy = config.policy();
      serve(policy); // until the server stops; closing the source stops its refresh threads
    }
    // end
  }

  @Test
  void everyJavaSnippetOfTheDoc_appearsInThisTest() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String source = withoutIndentation(Files.readString(SOURCE, StandardCharsets.UTF_8));
    List<String> blocks = DocSnippets.javaBlocks(doc);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(source)
          .as("snippet %d of %s", i + 1, DOC)
          .contains(withoutIndentation(blocks.get(i)));
    }
    assertThat(blocks).hasSize(6);
  }

  @Test
  void javadocSnippets_appearInThisTest() throws IOException {
    String source = withoutIndentation(Files.readString(SOURCE, StandardCharsets.UTF_8));
    for (String main : List.of("JdbcOrigins.java", "JdbcOriginSource.java")) {
      String example =
          DocSnippets.javadocExample(Path.of("src", "main", "java", "io", "jcors", "jdbc", main));
      assertThat(source).as("the example of " + main).contains(withoutIndentation(example));
    }
  }
}
