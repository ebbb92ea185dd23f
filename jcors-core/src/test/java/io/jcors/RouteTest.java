package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Route}: the one place where route paths match, and what a policy lists. */
class RouteTest {
  RouteTest() {}

  private static Route route(String path) {
    return new Route(path, CorsPolicy.disabled());
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "/products, /products, true",
    "/products, /products/1, false",
    "/products, /product, false",
    "/api/**, /api, true",
    "/api/**, /api/, true",
    "/api/**, /api/a/b, true",
    "/api/**, /apiary, false",
    "/api/**, /, false",
    "/**, /, true",
    "/**, /anything/at/all, true",
  })
  void matches(String path, String requestPath, boolean expected) {
    assertThat(route(path).matches(requestPath)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "/api/**, /api/x, true",
    "/api/**, /api/admin/**, true",
    "/api/**, /api/**, true",
    "/api/**, /apiary/**, false",
    "/api/**, /**, false",
    "/**, /**, true",
    "/api/x, /api/x, true",
    "/api/x, /api/x/**, false",
    "/api/admin/**, /api/**, false",
  })
  void covers(String first, String later, boolean expected) {
    assertThat(route(first).covers(route(later))).isEqualTo(expected);
  }

  @Test
  void policies_listTheirRoutes() {
    CorsOptions options = CorsOptions.defaults();
    assertThat(CorsPolicy.of(options).routes())
        .singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/**"))
        .satisfies(r -> assertThat(r.options()).isSameAs(options));
    assertThat(CorsPolicy.disabled().routes()).isEmpty();
    OptionsResolver resolver = request -> CompletableFuture.completedFuture(options);
    assertThat(CorsPolicy.of(resolver).routes())
        .singleElement()
        .satisfies(r -> assertThat(r.options()).isNull());
    CorsPolicy.Reloadable reloadable = CorsPolicy.reloadable(CorsPolicy.disabled());
    assertThat(reloadable.policy().routes()).isEmpty();
    reloadable.reload(CorsPolicy.builder().route("/a", options).build());
    assertThat(reloadable.policy().routes()).extracting(Route::path).containsExactly("/a");
  }
}
