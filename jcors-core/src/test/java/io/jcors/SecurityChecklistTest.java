package io.jcors;

import static io.jcors.CorsHeaderNames.ACAO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The misconfiguration classes S1-S27 of docs/security.md, as docs/security.md lists them: every
 * class a configuration can show is a warning by default (Express parity, docs/express-mapping.md
 * section 2) and refused in strict mode, or an error in every mode; the runtime negatives hold
 * whatever the mode.
 */
class SecurityChecklistTest {
  private static final String APP = "https://app.example.com";
  private static final int MIB = 1 << 20;

  SecurityChecklistTest() {}

  /** Class, config tree, the option path of the problem, and a fragment of its reason. */
  static Stream<Arguments> configDetectable() {
    return Stream.of(
        Arguments.of("S1", tree("origin", true, "credentials", true), "origin", "(S1)"),
        Arguments.of("S1", tree("origin", "/.*/", "credentials", true), "origin", "(S1)"),
        Arguments.of("S3", tree("origin", List.of("null")), "origin[0]", "(S3)"),
        Arguments.of("S3", tree("origin", List.of("file:///home")), "origin[0]", "(S3)"),
        Arguments.of("S3", tree("origin", List.of("file://*.example")), "origin[0]", "(S3)"),
        Arguments.of("S3", tree("origin", "/^(null|https:\\/\\/a\\.example)$/"), "origin", "(S3)"),
        Arguments.of(
            "S4",
            tree("origin", "/^https:\\/\\/[a-z0-9-]*example\\.com$/"),
            "origin",
            "lets in https://evilexample.com"),
        Arguments.of(
            "S5",
            tree("origin", "/^https:\\/\\/example\\.com[^\\/]*$/"),
            "origin",
            "lets in https://example.com.attacker.example"),
        Arguments.of(
            "S5",
            tree("origin", "/^https:\\/\\/example\\.com\\S*$/"),
            "origin",
            "lets in https://example.com.attacker.example"),
        Arguments.of("S6", tree("origin", "/^https:\\/\\/api.example.com$/"), "origin", "(S6)"),
        Arguments.of("S7", tree("origin", "/example\\.com/"), "origin", "(S7)"),
        Arguments.of(
            "S10",
            tree("origin", List.of("http://app.example.com"), "credentials", true),
            "origin[0]",
            "(S10)"),
        Arguments.of(
            "S8",
            tree("origin", "/^https:\\/\\/(a+)+\\.example\\.com$/"),
            "origin",
            "can backtrack catastrophically"),
        Arguments.of(
            "S10",
            tree("origin", "/^https?:\\/\\/app\\.example\\.com$/", "credentials", true),
            "origin",
            "lets in http://app.example.com"),
        Arguments.of(
            "S11",
            tree("origin", List.of("https://*.github.io"), "credentials", true),
            "origin[0]",
            "(S11)"),
        Arguments.of(
            "S11",
            tree("origin", List.of("https://*.r2.dev"), "credentials", true),
            "origin[0]",
            "(S11)"),
        Arguments.of(
            "S11",
            tree("origin", "/^https:\\/\\/[a-z0-9-]+\\.github\\.io$/", "credentials", true),
            "origin",
            "lets in https://attacker.github.io"),
        Arguments.of(
            "S15", tree("origin", List.of("https://app.example.com/")), "origin[0]", "slash"),
        Arguments.of(
            "S15", tree("origin", List.of("https://APP.example.com")), "origin[0]", "upper-case"),
        Arguments.of(
            "S15",
            tree("origin", List.of("https://app.example.com:443")),
            "origin[0]",
            "default port"),
        Arguments.of(
            "S16", tree("origin", List.of("https://b\u00fccher.example")), "origin[0]", "Punycode"),
        Arguments.of(
            "S20", tree("exposedHeaders", List.of("Set-Cookie")), "exposedHeaders[0]", "S20)"),
        Arguments.of(
            "S20",
            tree("origin", List.of(APP), "credentials", true, "exposedHeaders", "*"),
            "exposedHeaders",
            "(S20)"),
        Arguments.of("S25", tree("maxAge", 31536000), "maxAge", "(S25)"));
  }

