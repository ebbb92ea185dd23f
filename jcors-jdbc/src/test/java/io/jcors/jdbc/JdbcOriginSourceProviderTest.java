package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.OriginSourceProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jdbc} key, found with ServiceLoader as every config reader finds it. */
class JdbcOriginSourceProviderTest {
  @Test
  void serviceLoader_findsTheJdbcKey() {
    OriginSourceProvider jdbc =
        ServiceLoader.load(OriginSourceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(provider -> provider.key().equals("jdbc"))
            .findFirst()
            .orElseThrow();

    assertThat(jdbc).isInstanceOf(JdbcOriginSourceProvider.class);
    try (OriginSourceProvider.Source source = jdbc.open()) {
      assertThat(source).isInstanceOf(JdbcOriginSource.class);
    }
  }

  @Test
  void check_andReadOnce_areTheSourcesOwn(@TempDir Path dir) {
    JdbcOriginSourceProvider jdbc = new JdbcOriginSourceProvider();
    Map<String, Object> wrong = Map.of("url", "jdbc:sqlite:" + dir.resolve("o.db"), "querry", "x");

    assertThatThrownBy(() -> jdbc.check(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has the unknown setting \"querry\"; did you mean \"query\"?");
    assertThatThrownBy(() -> jdbc.readOnce(wrong)).isInstanceOf(IllegalArgumentException.class);
  }
}
