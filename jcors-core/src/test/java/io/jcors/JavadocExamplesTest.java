package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of the core, verbatim, each followed by assertions on what it builds
 * (enforced by {@link DocSnippetsTest}). One test per example, named after the documented type.
 */
class JavadocExamplesTest {
  JavadocExamplesTest() {}

  private static TestResponse apply(CorsPolicy policy, TestRequest request) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, request, response).settled();
    return response;
  }

  @Test
  void corsConfig() {
    Map<String, Object> tree =
        Map.of(
            "routes",
            List.of(
                Map.of(
                    "path",
                    "/api/**",
                    "cors",
                    Map.of("origin", List.of("https://app.example.com", "/\\.example\\.org$/"))),
                Map.of("path", "/internal/**")));
    CorsConfig config = CorsConfig.read(tree);
    CorsPolicy policy = config.policy();

    assertThat(config.hasErrors()).isFalse();
    assertThat(
            apply(policy, TestRequest.get("/api/x").origin("https://www.example.org"))
                .header("Access-Control-Allow-Origin"))
        .isEqualTo("https://www.example.org");
    assertThat(
            apply(policy, TestRequest.get("/internal/x").origin("https://app.example.com"))
                .headers())
        .isEmpty();
  }

  @Test
  void corsConfigOption() {
    List<String> booleans = new ArrayList<>();
    for (CorsConfig.Option option : CorsConfig.Option.values()) {
      if (option.isBoolean()) {
        booleans.add(option.key());
      }
    }
    // booleans is [credentials, preflightContinue, strict, debug]

    assertThat(booleans).containsExactly("credentials", "preflightContinue", "strict", "debug");
  }

  @Test
  void corsConfigException() {
    CorsConfigException e =
        assertThrows(
            CorsConfigException.class,
            () ->
                CorsOptions.builder()
                    .methods("GET", "NOT A METHOD")
                    .maxAge(-5)
                    .strict(true)
                    .build());
    assertEquals(2, e.problems().size());

    assertThat(e.problems())
        .extracting(CorsProblem::option)
        .containsExactly("methods[1]", "maxAge");
  }

  @Test
  void corsOptions() {
    // Express: cors({origin: ['https://app.example.com', /\.example\.org$/],
    //                credentials: true, maxAge: 600})
    CorsOptions options =
        CorsOptions.builder()
            .origin(List.of("https://app.example.com", Pattern.compile("\\.example\\.org$")))
            .credentials(true)
            .maxAge(600)
            .build();

    TestResponse response =
        apply(CorsPolicy.of(options), TestRequest.preflight("/", "https://a.example.org", "PUT"));
    assertThat(response.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://a.example.org")
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Max-Age", "600");
  }

  @Test
  void corsPolicy() {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/api/**",
                CorsOptions.builder()
                    .origin(Origins.of("https://app.example.com"))
                    .credentials(true)
                    .build())
            .route("/public/**", CorsOptions.defaults())
            .route("/internal/**", CorsPolicy.disabled())
            .build();

    String origin = "https://app.example.com";
    assertThat(apply(policy, TestRequest.get("/api").origin(origin)).headers())
        .containsEntry("Access-Control-Allow-Origin", origin)
        .containsEntry("Access-Control-Allow-Credentials", "true");
    assertThat(apply(policy, TestRequest.get("/public/a").origin(origin)).headers())
        .containsEntry("Access-Control-Allow-Origin", "*");
    assertThat(apply(policy, TestRequest.get("/internal/a").origin(origin)).headers()).isEmpty();
    assertThat(apply(policy, TestRequest.get("/other").origin(origin)).headers()).isEmpty();
  }

  @Test
  void corsProblem() {
    CorsConfigException e =
        assertThrows(
            CorsConfigException.class,
            () -> CorsOptions.builder().origin("*").credentials(true).build());
    CorsProblem problem = e.problems().get(0);
    assertEquals("credentials", problem.option());
    assertEquals(CorsRule.S2, problem.rule());
    assertEquals(CorsProblem.Severity.ERROR, problem.severity());
  }

  @Test
  void corsRule() {
    CorsProblem problem = CorsOptions.builder().origin(List.of("null")).problems().get(0);
    assertEquals(CorsRule.S3, problem.rule());

    assertThat(problem.option()).isEqualTo("origin[0]");
  }

  @Test
  void originOption() {
    OriginOption origin = CorsOptions.builder().origin("https://app.example.com").build().origin();
    if (origin instanceof Origins origins) {
      assertEquals(Origins.Kind.FIXED, origins.kind());
    }

    assertThat(origin).isInstanceOf(Origins.class);
    assertThat(((Origins) origin).fixedOrigin()).isEqualTo("https://app.example.com");
  }

  @Test
  void route() {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route("/products/:id", CorsOptions.builder().origin("http://example.com").build())
            .route("/api/**", CorsOptions.builder().origin("https://app.example.com").build())
            .route("/internal/**", CorsPolicy.disabled())
            .build();
    Route product = policy.routes().get(0);
    assertTrue(product.matches("/products/42"));
    assertTrue(product.matches("/products/42/"));
    assertFalse(product.matches("/products/42/reviews"));
    Route api = policy.routes().get(1);
    assertTrue(api.matches("/api/orders"));
    assertTrue(api.matches("/api"));
    assertFalse(api.matches("/apiary"));
    assertNull(policy.routes().get(2).options()); // a route without CORS

    assertThat(api.path()).isEqualTo("/api/**");
    assertThat(api.options().origin()).isEqualTo(Origins.fixed("https://app.example.com"));
    assertThat(policy.routes())
        .extracting(Route::path)
        .containsExactly("/products/:id", "/api/**", "/internal/**");
  }

  @Test
  void corsRequest() {
    CorsRequest request =
        new CorsRequest() {
          public String method() {
            return "GET";
          }

          public String path() {
            return "/data";
          }

          public String header(String name) {
            return name.equalsIgnoreCase("Origin") ? "https://app.example.com" : null;
          }
        };

    TestResponse response = new TestResponse();
    TestOutcome.apply(CorsPolicy.of(CorsOptions.builder().origin(true).build()), request, response);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
  }

  @Test
  void corsResolutionException() {
    CorsRequest request = TestRequest.get("/").origin("https://a.example");
    TestResponse response = new TestResponse();
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(
                    origin -> CompletableFuture.failedFuture(new IllegalStateException("db down")))
                .build());
    Throwable failure =
        policy.decide(request).handle((decision, error) -> error).toCompletableFuture().join();
    assertInstanceOf(
        CorsResolutionException.class, failure); // the stage's own failure, not wrapped
    assertThat(failure.getMessage()).contains("db down");
    assertThrows(CorsResolutionException.class, () -> TestOutcome.apply(policy, request, response));
  }

  @Test
  void optionsResolver() {
    CorsOptions open = CorsOptions.builder().build();
    CorsOptions closed = CorsOptions.builder().origin(false).build();
    OptionsResolver byPath =
        request ->
            CompletableFuture.completedFuture(request.path().startsWith("/public") ? open : closed);
    CorsPolicy policy = CorsPolicy.of(byPath);

    assertThat(apply(policy, TestRequest.get("/public/a").origin("https://a.example")).headers())
        .containsEntry("Access-Control-Allow-Origin", "*");
    assertThat(apply(policy, TestRequest.get("/private").origin("https://a.example")).headers())
        .isEmpty();
  }

  @Test
  void originResolver() {
    Set<String> allowed = Set.of("https://app.example.com");
    OriginResolver fromDatabase =
        origin ->
            CompletableFuture.supplyAsync(
                () -> allowed.contains(origin) ? Origins.reflect() : Origins.none());
    CorsOptions options = CorsOptions.builder().origin(fromDatabase).build();

    TestOutcome.assertActualRequestAllowed(CorsPolicy.of(options), "https://app.example.com");
    assertThat(
            apply(CorsPolicy.of(options), TestRequest.get("/").origin("https://other.example"))
                .headers())
        .containsExactly(Map.entry("Vary", "Origin"));
  }

  @Test
  void origins() {
    Origins origins =
        Origins.of("https://app.example.com", "https://*.example.org", "http://localhost:*");
    assertTrue(origins.allows("https://admin.example.org"));
    assertFalse(origins.allows("https://example.org"));
    assertFalse(origins.allows("https://evil-example.org"));
  }

  @Test
  void corsListener() {
    LongAdder refused = new LongAdder();
    CorsListener listener =
        new CorsListener() {
          public void refused(String route, CorsListener.Refusal reason, CorsRequest request) {
            refused.increment();
          }
        };
    CorsPolicy policy =
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
            .withListener(listener);

    policy.decideNow(TestRequest.get("/x").origin("https://evil.example"));
    policy.decideNow(TestRequest.get("/x").origin("https://app.example.com"));
    assertEquals(1, refused.sum());
  }

  @Test
  void corsPolicyWithListener() {
    List<String> seen = new ArrayList<>();
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/api/**",
                CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
            .build()
            .withListener(
                new CorsListener() {
                  public void allowed(String route, CorsRequest request) {
                    seen.add("allowed " + route);
                  }

                  public void refused(
                      String route, CorsListener.Refusal reason, CorsRequest request) {
                    seen.add("refused " + route + " " + reason);
                  }
                });

    policy.decideNow(TestRequest.get("/api/orders").origin("https://app.example.com"));
    policy.decideNow(TestRequest.get("/api/orders").origin("https://evil.example"));
    policy.decideNow(TestRequest.get("/other").origin("https://app.example.com"));
    assertEquals(
        List.of("allowed /api/**", "refused /api/** ORIGIN_NOT_ALLOWED", "refused null NO_ROUTE"),
        seen);
  }
}
