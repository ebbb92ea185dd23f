package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    "/products/:id, /products/42, true",
    "/products/:id, /products/42/, true",
    "/products/{id}, /products/42, true",
    "/products/:id, /products, false",
    "/products/:id, /products/42/reviews, false",
    "/products/:id, /Products/42, false",
    "/files/*.json, /files/a.json, true",
    "/files/*.json, /files/a/b.json, false",
    "/**/health, /a/b/health, true",
    "/**/health, /healthz, false",
  })
  void matches(String path, String requestPath, boolean expected) {
    assertThat(route(path).matches(requestPath)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/products/{id | has an unclosed { at index 10 | close it: {id}",
        "products | does not start with / | write \"/products\"",
        "* | does not start with / | write /** for every path (Express's '*' is /** here)",
        "/api/*** | has *** at index 5 | write * for any characters within a segment, or ** alone"
            + " between two / for any number of segments",
      })
  void builder_malformedPath_isAC3ErrorAtItsOptionPath(String path, String reason, String fix) {
    CorsPolicy.Routes routes =
        CorsPolicy.builder()
            .route("/ok", CorsOptions.defaults())
            .route(path, CorsOptions.defaults());
    assertThatThrownBy(routes::build)
        .isInstanceOfSatisfying(
            CorsConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.rule()).isEqualTo(CorsRule.C3))
                    .satisfies(p -> assertThat(p.option()).isEqualTo("routes[1].path"))
                    .satisfies(p -> assertThat(p.reason()).isEqualTo(reason))
                    .satisfies(p -> assertThat(p.fix()).isEqualTo(fix)));
  }

  @Test
  void decodedPathsWithSpacesAndNonAscii_areRoutePaths() {
    // Routes match the decoded request path: /caf%C3%A9/my%20file is routed as "/café/my file".
    assertThat(route("/caf\u00e9/my file").matches(RequestPath.normalize("/caf%C3%A9/my%20file")))
        .isTrue();
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
