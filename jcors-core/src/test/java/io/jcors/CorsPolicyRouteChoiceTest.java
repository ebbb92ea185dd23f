package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The route a {@link CorsPolicy#builder()} policy applies to a request: the first route whose path
 * matches the request's normalised path, chosen through the route index. Each route exposes a
 * header named after its number, so the response says which route's options applied.
 */
class CorsPolicyRouteChoiceTest {
  CorsPolicyRouteChoiceTest() {}

  /** A policy of {@code paths}, route i exposing {@code X-Route-i}. */
  private static CorsPolicy policy(List<String> paths) {
    CorsPolicy.Routes routes = CorsPolicy.builder();
    for (int i = 0; i < paths.size(); i++) {
      routes.route(paths.get(i), CorsOptions.builder().exposedHeaders("X-Route-" + i).build());
    }
    return routes.build();
  }

  /** The path of the route whose options {@code policy} applied to a GET of {@code path}. */
  private static String chosen(List<String> paths, CorsPolicy policy, String path) {
    TestResponse response = new TestResponse();
    TestOutcome outcome =
        TestOutcome.apply(
            policy, TestRequest.get(path).origin("https://app.example.com"), response);
    assertThat(outcome.action()).isEqualTo(TestOutcome.Action.NEXT);
    String exposed = response.headers().get("Access-Control-Expose-Headers");
    return exposed == null ? null : paths.get(Integer.parseInt(exposed.substring(8)));
  }

  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/products/:id,/**        | /products/42          | /products/:id",
        "/products/:id,/**        | /products/42/         | /products/:id",
        "/products/:id,/**        | /products             | /**",
        "/products/:id,/**        | /products/42/reviews  | /**",
        "/products/{id}           | /products/42          | /products/{id}",
        "/products/:id            | /Products/42          | ",
        "/**,/products/:id        | /products/42          | /**",
        "/api/admin/**,/api/**    | /api/admin            | /api/admin/**",
        "/api/admin/**,/api/**    | /api/administrators   | /api/**",
        "/files/*.json,/files/:f  | /files/a.json         | /files/*.json",
        "/files/*.json,/files/:f  | /files/a.xml          | /files/:f",
        "/**/health,/api/**       | /api/health           | /**/health",
        "/api/*/items             | /api/v1/items/        | /api/*/items",
        "/api/*/items             | /api/items            | ",
        "/v1/items\\:batchGet     | /v1/items:batchGet    | /v1/items\\:batchGet",
      })
  void firstMatchingRoute_applies(String routes, String path, String expected) {
    List<String> paths = List.of(routes.split(","));
    assertThat(chosen(paths, policy(paths), path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/svc0/items/1, /svc0/items/:id",
    "/svc332/items/1/, /svc332/items/:id",
    "/svc200/files/a.json, /svc200/files/*.json",
    "/svc17/admin/x/y, /svc17/admin/**",
    "/svc17/other, /**",
  })
  void aThousandRoutes_theFirstMatchStillWins(String path, String expected) {
    List<String> paths = new java.util.ArrayList<>();
    for (int s = 0; s < 333; s++) {
      paths.add("/svc" + s + "/items/:id");
      paths.add("/svc" + s + "/files/*.json");
      paths.add("/svc" + s + "/admin/**");
    }
    paths.add("/**");
    assertThat(chosen(paths, policy(paths), path)).isEqualTo(expected);
  }
}
