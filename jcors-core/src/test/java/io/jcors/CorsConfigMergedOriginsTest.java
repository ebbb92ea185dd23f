package io.jcors;

import static io.jcors.CorsProblem.Severity.ERROR;
import static io.jcors.CorsProblem.Severity.WARNING;
import static io.jcors.ValidationTest.asTuples;
import static io.jcors.ValidationTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An {@code origin} list whose entries are origins and origin sources: the union of the static
 * entries and of each source's list, every problem at its own place in the list.
 */
class CorsConfigMergedOriginsTest {
  private final List<FixedSource> opened = new ArrayList<>();

  private final CorsConfig.OriginSource listed =
      new CorsConfig.OriginSource() {
        @Override
        public OriginResolver create(Map<String, ?> settings) {
          return create(settings, false, false);
        }

        @Override
        @SuppressWarnings("unchecked")
        public OriginResolver create(Map<String, ?> settings, boolean credentials, boolean strict) {
          if (!settings.containsKey("origins")) {
            throw new IllegalArgumentException("has no \"origins\"; list the origins");
          }
          FixedSource source =
              FixedSource.listing((List<String>) settings.get("origins"), credentials, strict);
          opened.add(source);
          return source;
        }
      };

  private static Map<String, Object> tree(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private CorsConfig read(Map<String, ?> tree) {
    return CorsConfig.read(tree, Map.of("listed", listed, "other", listed));
  }

  private static String allowOrigin(CorsPolicy policy, String origin) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get("/").origin(origin), response);
    return response.header("Access-Control-Allow-Origin");
  }

  @Test
  void aNullEntryBesideASource_isAProblemAtItsPlace_neverAnException() {
    // Found by CorsConfigFuzzTest (input null-entry-beside-an-origin-source): a JSON null in a
    // list that also names a source threw a NullPointerException out of CorsConfig.read.
    List<Object> origins = new ArrayList<>();
    origins.add(null);
    origins.add(tree("listed", tree("origins", List.of("https://a.example"))));

    CorsConfig config = read(tree("origin", origins));

    assertThat(asTuples(config.problems()))
        .containsExactly(
            problem(
                ERROR,
                "origin[0]",
                "null",
                "is neither an origin string nor a regex",
                "list origins as strings (\"https://app.example.com\") or regexes"));
  }

  @Test
  void anOriginInAnyPart_isAllowed_oneInNone_isRefused() {
    CorsConfig config =
        read(
            tree(
                "origin",
                List.of(
                    "https://static.example",
                    tree(
                        "listed",
                        tree("origins", List.of("https://a.example", "https://both.example"))),
                    "https://both.example",
                    tree(
                        "other",
                        tree(
                            "origins",
                            List.of("https://b.example", "https://*.tenants.example"))))));

    assertThat(config.problems()).isEmpty();
    CorsPolicy policy = config.policy();
    assertThat(allowOrigin(policy, "https://static.example")).isEqualTo("https://static.example");
    assertThat(allowOrigin(policy, "https://both.example")).isEqualTo("https://both.example");
    assertThat(allowOrigin(policy, "https://a.example")).isEqualTo("https://a.example");
    assertThat(allowOrigin(policy, "https://b.example")).isEqualTo("https://b.example");
    assertThat(allowOrigin(policy, "https://x.tenants.example"))
        .isEqualTo("https://x.tenants.example");
    assertThat(allowOrigin(policy, "https://evil.example")).isNull();
    assertThat(allowOrigin(policy, null)).isNull();
  }

  @Test
  void anOriginTheStaticPartAllows_isDecidedNow_withoutAskingTheSources() {
    CorsPolicy policy =
        read(tree(
                "origin",
                List.of(
                    "https://static.example",
                    tree("listed", tree("origins", List.of("https://a.example"))))))
            .policy();

    CorsDecision now = policy.decideNow(TestRequest.get("/").origin("https://static.example"));

    assertThat(now).isNotNull();
    assertThat(now)
        .isSameAs(policy.decideNow(TestRequest.get("/").origin("https://static.example")));
    assertThat(opened.get(0).asked()).isEmpty();
    // An origin only a source allows goes to the source, and varies on Origin as a list does.
    assertThat(policy.decideNow(TestRequest.get("/").origin("https://a.example"))).isNull();
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, TestRequest.get("/").origin("https://a.example"), response);
    assertThat(response.header("Vary")).isEqualTo("Origin");
    assertThat(opened.get(0).asked()).containsExactly("https://a.example");
  }

  @Test
  void refusedOrigin_stillVariesOnOrigin() {
    CorsPolicy policy =
        read(tree("origin", List.of(tree("listed", tree("origins", List.of("https://a.example"))))))
            .policy();
    TestResponse response = new TestResponse();

    TestOutcome.apply(policy, TestRequest.get("/").origin("https://evil.example"), response);

    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.header("Vary")).isEqualTo("Origin");
  }

  @Test
  void aSourceThatFails_doesNotStopAnotherPartAllowing() {
    CorsConfig.OriginSource failing =
        settings -> origin -> CompletableFuture.failedFuture(new IllegalStateException("down"));
    CorsPolicy policy =
        CorsConfig.read(
                tree(
                    "origin",
                    List.of(
                        tree("failing", tree()),
                        tree("listed", tree("origins", List.of("https://a.example"))))),
                Map.of("failing", failing, "listed", listed))
            .policy();

    assertThat(allowOrigin(policy, "https://a.example")).isEqualTo("https://a.example");
    // No part allows it, and one failed: the failure reaches the server, as a source alone's does.
    CompletableFuture<CorsDecision> refused =
        policy.decide(TestRequest.get("/").origin("https://evil.example")).toCompletableFuture();
    assertThat(refused).isCompletedExceptionally();
  }

  @Test
  void problems_areAtTheirPlaceInTheList_eachSourceAtItsOwnKey() {
    CorsConfig config =
        read(
            tree(
                "credentials",
                true,
                "origin",
                List.of(
                    "http://plain.example",
                    tree("listed", tree()),
                    tree("ldap", tree()),
                    "/^https:\\/\\/[a-z]+\\.example$/",
                    "https://app.example/")));

    assertThat(asTuples(config.problems()))
        .containsExactly(
            problem(ERROR, "origin[1].listed", null, "has no \"origins\"; list the origins", null),
            problem(
                ERROR,
                "origin[2]",
                "{\"ldap\": {}}",
                "is not an origin source; the known sources are listed, other",
                "write an origin, a pattern, a \"/regex/\", or a source such as {\"file\":"
                    + " \"tenants.txt\"}"),
            problem(
                WARNING,
                "origin[0]",
                "\"http://plain.example\"",
                "is plain http and trusted with credentials: anyone on the network path can inject"
                    + " script into that origin and read your users' authenticated responses (S10)",
                "allow only the https:// origin"),
            problem(
                WARNING,
                "origin[3]",
                "/^https:\\/\\/[a-z]+\\.example$/",
                "matches any origin (it matched https://attacker.example) and credentials are"
                    + " allowed: any website can read your users' authenticated responses (S1)",
                "match only your origins: /^https:\\/\\/app\\.example\\.com$/"),
            problem(
                WARNING,
                "origin[4]",
                "\"https://app.example/\"",
                "has a trailing slash; an origin is scheme://host[:port], without a path; a browser"
                    + " compares origins byte for byte, so it never matches",
                "write \"https://app.example\""));
  }

  @Test
  void aSourceThatChecksLessThanTheRoute_isAnErrorAtItsPlace() {
    CorsConfig.OriginSource lax =
        new CorsConfig.OriginSource() {
          @Override
          public OriginResolver create(Map<String, ?> settings) {
            return FixedSource.listing(List.of("https://a.example"), false, false);
          }
        };
    CorsConfig config =
        CorsConfig.read(
            tree(
                "credentials",
                true,
                "origin",
                List.of("https://static.example", tree("lax", tree()))),
            Map.of("lax", lax));

    assertThat(config.hasErrors()).isTrue();
    assertThat(config.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo(CorsRule.C5);
              assertThat(p.option()).isEqualTo("origin[1].lax");
              assertThat(p.reason())
                  .startsWith("checks its entries for a route without credentials");
            });
  }

  @Test
  void sourcesCheckTheirEntriesWithTheRoutesOptions() {
    read(tree(
            "credentials",
            true,
            "strict",
            true,
            "origin",
            List.of(
                "https://static.example",
                tree("listed", tree("origins", List.of("https://a.example"))))))
        .policy();

    assertThat(opened)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.credentials()).isTrue();
              assertThat(s.strict()).isTrue();
            });
  }

  @Test
  void strict_makesARiskyStaticEntryAnError_asInAPlainList() {
    CorsConfig config =
        read(
            tree(
                "strict",
                true,
                "origin",
                List.of("null", tree("listed", tree("origins", List.of("https://a.example"))))));

    assertThat(config.hasErrors()).isTrue();
    assertThat(asTuples(config.problems()))
        .extracting(t -> t.toList().subList(0, 2))
        .containsExactly(List.of(ERROR, "origin[0]"));
  }

  @Test
  void anOriginListedTwice_isOneOrigin_notAProblem() {
    CorsConfig config =
        read(
            tree(
                "origin",
                List.of(
                    "https://a.example",
                    "https://a.example",
                    tree(
                        "listed",
                        tree("origins", List.of("https://a.example", "https://a.example"))))));

    assertThat(config.problems()).isEmpty();
    assertThat(allowOrigin(config.policy(), "https://a.example")).isEqualTo("https://a.example");
  }

  @Test
  void aSourceWrittenWithAString_getsItAsItsPath() {
    List<Map<String, ?>> seen = new ArrayList<>();
    CorsConfig.OriginSource file =
        settings -> {
          seen.add(settings);
          return origin -> CompletableFuture.completedFuture(Origins.none());
        };

    CorsConfig config =
        CorsConfig.read(
            tree("origin", List.of("https://a.example", tree("file", "tenants.txt"))),
            Map.of("file", file));

    assertThat(config.problems()).isEmpty();
    assertThat(seen).containsExactly(Map.of("path", "tenants.txt"));
  }
}
