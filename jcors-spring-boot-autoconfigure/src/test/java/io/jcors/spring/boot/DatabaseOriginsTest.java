package io.jcors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcors.jdbc.testing.Sql;
import io.jcors.spring.boot.secured.SecuredApi;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteDataSource;

/**
 * Origins read from the application's {@code DataSource} (a SQLite file), configured with {@code
 * jcors.origin.jdbc.*} or a {@code jcors.config} file's {@code jdbc} source, in a real application
 * over real HTTP: a row inserted is allowed after a refresh, and the endpoint shows the rows.
 */
class DatabaseOriginsTest {
  private static final String APP = "https://app.example.com";
  private static final String PARTNER = "https://partner.example.com";
  private static final String AUTH = Http.basic("user", "secret");

  DatabaseOriginsTest() {}

  @TempDir Path dir;

  private String url;
  private Sql sql;

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("cors.db");
    sql = new Sql(url, null);
    // The second row never matches a request's Origin: skipped when strict.
    sql.createOriginTable(APP, "https://files.example.com/downloads");
  }

  /** The application's DataSource, as a Boot application declares (or Boot configures) it. */
  @Configuration(proxyBeanMethods = false)
  static class ApplicationDatabase {
    @Bean
    DataSource dataSource(@Value("${test.database.url}") String url) {
      SQLiteDataSource dataSource = new SQLiteDataSource();
      dataSource.setUrl(url);
      return dataSource;
    }
  }

  private ConfigurableApplicationContext start(String... properties) {
    String[] all = new String[properties.length + 2];
    System.arraycopy(properties, 0, all, 0, properties.length);
    all[properties.length] = "test.database.url=" + url;
    all[properties.length + 1] = "management.endpoints.web.exposure.include=jcors";
    return StartupTest.start(new Class<?>[] {SecuredApi.class, ApplicationDatabase.class}, all);
  }

  private static Optional<String> allowOrigin(int port, String origin) throws Exception {
    return Http.send(port, "GET", "/api/products", "Origin", origin, "Authorization", AUTH)
        .headers()
        .firstValue("Access-Control-Allow-Origin");
  }

  /** Until the next refresh (every second) has read the row. */
  private static Optional<String> allowOriginWithin10s(int port, String origin) throws Exception {
    long end = System.nanoTime() + 10_000_000_000L;
    Optional<String> allowed = allowOrigin(port, origin);
    while (allowed.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(200);
      allowed = allowOrigin(port, origin);
    }
    return allowed;
  }

  @Test
  void properties_rowInserted_allowedAfterARefresh_andTheEndpointShowsTheRows() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            "jcors.origin.jdbc.query=SELECT origin FROM cors_origins",
            "jcors.origin.jdbc.refresh-seconds=1",
            "jcors.credentials=true",
            "jcors.strict=true")) {
      int port = StartupTest.port(app);
      assertThat(allowOrigin(port, APP)).hasValue(APP);
      assertThat(allowOrigin(port, PARTNER)).isEmpty();

      sql.insert(PARTNER);
      assertThat(allowOriginWithin10s(port, PARTNER)).hasValue(PARTNER);

      HttpResponse<String> response =
          Http.send(port, "GET", "/actuator/jcors", "Authorization", AUTH);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode route = new ObjectMapper().readTree(response.body()).get("routes").get(0);
      assertThat(route.toString()).as("the endpoint's route").contains("\"database\"");
      assertThat(route.get("origin").asText()).isEqualTo("database");
      assertThat(route.get("origins").asInt()).as(route.toString()).isEqualTo(2);
      assertThat(route.get("credentials").asBoolean()).isTrue();
      JsonNode database = route.get("database");
      assertThat(database.get("rows").asInt()).isEqualTo(3);
      assertThat(database.get("skipped").asInt()).isEqualTo(1);
      assertThat(database.get("skippedRows").get(0).asText())
          .isEqualTo("https://files.example.com/downloads");
      assertThat(database.get("lastRefresh").asText()).isNotBlank();
      assertThat(database.get("stale").asBoolean()).isFalse();
      assertThat(database.get("lastError").isNull()).isTrue();
    }
  }

  @Test
  void configFile_jdbcWithoutUrl_readsTheApplicationsDataSource() throws Exception {
    try (ConfigurableApplicationContext app = start("jcors.config=classpath:cors-jdbc.yaml")) {
      int port = StartupTest.port(app);
      assertThat(allowOrigin(port, APP)).hasValue(APP);
      sql.insert(PARTNER);
      assertThat(allowOriginWithin10s(port, PARTNER)).hasValue(PARTNER);
    }
  }

  @Test
  void wrongSetting_stopsStartup_namingTheProperty() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> start("jcors.origin.jdbc.qurey=SELECT origin FROM cors_origins"))
        .rootCause()
        .isInstanceOf(JcorsConfigurationException.class)
        .hasMessageContaining("jcors.origin.jdbc")
        .hasMessageContaining("did you mean \"query\"?");
  }
}
