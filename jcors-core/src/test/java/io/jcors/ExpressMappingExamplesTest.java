package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of docs/express-mapping.md, verbatim (enforced by {@link DocSnippetsTest}),
 * each followed by the headers it produces and, where the page shows one, a check that the
 * config-file JSON of the same section means the same.
 */
class ExpressMappingExamplesTest {
  private static final String APP = "https://app.example.com";

  ExpressMappingExamplesTest() {}

  private static TestResponse get(CorsPolicy policy, String path, String origin) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get(path).origin(origin), response).settled();
    return response;
  }

  private static TestResponse preflight(CorsPolicy policy, String origin) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(
        policy,
        TestRequest.preflight("/", origin, "PUT").header("Access-Control-Request-Headers", "x-a"),
        response);
    return response;
  }

  private static Map<String, String> actual(CorsOptions options, String origin) {
    return get(CorsPolicy.of(options), "/", origin).headers();
  }

  /** The same headers from the builder's options and from the config tree. */
  private static void sameAsConfig(CorsOptions options, Map<String, ?> tree, String origin) {
    CorsConfig config = CorsConfig.read(tree);
    assertThat(config.hasErrors()).as("%s", config.problems()).isFalse();
    assertThat(get(config.policy(), "/", origin).headers()).isEqualTo(actual(options, origin));
    assertThat(preflight(config.policy(), origin).headers())
        .isEqualTo(preflight(CorsPolicy.of(options), origin).headers());
  }

  private static boolean allowedInDatabase(String origin) {
    return APP.equals(origin);
  }

  @Test
  void defaults() {
    CorsPolicy policy = CorsPolicy.defaults();
    assertThat(get(policy, "/", APP).headers())
        .containsExactlyEntriesOf(Map.of("Access-Control-Allow-Origin", "*"));
  }

  @Test
  void originStar() {
    CorsOptions options = CorsOptions.builder().origin("*").build();
    assertThat(actual(options, APP))
        .containsExactlyEntriesOf(Map.of("Access-Control-Allow-Origin", "*"));
    sameAsConfig(options, Map.of("origin", "*"), APP);
  }

  @Test
  void originFixed() {
    CorsOptions options = CorsOptions.builder().origin("https://app.example.com").build();
    assertThat(actual(options, "https://other.example"))
        .containsEntry("Access-Control-Allow-Origin", APP)
        .containsEntry("Vary", "Origin");
    sameAsConfig(options, Map.of("origin", APP), "https://other.example");
  }

  @Test
  void originTrue() {
    CorsOptions options = CorsOptions.builder().origin(true).build();
    assertThat(actual(options, "https://any.example"))
        .containsEntry("Access-Control-Allow-Origin", "https://any.example");
    sameAsConfig(options, Map.of("origin", true), "https://any.example");
  }

  @Test
  void originFalse() {
    CorsOptions options = CorsOptions.builder().origin(false).build();
    assertThat(actual(options, APP)).isEmpty();
    sameAsConfig(options, Map.of("origin", false), APP);
  }

  @Test
  void originRegex() {
    CorsOptions options =
        CorsOptions.builder()
            .origin(Pattern.compile("^https://[a-z0-9-]+\\.example\\.com$"))
            .build();
    assertThat(actual(options, APP)).containsEntry("Access-Control-Allow-Origin", APP);
    assertThat(actual(options, "https://app.example.com.evil"))
        .doesNotContainKey("Access-Control-Allow-Origin");
    sameAsConfig(options, Map.of("origin", "/^https:\\/\\/[a-z0-9-]+\\.example\\.com$/"), APP);
  }

  @Test
  void originList() {
    CorsOptions options =
        CorsOptions.builder()
            .origin(List.of("https://app.example.com", Pattern.compile("\\.example\\.org$")))
            .build();
    assertThat(actual(options, "https://www.example.org"))
        .containsEntry("Access-Control-Allow-Origin", "https://www.example.org");
    sameAsConfig(
        options, Map.of("origin", List.of(APP, "/\\.example\\.org$/")), "https://www.example.org");
  }

  @Test
  void originFunction() {
    OriginResolver fromDatabase =
        origin ->
            CompletableFuture.supplyAsync(
                () -> allowedInDatabase(origin) ? Origins.reflect() : Origins.none());
    CorsOptions options = CorsOptions.builder().origin(fromDatabase).build();
    assertThat(actual(options, APP)).containsEntry("Access-Control-Allow-Origin", APP);
    // Refused, and Vary: Origin as on every answer of an origin function.
    assertThat(actual(options, "https://other.example"))
        .containsExactly(Map.entry("Vary", "Origin"));
  }

  @Test
  void methods() {
    CorsOptions options = CorsOptions.builder().methods("GET", "PUT").build();
    assertThat(preflight(CorsPolicy.of(options), APP).headers())
        .containsEntry("Access-Control-Allow-Methods", "GET,PUT");
    sameAsConfig(options, Map.of("methods", List.of("GET", "PUT")), APP);
  }

  @Test
  void allowedHeaders() {
    CorsOptions options =
        CorsOptions.builder().allowedHeaders("Content-Type,Authorization").build();
    assertThat(preflight(CorsPolicy.of(options), APP).headers())
        .containsEntry("Access-Control-Allow-Headers", "Content-Type,Authorization")
        .doesNotContainKey("Vary");
    sameAsConfig(options, Map.of("allowedHeaders", "Content-Type,Authorization"), APP);
  }

  @Test
  void exposedHeaders() {
    CorsOptions options = CorsOptions.builder().exposedHeaders("X-Total-Count").build();
    assertThat(actual(options, APP))
        .containsEntry("Access-Control-Expose-Headers", "X-Total-Count");
    sameAsConfig(options, Map.of("exposedHeaders", List.of("X-Total-Count")), APP);
  }

  @Test
  void credentials() {
    CorsOptions options =
        CorsOptions.builder().origin(List.of("https://app.example.com")).credentials(true).build();
    assertThat(actual(options, APP))
        .containsEntry("Access-Control-Allow-Origin", APP)
        .containsEntry("Access-Control-Allow-Credentials", "true");
    sameAsConfig(options, Map.of("origin", List.of(APP), "credentials", true), APP);
  }

  @Test
  void maxAge() {
    CorsOptions options = CorsOptions.builder().maxAge(600).build();
    assertThat(preflight(CorsPolicy.of(options), APP).headers())
        .containsEntry("Access-Control-Max-Age", "600");
    sameAsConfig(options, Map.of("maxAge", 600), APP);
  }

  @Test
  void preflightContinue() {
    CorsOptions options = CorsOptions.builder().preflightContinue(true).build();
    assertThat(
            TestOutcome.apply(
                    CorsPolicy.of(options),
                    TestRequest.preflight("/", APP, "PUT"),
                    new TestResponse())
                .action())
        .isEqualTo(TestOutcome.Action.NEXT);
    sameAsConfig(options, Map.of("preflightContinue", true), APP);
  }

  @Test
  void optionsSuccessStatus() {
    CorsOptions options = CorsOptions.builder().optionsSuccessStatus(200).build();
    assertThat(
            TestOutcome.apply(
                    CorsPolicy.of(options),
                    TestRequest.preflight("/", APP, "PUT"),
                    new TestResponse())
                .status())
        .isEqualTo(200);
    sameAsConfig(options, Map.of("optionsSuccessStatus", 200), APP);
  }

  @Test
  void optionsPerRequest() {
    CorsOptions open = CorsOptions.builder().origin("*").build();
    CorsOptions closed = CorsOptions.builder().origin(false).build();
    CorsPolicy policy =
        CorsPolicy.of(
            request ->
                CompletableFuture.completedFuture(
                    request.path().startsWith("/public") ? open : closed));
    assertThat(get(policy, "/public/a", APP).headers())
        .containsEntry("Access-Control-Allow-Origin", "*");
    assertThat(get(policy, "/private", APP).headers()).isEmpty();
  }

  @Test
  void routes() {
    CorsPolicy policy =
        CorsPolicy.builder()
            .route(
                "/api/**",
                CorsOptions.builder()
                    .origin(List.of("https://app.example.com"))
                    .credentials(true)
                    .build())
            .route("/public/**", CorsOptions.defaults())
            .build();
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "routes",
                List.of(
                    Map.of(
                        "path",
                        "/api/**",
                        "cors",
                        Map.of("origin", List.of(APP), "credentials", true)),
                    Map.of("path", "/public/**", "cors", Map.of()))));
    for (String path : List.of("/api/x", "/public", "/other")) {
      assertThat(get(config.policy(), path, APP).headers())
          .as(path)
          .isEqualTo(get(policy, path, APP).headers());
    }
    assertThat(get(policy, "/api/x", APP).headers())
        .containsEntry("Access-Control-Allow-Credentials", "true");
    assertThat(get(policy, "/other", APP).headers()).isEmpty();
  }

  @Test
  void strictAndDebug() {
    CorsOptions options =
        CorsOptions.builder()
            .origin(List.of("https://app.example.com"))
            .strict(true)
            .debug(true)
            .build();
    assertThat(options.strict()).isTrue();
    assertThat(options.debug()).isTrue();
    sameAsConfig(options, Map.of("origin", List.of(APP), "strict", true, "debug", true), APP);
  }
}
