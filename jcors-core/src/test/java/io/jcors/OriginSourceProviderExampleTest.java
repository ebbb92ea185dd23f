package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc example of {@link OriginSourceProvider}, with a provider registered for the tests.
 */
class OriginSourceProviderExampleTest {
  /** {@code "origin": {"fixed": {"origin": "..."}}}; registered in META-INF/services. */
  public static final class FixedOrigins implements OriginSourceProvider {
    static final AtomicInteger CLOSED = new AtomicInteger();

    /** The ServiceLoader's constructor. */
    public FixedOrigins() {}

    @Override
    public String key() {
      return "fixed";
    }

    @Override
    public Source open() {
      return new Source() {
        @Override
        public OriginResolver create(Map<String, ?> settings) {
          check(settings);
          Origins origins = Origins.of((String) settings.get("origin"));
          return requestOrigin -> CompletableFuture.completedFuture(origins);
        }

        @Override
        public void close() {
          CLOSED.incrementAndGet();
        }
      };
    }

    @Override
    public void check(Map<String, ?> settings) {
      if (!(settings.get("origin") instanceof String)) {
        throw new IllegalArgumentException("needs the setting \"origin\", an origin");
      }
    }

    @Override
    public List<String> readOnce(Map<String, ?> settings) {
      check(settings);
      return List.of((String) settings.get("origin"));
    }
  }

  @Test
  void serviceLoaderFindsTheProviderByItsKey() {
    Map<String, ?> tree = Map.of("origin", Map.of("fixed", Map.of("origin", "https://a.example")));

    Map<String, CorsConfig.OriginSource> sources = new HashMap<>();
    for (OriginSourceProvider provider : ServiceLoader.load(OriginSourceProvider.class)) {
      sources.put(provider.key(), provider.open());
    }
    CorsPolicy policy = CorsConfig.read(tree, sources).policy();

    assertThat(policy).isNotNull();
    assertThat(sources).containsOnlyKeys("fixed");
    int closed = FixedOrigins.CLOSED.get();
    for (CorsConfig.OriginSource source : sources.values()) {
      ((OriginSourceProvider.Source) source).close();
    }
    assertThat(FixedOrigins.CLOSED.get()).isEqualTo(closed + 1);
  }
}