  private static Map<String, Object> tree(Object... keysAndValues) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tree.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return tree;
  }

  private static CorsProblem find(List<CorsProblem> problems, String option, String fragment) {
    return problems.stream()
        .filter(p -> p.option().equals(option) && p.reason().contains(fragment))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no problem at " + option + " about " + fragment + ": " + problems));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("configDetectable")
  void configDetectable_isAWarning_andRefusedInStrictMode(
      String rule, Map<String, Object> tree, String option, String fragment) {
    CorsConfig lenient = CorsConfig.read(tree);
    assertThat(lenient.hasErrors()).as("%s loads by default (Express parity)", rule).isFalse();
    assertThat(find(lenient.problems(), option, fragment).severity())
        .isEqualTo(CorsProblem.Severity.WARNING);

    Map<String, Object> strictTree = new LinkedHashMap<>(tree);
    strictTree.put("strict", true);
    CorsConfig strict = CorsConfig.read(strictTree);
    assertThat(strict.hasErrors()).as("%s refused in strict mode", rule).isTrue();
    assertThat(find(strict.problems(), option, fragment).severity())
        .isEqualTo(CorsProblem.Severity.ERROR);
  }

  @Test
  void s2_starWithCredentials_isAnErrorInEveryMode() {
    for (boolean strict : new boolean[] {false, true}) {
      CorsConfig config =
          CorsConfig.read(tree("origin", "*", "credentials", true, "strict", strict));
      assertThat(config.hasErrors()).isTrue();
      assertThat(find(config.problems(), "credentials", "(S2)").severity())
          .isEqualTo(CorsProblem.Severity.ERROR);
    }
  }

  @Test
  void safeConfiguration_passesStrictMode() {
    CorsConfig config =
        CorsConfig.read(
            tree(
                "origin",
                List.of(
                    APP,
                    "https://*.example.org",
                    "http://localhost:*",
                    "/^https:\\/\\/[a-z]+\\.example\\.net$/"),
                "credentials",
                true,
                "maxAge",
                600,
                "strict",
                true));
    assertThat(config.problems()).isEmpty();
  }

  /** The same safe options, built in each mode: strictness changes what builds, not decisions. */
  static CorsPolicy policy(boolean strict, Object origin) {
    return CorsPolicy.of(
        CorsOptions.builder()
            .origin(List.of(origin))
            .credentials(true)
            .allowedHeaders("Accept", "Content-Type", "X-Requested-With")
            .strict(strict)
            .build());
  }

  private static void assertRefused(CorsPolicy policy, String... origins) {
    for (String origin : origins) {
      TestResponse actual = new TestResponse();
      TestOutcome.apply(policy, TestRequest.get("/").origin(origin), actual);
      assertThat(actual.header(ACAO)).as("ACAO for \"%s\"", Decision.abbreviate(origin)).isNull();
      assertThat(actual.header("Vary")).isEqualTo("Origin");
      TestResponse preflight = new TestResponse();
      TestOutcome.apply(policy, TestRequest.preflight("/", origin, "PUT"), preflight);
      assertThat(preflight.header(ACAO)).isNull();
    }
  }

  private static String allowOrigin(CorsPolicy policy, TestRequest request) {
    TestResponse response = new TestResponse();
    TestOutcome.apply(policy, request, response);
    return response.header(ACAO);
  }

  @Nested
  class RuntimeNegatives {
    RuntimeNegatives() {}

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s4_subdomainPattern_isNoSuffixMatch(boolean strict) {
      CorsPolicy policy = policy(strict, "https://*.example.com");
      assertRefused(
          policy,
          "https://evil-example.com",
          "https://notexample.com",
          "https://attackerexample.com",
          "https://example.com");
      assertThat(allowOrigin(policy, TestRequest.get("/").origin("https://a.b.example.com")))
          .isEqualTo("https://a.b.example.com");
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s5_exactOrigin_isNoPrefixMatch(boolean strict) {
      assertRefused(
          policy(strict, "https://example.com"),
          "https://example.com.attacker.example",
          "https://example.computer",
          "https://example.com:8443");
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s7_anchoredRegexAndPatterns_matchWholeOrigins(boolean strict) {
      for (Object origin :
          List.of(Pattern.compile("^https://app\\.example\\.com$"), "https://*.app.example.com")) {
        assertRefused(
            policy(strict, origin),
            "https://app.example.com.attacker.example",
            "https://attackerapp.example.com",
            "https://x.app.example.com.attacker.example");
      }
    }

    /**
     * Regression: a regex with nested quantifiers backtracked for 2^n steps on an origin of n
     * characters under the 326-character cap, so one request could hold a thread for hours. The
     * search now gives up after a bounded number of character reads and the origin is refused.
     */
    @Test
    void s8_catastrophicRegex_givesUpAndRefuses() {
      // Strict mode refuses such a regex when the policy is built (S8 warning); lenient mode
      // builds it, and the per-request budget protects every request.
      Pattern catastrophic = Pattern.compile("^https://(a+)+\\.example\\.com$");
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  CorsConfigException.class, () -> policy(true, catastrophic)))
          .hasMessageContaining("can backtrack catastrophically");
      CorsPolicy policy = policy(false, catastrophic);
      assertRefused(policy, "https://" + "a".repeat(60) + "!");
      assertThat(allowOrigin(policy, TestRequest.get("/").origin("https://aaa.example.com")))
          .isEqualTo("https://aaa.example.com");
    }

    /**
     * Regression: the bound was per regex, so 1 000 regexes {@code ^https://(a+)+\.oN\.example
     * \.com$} made one 300-character {@code Origin} cost about 1 000 budgets (0.8 s), and 32 such
     * requests in parallel stalled a server for 12 s. One budget is now shared by every regex of
     * the list for a request: 32 requests take a few milliseconds each. The bound below is generous
     * (today's code needs tens of seconds for the 32) and the loop stops early past it.
     */
    @Test
    void s8_thousandCatastrophicRegexes_shareOneBudgetPerRequest() {
      List<Object> regexes = new ArrayList<>();
      for (int n = 0; n < 1000; n++) {
        regexes.add(Pattern.compile("^https://(a+)+\\.o" + n + "\\.example\\.com$"));
      }
      CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(regexes).build());
      String hostile = "https://" + "a".repeat(291) + "!";
      assertThat(hostile).hasSize(300);
      long deadline = System.nanoTime() + 5_000_000_000L;
      int answered = 0;
      while (answered < 32 && System.nanoTime() < deadline) {
        TestResponse response = new TestResponse();
        TestOutcome.apply(policy, TestRequest.get("/").origin(hostile), response);
        assertThat(response.header(ACAO)).isNull();
        answered++;
      }
      assertThat(answered).as("hostile requests answered within 5 s").isEqualTo(32);
      // An origin that a later regex matches at once still gets in.
      assertThat(allowOrigin(policy, TestRequest.get("/").origin("https://aaa.o999.example.com")))
          .isEqualTo("https://aaa.o999.example.com");
    }

    @Test
    void s8_debugMode_saysTheRegexBudgetRanOut() {
      List<Object> regexes = new ArrayList<>();
      regexes.add(Pattern.compile("^https://app\\.example\\.com$"));
      for (int n = 0; n < 10; n++) {
        regexes.add(Pattern.compile("^https://(a+a+)+\\.o" + n + "\\.example\\.com$"));
      }
      CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(regexes).debug(true).build());
      List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.jcors");
      java.util.logging.Handler handler =
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
              logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      logger.addHandler(handler);
      try {
        assertRefused(policy, "https://" + "a".repeat(100) + "!");
        allowOrigin(policy, TestRequest.get("/").origin("https://other.example"));
      } finally {
        logger.removeHandler(handler);
      }
      assertThat(logged)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("the regex search budget of one request")
                      .contains(
                          "ran out on /^https://(a+a+)+\\.o0\\.example\\.com$/, regex 2 of 11")
                      .contains("(S8)"));
      // A plain refusal says nothing about the budget.
      assertThat(logged.stream().filter(line -> line.contains("other.example")))
          .noneMatch(line -> line.contains("budget"));
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s9_sharedSuffixes_doNotMix(boolean strict) {
      CorsPolicy policy =
          CorsPolicy.of(
              CorsOptions.builder()
                  .origin(List.of("https://foo.com", "https://bar.com"))
                  .strict(strict)
                  .build());
      assertRefused(policy, "https://barfoo.com", "https://foobar.com", "https://oo.com");
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s15_sloppyOrigins_andASecondOriginLine_areNeverReflected(boolean strict) {
      CorsPolicy policy = policy(strict, APP);
      assertRefused(
          policy,
          APP + "/",
          "https://app.example.com:443",
          "https://APP.example.com",
          " " + APP,
          APP + ", https://attacker.example",
          APP + ".");
      TestRequest attackerFirst =
          TestRequest.get("/").origin("https://attacker.example").origin(APP);
      assertThat(allowOrigin(policy, attackerFirst)).isNull();
      TestRequest attackerSecond =
          TestRequest.get("/").origin(APP).origin("https://attacker.example");
      assertThat(allowOrigin(policy, attackerSecond)).isEqualTo(APP);
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s16_unicodeOrigins_areNeverReflected(boolean strict) {
      CorsPolicy policy = policy(strict, "https://xn--bcher-kva.example");
      assertRefused(
          policy,
          "https://b\u00fccher.example",
          // the UTF-8 bytes of the name as a container decodes them (ISO-8859-1)
          "https://b\u00c3\u00bccher.example");
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s17_hostileRequestHeaders_neverReachTheResponse(boolean strict) {
      CorsPolicy configured = policy(strict, APP);
      CorsPolicy reflecting =
          CorsPolicy.of(CorsOptions.builder().origin(List.of(APP)).strict(strict).build());
      for (String acrh :
          List.of(
              ",".repeat(MIB),
              "accept,".repeat(MIB / 7),
              "accept," + " ".repeat(MIB) + "content-type",
              "a".repeat(MIB),
              "x-a\r\nSet-Cookie: x=1")) {
        TestRequest request =
            TestRequest.preflight("/", APP, "PUT").header("Access-Control-Request-Headers", acrh);
        TestResponse fixed = new TestResponse();
        TestOutcome.apply(configured, request, fixed);
        assertThat(fixed.header("Access-Control-Allow-Headers"))
            .isEqualTo("Accept,Content-Type,X-Requested-With");
        TestResponse reflected = new TestResponse();
        TestOutcome.apply(reflecting, request, reflected);
        assertThat(reflected.header("Access-Control-Allow-Headers")).isNull();
      }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void s18_s26_oversizedAndInjectedOrigins_areRefused(boolean strict) {
      CorsPolicy policy = policy(strict, APP);
      assertRefused(
          policy,
          "https://" + "a".repeat(MIB) + ".example.com",
          APP + "\r\nSet-Cookie: x=1",
          APP + "\n",
          APP + "\u0000");
      CorsPolicy reflectAll = CorsPolicy.of(CorsOptions.builder().origin(true).build());
      assertThat(allowOrigin(reflectAll, TestRequest.get("/").origin(APP + "\r\nSet-Cookie: x=1")))
          .isNull();
      assertThat(allowOrigin(reflectAll, TestRequest.get("/").origin("a".repeat(MIB)))).isNull();
    }
  }

  @Test
  void s24_aResponseMutatedByTheApplication_doesNotAffectTheNextOne() {
    CorsPolicy policy = policy(false, APP);
    List<Map<String, String>> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestResponse response = TestResponse.with("Vary", "Accept-Encoding");
      TestOutcome.apply(policy, TestRequest.get("/").origin(APP), response);
      seen.add(response.headers());
      response.set(ACAO, "https://attacker.example"); // the application tampers with it
      response.set("Vary", "Accept-Encoding, Cookie");
    }
    assertThat(seen).allSatisfy(headers -> assertThat(headers).isEqualTo(seen.get(0)));
    assertThat(seen.get(0))
        .containsEntry(ACAO, APP)
        .containsEntry("Vary", "Accept-Encoding, Origin");
  }

  /**
   * Express parity (docs/express-mapping.md): refused preflights keep ACAM and ACAH, never ACAO.
   */
  @Test
  void s19_refusedPreflight_getsNoAllowOrigin_butTheMethodsAsExpressDoes() {
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(List.of(APP))
                .methods("PUT", "DELETE")
                .strict(true)
                .build());
    TestResponse response = new TestResponse();
    TestOutcome outcome =
        TestOutcome.apply(
            policy, TestRequest.preflight("/x", "https://attacker.example", "DELETE"), response);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(response.headers())
        .doesNotContainKey(ACAO)
        .doesNotContainKey("Access-Control-Allow-Credentials")
        .containsEntry("Access-Control-Allow-Methods", "PUT,DELETE");
  }

  @Test
  void s27_privateNetworkAccess_isNeverGranted() {
    for (CorsPolicy policy : List.of(CorsPolicy.defaults(), policy(true, APP))) {
      TestResponse response = new TestResponse();
      TestOutcome.apply(
          policy,
          TestRequest.preflight("/", APP, "GET")
              .header("Access-Control-Request-Private-Network", "true"),
          response);
      assertThat(response.headers()).doesNotContainKey("Access-Control-Allow-Private-Network");
    }
  }
}
