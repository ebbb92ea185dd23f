package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, verbatim, run with assertions on what they build. */
class ReadmeExamplesTest {
  private static final String APP = "https://app.example.com";

  @Test
  void globalAndPerRoute() {
    // Express: app.use(cors())
    CorsPolicy everywhere = CorsPolicy.defaults();

    // Express: app.use('/api', cors({origin: 'https://app.example.com'}))
    //          (and no CORS on /internal)
    CorsPolicy perRoute =
        CorsPolicy.builder()
            .route(
                "/api/**",
                CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
            .route("/internal/**", CorsPolicy.disabled())
            .build();

    assertThat(get(everywhere, "/x", "https://a.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("*");
    assertThat(get(perRoute, "/api/items", APP).header("Access-Control-Allow-Origin"))
        .isEqualTo(APP);
    assertThat(get(perRoute, "/internal/metrics", APP).headers()).isEmpty();
    assertThat(get(perRoute, "/other", APP).headers()).isEmpty();
  }

  @Test
  void everyOption() {
    CorsOptions options =
        CorsOptions.builder()
            // origin: 'https://app.example.com' — a fixed value sent on every response
            .origin("https://app.example.com")
            // methods: ['GET', 'PUT'] — default 'GET,HEAD,PUT,PATCH,POST,DELETE'
            .methods("GET", "PUT")
            // allowedHeaders: ['Content-Type', 'Authorization'] — default: reflect the preflight's
            .allowedHeaders("Content-Type", "Authorization")
            // exposedHeaders: ['X-Total-Count']
            .exposedHeaders("X-Total-Count")
            // credentials: true
            .credentials(true)
            // maxAge: 600
            .maxAge(600)
            // preflightContinue: false — true passes preflights on to the application
            .preflightContinue(false)
            // optionsSuccessStatus: 204 — some legacy clients need 200
            .optionsSuccessStatus(204)
            .build();

    TestResponse preflight = new TestResponse();
    TestOutcome outcome =
        TestOutcome.apply(
            CorsPolicy.of(options),
            TestRequest.preflight("/p", "https://app.example.com", "PUT"),
            preflight);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(preflight.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
        .containsEntry("Access-Control-Allow-Methods", "GET,PUT")
        .containsEntry("Access-Control-Allow-Headers", "Content-Type,Authorization")
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Max-Age", "600")
        .containsEntry("Vary", "Origin")
        .doesNotContainKey("Access-Control-Expose-Headers");

    TestResponse actual = new TestResponse();
    TestOutcome.apply(
        CorsPolicy.of(options), TestRequest.get("/p").origin("https://app.example.com"), actual);
    assertThat(actual.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
  }

  @Test
  void originShapes() {
    // origin: '*' (the default)
    CorsOptions any = CorsOptions.builder().origin("*").build();
    // origin: true — reflect the request's origin
    CorsOptions reflect = CorsOptions.builder().origin(true).build();
    // origin: false — no CORS headers at all
    CorsOptions off = CorsOptions.builder().origin(false).build();
    // origin: /^https:\/\/app\.example\.com$/ — a match anywhere, as RegExp.test; anchor it
    CorsOptions regex =
        CorsOptions.builder().origin(Pattern.compile("^https://app\\.example\\.com$")).build();
    // origin: ['https://app.example.com', /^https:\/\/.*\.example\.org$/]
    CorsOptions list =
        CorsOptions.builder()
            .origin(
                List.of("https://app.example.com", Pattern.compile("^https://.*\\.example\\.org$")))
            .build();
    // No Express equivalent: patterns instead of regexes. *. is one or more labels, never the
    // apex; :* is any port. One hash lookup for exact origins, whatever the size of the list.
    CorsOptions patterns =
        CorsOptions.builder()
            .origin(
                Origins.of(
                    "https://app.example.com", "https://*.example.org", "http://localhost:*"))
            .build();

    assertThat(allowOrigin(any, "https://x.example")).isEqualTo("*");
    assertThat(allowOrigin(reflect, "https://x.example")).isEqualTo("https://x.example");
    assertThat(allowOrigin(off, "https://x.example")).isNull();
    assertThat(allowOrigin(regex, "https://app.example.com")).isEqualTo("https://app.example.com");
    assertThat(allowOrigin(regex, "https://appXexample.com")).isNull();
    assertThat(allowOrigin(list, "https://a.example.org")).isEqualTo("https://a.example.org");
    assertThat(allowOrigin(patterns, "https://a.b.example.org"))
        .isEqualTo("https://a.b.example.org");
    assertThat(allowOrigin(patterns, "https://example.org")).isNull();
    assertThat(allowOrigin(patterns, "http://localhost:5173")).isEqualTo("http://localhost:5173");
  }

  @Test
  void originLookedUpLater() {
    Set<String> allowedInDatabase = Set.of("https://app.example.com");
    CorsOptions lookedUp =
        CorsOptions.builder()
            .origin(
                origin ->
                    CompletableFuture.supplyAsync(
                        () ->
                            allowedInDatabase.contains(origin)
                                ? Origins.reflect()
                                : Origins.none()))
            .build();

    TestOutcome.assertActualRequestAllowed(CorsPolicy.of(lookedUp), "https://app.example.com");
  }

  @Test
  void optionsPerRequest() {
    CorsOptions open = CorsOptions.defaults();
    CorsOptions closed = CorsOptions.builder().origin(false).build();
    CorsPolicy perRequest =
        CorsPolicy.of(
            request ->
                CompletableFuture.completedFuture(
                    request.path().startsWith("/public/") ? open : closed));

    assertThat(
            get(perRequest, "/public/a", "https://x.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("*");
    assertThat(get(perRequest, "/private/a", "https://x.example").headers()).isEmpty();
  }

  @Test
  void checkedBeforeTheFirstRequest() {
    CorsConfigException e =
        assertThrows(
            CorsConfigException.class,
            () ->
                CorsOptions.builder()
                    .origin(List.of("https://app.example.com/", "https://*.example.*"))
                    .methods("GET", "NOT A METHOD")
                    .credentials(true)
                    .strict(true)
                    .build());
    assertEquals(3, e.problems().size());

    assertThat(e.getMessage())
        .startsWith("invalid CORS configuration (3 problems)")
        .contains(
            "origin[0]: \"https://app.example.com/\" has a trailing slash; an origin is"
                + " scheme://host[:port], without a path; a browser compares origins byte for"
                + " byte, so it never matches. Fix: write \"https://app.example.com\"")
        .contains("origin[1]: \"https://*.example.*\" has a '*' that is not a whole leftmost label")
        .contains("methods[1]: \"NOT A METHOD\" is not an HTTP token (RFC 9110 section 5.6.2)");
  }

  private static String allowOrigin(CorsOptions options, String origin) {
    return get(CorsPolicy.of(options), "/", origin).header("Access-Control-Allow-Origin");
  }

  /** The response headers {@code policy} writes for a GET of {@code path} from {@code origin}. */
  private static TestResponse get(CorsPolicy policy, String path, String origin) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get(path).origin(origin), response);
    return response;
  }
}
