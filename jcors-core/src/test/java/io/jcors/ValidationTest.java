package io.jcors;

import static io.jcors.CorsProblem.Severity.ERROR;
import static io.jcors.CorsProblem.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcors.internal.JsRegex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of the configuration checks (OptionsCheck, Origins, CorsConfig,
 * CorsPolicy.Routes): the option path, the offending value, the reason and the fix, and that all
 * problems of a configuration come in one exception (the risks are those of
 * docs/express-mapping.md).
 */
class ValidationTest {
  private static final String SYNTAX =
      "; a pattern is scheme://*.domain (any subdomain) or scheme://host:* (any port),"
          + " e.g. https://*.example.com or http://localhost:*";
  private static final String NOT_TOKEN =
      "is not an HTTP token (RFC 9110 section 5.6.2): browsers reject the whole header when one"
          + " name has spaces, quotes, colons or other separators";

  ValidationTest() {}

  static Tuple problem(
      CorsProblem.Severity severity, String option, String value, String reason, String fix) {
    return Tuple.tuple(severity, option, value, reason, fix);
  }

  static List<Tuple> asTuples(List<CorsProblem> problems) {
    return problems.stream()
        .map(p -> Tuple.tuple(p.severity(), p.option(), p.value(), p.reason(), p.fix()))
        .toList();
  }

  static List<CorsProblem> buildErrors(CorsOptions.Builder builder) {
    CorsConfigException e = catchThrowableOfType(CorsConfigException.class, builder::build);
    assertThat(e).as("build() must refuse %s", builder.problems()).isNotNull();
    return e.problems();
  }

  @Nested
  class Errors {
    Errors() {}

    @Test
    void credentials_withExplicitStar_isAnError() {
      assertThat(asTuples(buildErrors(CorsOptions.builder().origin("*").credentials(true))))
          .containsExactly(
              problem(
                  ERROR,
                  "credentials",
                  "true",
                  "cannot be combined with origin \"*\": browsers refuse"
                      + " Access-Control-Allow-Origin: * on credentialed requests (S2)",
                  "list the origins that may send credentials, e.g. origin:"
                      + " [\"https://app.example.com\"]"));
    }

    @Test
    void credentials_withDefaultOrigin_saysItIsTheDefault() {
      assertThat(buildErrors(CorsOptions.builder().credentials(true)))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.reason())
                      .startsWith("cannot be combined with origin \"*\" (the default):"));
      assertThat(buildErrors(CorsOptions.builder().origin(Origins.any()).credentials(true)))
          .extracting(CorsProblem::option)
          .containsExactly("credentials");
    }

    @Test
    void listElements_thatAreNotTokens_areErrors() {
      assertThat(
              asTuples(
                  buildErrors(
                      CorsOptions.builder()
                          .methods("GET", "NOT A METHOD")
                          .allowedHeaders("X-Ok, X Bad")
                          .exposedHeaders(List.of("a:b", "\"q\""))
                          .origin(List.of("https://app.example.com")))))
          .containsExactly(
              problem(
                  ERROR,
                  "methods[1]",
                  "\"NOT A METHOD\"",
                  NOT_TOKEN,
                  "write a single name without separators"),
              problem(
                  ERROR,
                  "allowedHeaders",
                  "\"X Bad\"",
                  NOT_TOKEN,
                  "write a single name without separators"),
              problem(
                  ERROR,
                  "exposedHeaders[0]",
                  "\"a:b\"",
                  NOT_TOKEN,
                  "write a single name without separators"),
              problem(
                  ERROR,
                  "exposedHeaders[1]",
                  "\"\\\"q\\\"\"",
                  NOT_TOKEN,
                  "write a single name without separators"));
    }

    @Test
    void emptyListElement_isAnError() {
      assertThat(asTuples(buildErrors(CorsOptions.builder().methods("GET,,PUT"))))
          .containsExactly(
              problem(
                  ERROR, "methods", "\"\"", "is an empty list element", "remove the extra comma"));
      assertThat(asTuples(buildErrors(CorsOptions.builder().allowedHeaders("a", ""))))
          .containsExactly(
              problem(
                  ERROR,
                  "allowedHeaders[1]",
                  "\"\"",
                  "is an empty list element",
                  "remove the extra comma"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 600, -204, 2040})
    void optionsSuccessStatus_outsideHttp_isAnError(int status) {
      assertThat(asTuples(buildErrors(CorsOptions.builder().optionsSuccessStatus(status))))
          .containsExactly(
              problem(
                  ERROR,
                  "optionsSuccessStatus",
                  Integer.toString(status),
                  "is not an HTTP status code",
                  "use 204 (the default) or 200"));
    }

    @Test
    void everyError_comesAtOnce_inOptionOrder() {
      CorsConfigException e =
          catchThrowableOfType(
              CorsConfigException.class,
              () ->
                  CorsOptions.builder()
                      .origin(List.of("https://*", "*", "https://ok.example"))
                      .credentials(true)
                      .methods("GET", "P T")
                      .allowedHeaders("x y")
                      .exposedHeaders("a,,b")
                      .optionsSuccessStatus(42)
                      .build());
      assertThat(e.problems())
          .extracting(CorsProblem::option)
          .containsExactly(
              "origin[0]",
              "origin[1]",
              "methods[1]",
              "allowedHeaders",
              "exposedHeaders",
              "optionsSuccessStatus");
      assertThat(e.problems()).allMatch(p -> p.severity() == ERROR);
      assertThat(e)
          .hasMessageStartingWith("invalid CORS configuration (6 problems)\n  - origin[0]: ")
          .hasMessageContaining(
              "\n  - optionsSuccessStatus: 42 is not an HTTP status code. Fix: use 204 (the"
                  + " default) or 200");
    }

    @Test
    void warnings_doNotStopABuild_butComeWithErrors() {
      CorsConfigException e =
          catchThrowableOfType(
              CorsConfigException.class,
              () -> CorsOptions.builder().maxAge(-1).methods("A B").build());
      assertThat(e.problems()).extracting(CorsProblem::option).containsExactly("methods");
    }
  }

  // ---- Warnings of OptionsCheck --------------------------------------------------------------

  static Stream<Arguments> optionWarnings() {
    List<String> app = List.of("https://app.example.com");
    return Stream.of(
        Arguments.of(
            CorsOptions.builder().origin(true).credentials(true),
            problem(
                WARNING,
                "origin",
                "true",
                "reflects every origin while credentials are allowed: any website can read your"
                    + " users' authenticated responses (S1)",
                "list the trusted origins instead: origin: [\"https://app.example.com\"]")),
        Arguments.of(
            CorsOptions.builder().methods("GET", "TRACE"),
            problem(
                WARNING,
                "methods[1]",
                "\"TRACE\"",
                "is a method browsers never let a page send (Fetch \"forbidden method\")",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().methods("connect"),
            problem(
                WARNING,
                "methods",
                "\"connect\"",
                "is a method browsers never let a page send (Fetch \"forbidden method\")",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().methods("GET,TRACK"),
            problem(
                WARNING,
                "methods",
                "\"TRACK\"",
                "is a method browsers never let a page send (Fetch \"forbidden method\")",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().methods("put"),
            problem(
                WARNING,
                "methods",
                "\"put\"",
                "is not upper case: browsers send PUT and compare methods case-sensitively",
                "write \"PUT\"")),
        Arguments.of(
            CorsOptions.builder().methods("Delete"),
            problem(
                WARNING,
                "methods",
                "\"Delete\"",
                "is not upper case: browsers send DELETE and compare methods case-sensitively",
                "write \"DELETE\"")),
        Arguments.of(
            CorsOptions.builder().origin(app).credentials(true).methods("*"),
            problem(
                WARNING,
                "methods",
                "\"*\"",
                "is not a wildcard on credentialed requests: browsers then read it as a method"
                    + " named *",
                "list the methods")),
        Arguments.of(
            CorsOptions.builder().allowedHeaders("Content-Type", "Cookie"),
            problem(
                WARNING,
                "allowedHeaders[1]",
                "\"Cookie\"",
                "is a forbidden request header: browsers never let a page set it, so allowing it"
                    + " allows nothing",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().allowedHeaders("Proxy-Authorization"),
            problem(
                WARNING,
                "allowedHeaders",
                "\"Proxy-Authorization\"",
                "is a forbidden request header: browsers never let a page set it, so allowing it"
                    + " allows nothing",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().allowedHeaders("sec-fetch-mode"),
            problem(
                WARNING,
                "allowedHeaders",
                "\"sec-fetch-mode\"",
                "is a forbidden request header: browsers never let a page set it, so allowing it"
                    + " allows nothing",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().origin(app).credentials(true).allowedHeaders("*"),
            problem(
                WARNING,
                "allowedHeaders",
                "\"*\"",
                "is not a wildcard on credentialed requests: browsers then read it as a header"
                    + " named *",
                "list the headers")),
        Arguments.of(
            CorsOptions.builder().exposedHeaders("Set-Cookie"),
            problem(
                WARNING,
                "exposedHeaders",
                "\"Set-Cookie\"",
                "is never exposed to scripts, whatever the server says (Fetch \"forbidden"
                    + " response header name\"; S20)",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().exposedHeaders("set-cookie2"),
            problem(
                WARNING,
                "exposedHeaders",
                "\"set-cookie2\"",
                "is never exposed to scripts, whatever the server says (Fetch \"forbidden"
                    + " response header name\"; S20)",
                "remove it")),
        Arguments.of(
            CorsOptions.builder().origin(app).credentials(true).exposedHeaders("*"),
            problem(
                WARNING,
                "exposedHeaders",
                "\"*\"",
                "is not a wildcard on credentialed requests: browsers then expose only a header"
                    + " named * (S20)",
                "list the headers to expose")),
        Arguments.of(
            CorsOptions.builder().maxAge(-1),
            problem(
                WARNING,
                "maxAge",
                "-1",
                "is negative: browsers cannot parse it and cache the preflight for 5 seconds",
                "use 0 to disable preflight caching")),
        Arguments.of(
            CorsOptions.builder().maxAge(7201),
            problem(
                WARNING,
                "maxAge",
                "7201",
                "is above Chromium's cap of 7200 seconds, and keeps a withdrawn permission cached"
                    + " in other browsers for that long (S25)",
                "use at most 7200")),
        Arguments.of(
            CorsOptions.builder().optionsSuccessStatus(301),
            problem(
                WARNING,
                "optionsSuccessStatus",
                "301",
                "is not a 2xx status: browsers fail every preflight answered with it (F15)",
                "use 204 (the default) or 200")),
        Arguments.of(
            CorsOptions.builder().optionsSuccessStatus(199),
            problem(
                WARNING,
                "optionsSuccessStatus",
                "199",
                "is not a 2xx status: browsers fail every preflight answered with it (F15)",
                "use 204 (the default) or 200")));
  }

  @ParameterizedTest
  @MethodSource("optionWarnings")
  void optionWarning_isReportedAndLogged_andRefusedInStrictMode(
      CorsOptions.Builder builder, Tuple expected) {
    assertThat(asTuples(builder.problems())).containsExactly(expected);
    CorsOptions options = builder.build();
    assertThat(asTuples(options.toBuilder().problems())).containsExactly(expected);

    List<CorsProblem> refused = buildErrors(builder.strict(true));
    Object[] strictExpected = expected.toArray().clone();
    strictExpected[0] = ERROR;
    assertThat(asTuples(refused)).containsExactly(Tuple.tuple(strictExpected));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 600, 7200})
  void maxAge_withinChromiumsCap_isFine(long seconds) {
    assertThat(CorsOptions.builder().maxAge(seconds).problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204, 299})
  void optionsSuccessStatus_2xx_isFine(int status) {
    assertThat(CorsOptions.builder().optionsSuccessStatus(status).problems()).isEmpty();
  }

  @Test
  void strictMode_refusesEveryWarningAtOnce_andWarningsAreEmptyOtherwise() {
    CorsOptions.Builder risky =
        CorsOptions.builder().origin(List.of("null", "https://a.example/")).maxAge(9000);
    assertThat(risky.build().toBuilder().problems())
        .extracting(CorsProblem::option, CorsProblem::severity)
        .containsExactly(
            Tuple.tuple("origin[0]", WARNING),
            Tuple.tuple("origin[1]", WARNING),
            Tuple.tuple("maxAge", WARNING));
    List<CorsProblem> refused = buildErrors(risky.strict(true));
    assertThat(refused)
        .extracting(CorsProblem::option, CorsProblem::severity)
        .containsExactly(
            Tuple.tuple("origin[0]", ERROR),
            Tuple.tuple("origin[1]", ERROR),
            Tuple.tuple("maxAge", ERROR));
    assertThat(risky.problems()).allMatch(p -> p.severity() == WARNING);
    assertThat(CorsOptions.builder().strict(true).build().strict()).isTrue();
    assertThat(CorsOptions.defaults().toBuilder().problems()).isEmpty();
  }

  // ---- Origins --------------------------------------------------------------------------------

  @Nested
  class OriginErrors {
    OriginErrors() {}

    @Test
    void fixed_withStar_isNotAFixedOrigin() {
      CorsConfigException e =
          catchThrowableOfType(
              CorsConfigException.class, () -> Origins.fixed("https://*.example.com"));
      assertThat(asTuples(e.problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "origin",
                  "\"https://*.example.com\"",
                  "is not a fixed origin",
                  "use Origins.any() for \"*\" and Origins.of(...) for patterns"));
    }

    @Test
    void star_inAList_isAnError() {
      assertThat(
              asTuples(
                  catchThrowableOfType(
                          CorsConfigException.class, () -> Origins.of("https://a.example", "*"))
                      .problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "origin[1]",
                  "\"*\"",
                  "in a list matches no origin (Express compares list entries as strings)",
                  "write origin: \"*\" on its own to allow every origin"));
    }

    @Test
    void listEntry_thatIsNeitherStringNorRegex_isAnError() {
      assertThat(
              asTuples(
                  catchThrowableOfType(
                          CorsConfigException.class,
                          () -> Origins.of(List.of("https://a.example", 5)))
                      .problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "origin[1]",
                  "5",
                  "is neither an origin string nor a regex",
                  "list origins as strings (\"https://app.example.com\") or regexes"));
    }
  }

  static Stream<Arguments> malformedPatterns() {
    return Stream.of(
        Arguments.of(
            "https://*", "has a '*' that is not a whole leftmost label or the whole port" + SYNTAX),
        Arguments.of("*://example.com", "has a wildcard in its scheme" + SYNTAX),
        Arguments.of("HTTPS://*.example.com", "has an invalid scheme" + SYNTAX),
        Arguments.of("https//*.example.com", "is not a valid pattern" + SYNTAX),
        Arguments.of(
            "https://a.*.example.com",
            "has a '*' that is not a whole leftmost label or the whole port" + SYNTAX),
        Arguments.of(
            "https://*example.com",
            "has a '*' that is not a whole leftmost label or the whole port" + SYNTAX),
        Arguments.of(
            "https://*.*.example.com",
            "has a '*' that is not a whole leftmost label or the whole port" + SYNTAX),
        Arguments.of(
            "https://*.example.com:443", "has the default port 443 of https; browsers omit it"),
        Arguments.of(
            "http://localhost:80*",
            "has something other than a port or :* after its host" + SYNTAX),
        Arguments.of(
            "https://*.example.com:*x",
            "has something other than a port or :* after its host" + SYNTAX),
        Arguments.of(
            "https://*.example.com/", "has the character '/', which is not allowed in a host"),
        Arguments.of(
            "https://*.EXAMPLE.com", "has upper-case letters; browsers send origins in lower case"),
        Arguments.of(
            "https://*.example.com.", "ends with a dot; browsers send the host without it"),
        Arguments.of("https://*..example.com", "has an empty label in its host"),
        Arguments.of("https://*.", "has no host; an origin is scheme://host[:port]"),
        Arguments.of("http://[::1:*", "has an invalid IPv6 address" + SYNTAX),
        Arguments.of(
            "https://example.com:8080*",
            "has something other than a port or :* after its host" + SYNTAX));
  }

  /**
   * The fix of each malformed pattern: the nearest valid pattern, or none when the only repair
   * would allow more than the pattern asks for (a {@code *} inside the host, any scheme).
   */
  private static final Map<String, String> PATTERN_FIXES = patternFixes();

  private static Map<String, String> patternFixes() {
    String generic = "write a pattern such as \"https://*.example.com\" or \"http://localhost:*\"";
    Map<String, String> fixes = new LinkedHashMap<>();
    fixes.put("https://*", generic);
    fixes.put("*://example.com", generic);
    fixes.put("HTTPS://*.example.com", "write \"https://*.example.com\"");
    fixes.put("https//*.example.com", "write \"https://*.example.com\"");
    fixes.put("https://a.*.example.com", generic);
    fixes.put("https://*example.com", "write \"https://*.example.com\"");
    fixes.put("https://*.*.example.com", "write \"https://*.example.com\"");
    fixes.put("https://*.example.com:443", "write \"https://*.example.com\"");
    fixes.put("http://localhost:80*", "write \"http://localhost:*\"");
    fixes.put("https://*.example.com:*x", "write \"https://*.example.com:*\"");
    fixes.put("https://*.example.com/", "write \"https://*.example.com\"");
    fixes.put("https://*.EXAMPLE.com", "write \"https://*.example.com\"");
    fixes.put("https://*.example.com.", "write \"https://*.example.com\"");
    fixes.put("https://*..example.com", "write \"https://*.example.com\"");
    fixes.put("https://*.", generic);
    fixes.put("http://[::1:*", generic);
    fixes.put("https://example.com:8080*", "write \"https://example.com:*\"");
    return fixes;
  }

  @ParameterizedTest(name = "pattern {0}")
  @MethodSource("malformedPatterns")
  void malformedPattern_isAnError_withTheReason_andTheNearestValidPattern(
      String pattern, String reason) {
    CorsConfigException e =
        catchThrowableOfType(
            CorsConfigException.class, () -> Origins.of("https://ok.example", pattern));
    assertThat(PATTERN_FIXES).containsKey(pattern);
    assertThat(asTuples(e.problems()))
        .containsExactly(
            problem(
                ERROR, "origin[1]", Problems.render(pattern), reason, PATTERN_FIXES.get(pattern)));
  }

  @Test
  void nonAsciiPattern_suggestsPunycode() {
    CorsConfigException e =
        catchThrowableOfType(
            CorsConfigException.class, () -> Origins.of("https://*.b\u00fccher.example"));
    assertThat(e.problems())
        .extracting(CorsProblem::fix)
        .containsExactly("write \"https://*.xn--bcher-kva.example\"");
  }

  static Stream<Arguments> unserializedOrigins() {
    String generic = "write the origin as scheme://host[:port], e.g. \"https://app.example.com\"";
    String never = "; a browser compares origins byte for byte, so it never matches";
    return Stream.of(
        Arguments.of("", "is empty; an origin is scheme://host[:port]" + never, generic),
        Arguments.of(
            "app.example.com",
            "is not an origin; an origin is scheme://host[:port], e.g. https://app.example.com"
                + never,
            generic),
        Arguments.of(
            "https://app.example.com/",
            "has a trailing slash; an origin is scheme://host[:port], without a path" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://app.example.com/api",
            "has a path, query or fragment; an origin is scheme://host[:port]" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://app.example.com?x",
            "has a path, query or fragment; an origin is scheme://host[:port]" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://app.example.com:443",
            "has the default port 443 of https; browsers omit it" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "http://app.example.com:80",
            "has the default port 80 of http; browsers omit it" + never,
            "write \"http://app.example.com\""),
        Arguments.of(
            "HTTPS://app.example.com",
            "has upper-case letters; browsers send origins in lower case" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://App.Example.com",
            "has upper-case letters; browsers send origins in lower case" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://app.example.com.",
            "ends with a dot; browsers send the host without it" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            " https://app.example.com",
            "contains whitespace or a control character; an origin is scheme://host[:port]" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://user@app.example.com",
            "has user info; an origin is scheme://host[:port]" + never,
            "write \"https://app.example.com\""),
        Arguments.of(
            "https://bücher.example",
            "has non-ASCII characters; browsers send internationalized domain names in Punycode"
                + never,
            "write \"https://xn--bcher-kva.example\""),
        Arguments.of(
            "https://app.example.com:99999",
            "has an invalid port; a port is a number from 0 to 65535 without leading zeros" + never,
            generic),
        Arguments.of(
            "https://app.example.com:0443",
            "has an invalid port; a port is a number from 0 to 65535 without leading zeros" + never,
            "write \"https://app.example.com\""),
        Arguments.of("https://app..example.com", "has an empty label in its host" + never, generic),
        Arguments.of(
            "https://a$b.example",
            "has the character '$', which is not allowed in a host" + never,
            generic),
        Arguments.of(
            "http://[::1",
            "has an invalid IPv6 address; write it in brackets, e.g. http://[::1]:8080" + never,
            generic),
        Arguments.of(
            "1https://a.example",
            "has an invalid scheme; an origin is scheme://host[:port]" + never,
            generic));
  }

  @ParameterizedTest(name = "origin \"{0}\"")
  @MethodSource("unserializedOrigins")
  void originThatIsNotSerialized_isAWarning_withTheFix(String origin, String reason, String fix) {
    assertThat(asTuples(CorsOptions.builder().origin(List.of(origin)).problems()))
        .containsExactly(problem(WARNING, "origin[0]", Problems.render(origin), reason, fix));
    // A fixed origin gets the same warning under "origin" (the empty one is Express's false).
    if (!origin.isEmpty()) {
      assertThat(asTuples(CorsOptions.builder().origin(origin).problems()))
          .containsExactly(problem(WARNING, "origin", Problems.render(origin), reason, fix));
    }
  }

  @Test
  void emptyFixedOrigin_isExpressFalse_withAWarning() {
    assertThat(asTuples(CorsOptions.builder().origin("").problems()))
        .containsExactly(
            problem(
                WARNING,
                "origin",
                "\"\"",
                "is empty, which Express reads as false: no CORS headers are sent and preflights"
                    + " go on to the application",
                "write false to turn CORS off, or the origin to allow, e.g."
                    + " \"https://app.example.com\""));
    assertThat(CorsOptions.builder().origin("").build().origin()).isSameAs(Origins.none());
  }

  @Test
  void nullOrigin_andFileOrigin_areWarnings() {
    assertThat(
            asTuples(
                CorsOptions.builder().origin(List.of("null", "file:///home/me/a.html")).problems()))
        .containsExactly(
            problem(
                WARNING,
                "origin[0]",
                "\"null\"",
                "trusts every page whose origin is opaque: sandboxed iframes, data: URLs and local"
                    + " files, which any website can create to send Origin: null (S3)",
                "remove \"null\"; serve those pages from a real origin and allow that origin"),
            problem(
                WARNING,
                "origin[1]",
                "\"file:///home/me/a.html\"",
                "never matches: browsers send Origin: null for file: pages, and trusting null"
                    + " trusts any sandboxed page (S3)",
                "serve the page over http://localhost and allow that origin"));
  }

  /**
   * Regression: {@code http://127.attacker.com} passed as loopback ({@code startsWith("127.")}).
   */
  @Test
  void httpOriginOnANameStartingWith127_isNotLoopback() {
    assertThat(
            CorsOptions.builder()
                .origin(List.of("http://127.attacker.com", "http://127.0.0.1.nip.io:8080"))
                .credentials(true)
                .problems())
        .extracting(p -> p.option() + " " + p.reason())
        .containsExactly(
            "origin[0] is plain http and trusted with credentials: anyone on the network path can"
                + " inject script into that origin and read your users' authenticated responses"
                + " (S10)",
            "origin[1] is plain http and trusted with credentials: anyone on the network path can"
                + " inject script into that origin and read your users' authenticated responses"
                + " (S10)");
  }

  /**
   * Regression: the hand-kept list of public suffixes missed these hosting platforms, so their
   * wildcards with credentials were not warned about (S11). The whole Public Suffix List knows
   * them.
   */
  @Test
  void publicSuffixWildcards_fromTheWholePublicSuffixList() {
    List<String> wildcards =
        List.of(
            "https://*.s3.us-east-1.amazonaws.com",
            "https://*.a.run.app",
            "https://*.r2.dev",
            "https://*.blob.core.windows.net",
            "https://*.githubusercontent.com");
    assertThat(CorsOptions.builder().origin(wildcards).credentials(true).problems())
        .extracting(CorsProblem::option, CorsProblem::reason)
        .containsExactly(
            Tuple.tuple(
                "origin[0]",
                "trusts every subdomain of the public suffix s3.us-east-1.amazonaws.com with"
                    + " credentials: anyone can register one (S11)"),
            Tuple.tuple(
                "origin[1]",
                "trusts every subdomain of the public suffix a.run.app with credentials: anyone"
                    + " can register one (S11)"),
            Tuple.tuple(
                "origin[2]",
                "trusts every subdomain of the public suffix r2.dev with credentials: anyone can"
                    + " register one (S11)"),
            Tuple.tuple(
                "origin[3]",
                "trusts every subdomain of the public suffix blob.core.windows.net with"
                    + " credentials: anyone can register one (S11)"),
            Tuple.tuple(
                "origin[4]",
                "trusts every subdomain of the public suffix githubusercontent.com with"
                    + " credentials: anyone can register one (S11)"));
    // A registrable name under a suffix is one owner's: its subdomains are not warned about.
    assertThat(
            CorsOptions.builder()
                .origin(List.of("https://*.myapp.r2.dev", "https://*.www.ck"))
                .credentials(true)
                .problems())
        .isEmpty();
  }

  @Test
  void credentialedRisks_httpOrigins_andPublicSuffixWildcards() {
    List<CorsProblem> problems =
        CorsOptions.builder()
            .origin(
                List.of(
                    "http://app.example.com",
                    "http://localhost:3000",
                    "http://127.0.0.1:8080",
                    "http://[::1]:8080",
                    "http://app.localhost",
                    "http://localhost:*",
                    "https://*.github.io",
                    "https://*.com",
                    "http://*.example.com",
                    "https://*.example.com"))
            .credentials(true)
            .problems();
    assertThat(asTuples(problems))
        .containsExactly(
            problem(
                WARNING,
                "origin[0]",
                "\"http://app.example.com\"",
                "is plain http and trusted with credentials: anyone on the network path can inject"
                    + " script into that origin and read your users' authenticated responses (S10)",
                "allow only the https:// origin"),
            problem(
                WARNING,
                "origin[6]",
                "\"https://*.github.io\"",
                "trusts every subdomain of the public suffix github.io with credentials: anyone"
                    + " can register one (S11)",
                "list your own subdomains, e.g. \"https://myapp.github.io\""),
            problem(
                WARNING,
                "origin[7]",
                "\"https://*.com\"",
                "trusts every subdomain of the public suffix com with credentials: anyone can"
                    + " register one (S11)",
                "list your own subdomains, e.g. \"https://myapp.com\""),
            problem(
                WARNING,
                "origin[8]",
                "\"http://*.example.com\"",
                "is plain http and trusted with credentials: anyone on the network path can inject"
                    + " script into that origin and read your users' authenticated responses (S10)",
                "allow only the https:// origin"));
    // Without credentials the same list is fine.
    assertThat(
            CorsOptions.builder()
                .origin(List.of("http://app.example.com", "https://*.github.io"))
                .problems())
        .isEmpty();
  }

  /** A regex the JDK compiles but then fails on (found by fuzzing) is reported, not hidden. */
  @Test
  void regexTheEngineFailsOn_isWarned() {
    Pattern regex =
        JsRegex.compile(
            "/:\\/\\/[a&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&Q&&&&&&&&&&&&&&&&&&&&&&&&&&&&-z]+hio /");
    assertThat(CorsOptions.builder().origin(regex).problems())
        .extracting(CorsProblem::reason)
        .contains(
            "makes the JDK's regex engine fail on Origin https://attacker.example"
                + " (NullPointerException), so it matches nothing there");
    TestResponse response = new TestResponse();
    TestOutcome.apply(
        CorsPolicy.of(CorsOptions.builder().origin(regex).build()),
        TestRequest.get("/").origin("https://attacker.example"),
        response);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void regexRisks_areWarnings() {
    String unanchored =
        "is not anchored at both ends, so it also matches origins that merely contain a match,"
            + " such as https://evilexample.com (S7)";
    // Built from the user's regex: a host alone gets the scheme an origin starts with.
    String anchorFix = "anchor it: /^https:\\/\\/example\\.com$/";
    String dot =
        "has an unescaped '.', which matches any character, so apiXexample.com matches"
            + " api.example.com (S6)";
    assertThat(
            asTuples(
                CorsOptions.builder()
                    .origin(
                        List.of(
                            Pattern.compile("^null$"),
                            Pattern.compile("^https://.*$"),
                            Pattern.compile("example\\.com$"),
                            Pattern.compile("^https://api.example\\.com$"),
                            Pattern.compile("^https://[a.]+\\.example\\.com$")))
                    .credentials(true)
                    .problems()))
        .containsExactly(
            problem(
                WARNING,
                "origin[0]",
                "/^null$/",
                "matches the origin \"null\", which any website can send from a sandboxed iframe"
                    + " (S3)",
                "anchor the regex so that it matches only your origins"),
            problem(
                WARNING,
                "origin[1]",
                "/^https://.*$/",
                "matches any origin (it matched https://attacker.example) and credentials are"
                    + " allowed: any website can read your users' authenticated responses (S1)",
                "match only your origins: /^https:\\/\\/app\\.example\\.com$/"),
            problem(WARNING, "origin[1]", "/^https://.*$/", dot, "escape the dots: \\."),
            problem(WARNING, "origin[2]", "/example\\.com$/", unanchored, anchorFix),
            problem(
                WARNING,
                "origin[2]",
                "/example\\.com$/",
                "lets in https://evilexample.com (made from https://example.com, which it"
                    + " accepts): nothing ends the host at a label boundary, so anyone's domain that"
                    + " ends the same way gets in (S4)",
                "start the host at a label boundary: /^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/"
                    + " allows example.com and its subdomains"),
            problem(
                WARNING,
                "origin[2]",
                "/example\\.com$/",
                "lets in http://example.com, plain http, and credentials are allowed: anyone on the"
                    + " network path can inject script into that origin and read your users'"
                    + " authenticated responses (S10)",
                "allow only https: /^https:\\/\\/example\\.com$/"),
            problem(
                WARNING,
                "origin[3]",
                "/^https://api.example\\.com$/",
                dot,
                "escape the dots: \\."));
  }

  // ---- CorsConfig -----------------------------------------------------------------------------

  static Map<String, Object> tree(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Nested
  class Config {
    Config() {}

    @Test
    void everyProblemOfAFile_comesAtOnce_withPaths() {
      CorsConfig config =
          CorsConfig.read(
              tree(
                  "routes",
                  List.of(
                      tree(
                          "path",
                          "/api/**",
                          "cors",
                          tree(
                              "origin",
                              List.of("https://a.example/", "/[/", "https://*"),
                              "credentials",
                              "yes",
                              "maxAg",
                              5)),
                      tree("path", "api", "cors", tree()),
                      tree("path", "/x", "cors", "yes"),
                      "not a route",
                      tree("pth", "/y"))));
      assertThat(config.hasErrors()).isTrue();
      assertThat(asTuples(config.problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "routes[0].cors.maxAg",
                  null,
                  "is not a known option",
                  "did you mean \"maxAge\"?"),
              problem(
                  ERROR,
                  "routes[0].cors.origin[1]",
                  "\"/[/\"",
                  "is not a valid regular expression: Unclosed character class near index 0",
                  "fix the regular expression"),
              problem(
                  ERROR,
                  "routes[0].cors.credentials",
                  "\"yes\"",
                  "is not a boolean",
                  "write true or false"),
              problem(
                  WARNING,
                  "routes[0].cors.origin[0]",
                  "\"https://a.example/\"",
                  "has a trailing slash; an origin is scheme://host[:port], without a path; a"
                      + " browser compares origins byte for byte, so it never matches",
                  "write \"https://a.example\""),
              problem(
                  ERROR,
                  "routes[0].cors.origin[2]",
                  "\"https://*\"",
                  "has a '*' that is not a whole leftmost label or the whole port" + SYNTAX,
                  "write a pattern such as \"https://*.example.com\" or \"http://localhost:*\""),
              problem(
                  ERROR, "routes[1].path", "\"api\"", "does not start with /", "write \"/api\""),
              problem(
                  ERROR,
                  "routes[2].cors",
                  "\"yes\"",
                  "is not an options object",
                  "write {} for the defaults, or leave cors out for no CORS"),
              problem(
                  ERROR,
                  "routes[3]",
                  "\"not a route\"",
                  "is not a route object",
                  "write {\"path\": \"/api/**\", \"cors\": {}}"),
              problem(
                  ERROR, "routes[4].pth", null, "is not a known option", "did you mean \"path\"?"),
              problem(
                  ERROR,
                  "routes[4].path",
                  "null",
                  "is not a string",
                  "write a route path such as \"/products/:id\" or \"/api/**\""));
      CorsConfigException e = catchThrowableOfType(CorsConfigException.class, config::policy);
      assertThat(e.problems()).hasSize(9).allMatch(p -> p.severity() == ERROR);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "allowedHeader",
          "origins",
          "Origin",
          "credential",
          "maxage",
          "optionSuccessStatus",
          "preflightContinu",
          "exposeHeaders",
          "stric"
        })
    void unknownKey_suggestsTheNearestName(String key) {
      CorsConfig config = CorsConfig.read(tree(key, true));
      CorsProblem p = config.problems().get(0);
      assertThat(p.option()).isEqualTo(key);
      assertThat(p.reason()).isEqualTo("is not a known option");
      assertThat(p.fix())
          .matches(
              "did you mean \"(allowedHeaders|origin|credentials|maxAge|optionsSuccessStatus|preflightContinue|exposedHeaders|strict)\"\\?");
      assertThat(p.fix()).containsIgnoringCase(key.substring(0, 4));
    }

    @Test
    void unknownKey_farFromEveryName_listsTheKnownNames() {
      assertThat(asTuples(CorsConfig.read(tree("zzzzzzzzzzzzzz", 1)).problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "zzzzzzzzzzzzzz",
                  null,
                  "is not a known option",
                  "the known options are allowedHeaders, credentials, debug, exposedHeaders,"
                      + " maxAge, methods, optionsSuccessStatus, origin, preflightContinue, strict"));
    }

    @Test
    void unknownTopLevelKey_besideRoutes_suggestsTheNearest() {
      CorsConfig config =
          CorsConfig.read(
              tree("routes", List.of(tree("path", "/a", "cors", tree())), "strictt", true));
      assertThat(asTuples(config.problems()))
          .containsExactly(
              problem(ERROR, "strictt", null, "is not a known option", "did you mean \"strict\"?"));
    }

    @Test
    void routes_thatAreNotANonEmptyList_areAnError() {
      for (Object routes : List.of(List.of(), "x", tree())) {
        assertThat(asTuples(CorsConfig.read(tree("routes", routes)).problems()))
            .containsExactly(
                problem(
                    ERROR,
                    "routes",
                    Problems.render(routes),
                    "is not a non-empty list of routes",
                    "write \"routes\": [{\"path\": \"/api/**\", \"cors\": {}}]"));
      }
    }

    @Test
    void routePaths_areChecked() {
      CorsConfig config =
          CorsConfig.read(
              tree(
                  "routes",
                  List.of(
                      tree("path", "/a/{id"),
                      tree("path", "/a b/*/caf\u00e9"), // a decoded path may hold both
                      tree("path", "/a?x"),
                      tree("path", 5),
                      tree("path", "/x/:"),
                      tree("path", "/ok/**"))));
      assertThat(config.problems())
          .extracting(
              CorsProblem::rule, CorsProblem::option, CorsProblem::value, CorsProblem::reason)
          .containsExactly(
              Tuple.tuple(
                  CorsRule.C3, "routes[0].path", "\"/a/{id\"", "has an unclosed { at index 3"),
              Tuple.tuple(
                  CorsRule.C3,
                  "routes[2].path",
                  "\"/a?x\"",
                  "has a ? at index 2, which is neither part of a path nor a wildcard here"),
              Tuple.tuple(CorsRule.C2, "routes[3].path", "5", "is not a string"),
              Tuple.tuple(
                  CorsRule.C3, "routes[4].path", "\"/x/:\"", "has a : without a name at index 3"));
    }

    @Test
    void valueShapes_areChecked() {
      CorsConfig config =
          CorsConfig.read(
              tree(
                  "origin",
                  5,
                  "methods",
                  List.of("GET", 5),
                  "allowedHeaders",
                  7,
                  "exposedHeaders",
                  tree(),
                  "credentials",
                  "true",
                  "maxAge",
                  1.5,
                  "preflightContinue",
                  1,
                  "optionsSuccessStatus",
                  "ok",
                  "strict",
                  "no",
                  "debug",
                  List.of()));
      assertThat(asTuples(config.problems()))
          .containsExactly(
              problem(ERROR, "methods[1]", "5", "is not a string", "write the name as a string"),
              problem(
                  ERROR,
                  "allowedHeaders",
                  "7",
                  "is neither a string nor a list of strings",
                  "write \"Content-Type,Authorization\" or [\"Content-Type\", \"Authorization\"]"),
              problem(
                  ERROR,
                  "exposedHeaders",
                  "{}",
                  "is neither a string nor a list of strings",
                  "write \"ETag,X-Total-Count\" or [\"ETag\", \"X-Total-Count\"]"),
              problem(ERROR, "credentials", "\"true\"", "is not a boolean", "write true or false"),
              problem(
                  ERROR, "maxAge", "1.5", "is not a whole number", "write a number such as 600"),
              problem(ERROR, "preflightContinue", "1", "is not a boolean", "write true or false"),
              problem(
                  ERROR,
                  "optionsSuccessStatus",
                  "\"ok\"",
                  "is not a whole number",
                  "write a number such as 204"),
              problem(ERROR, "strict", "\"no\"", "is not a boolean", "write true or false"),
              problem(ERROR, "debug", "[]", "is not a boolean", "write true or false"),
              problem(
                  ERROR,
                  "origin",
                  "5",
                  "is not a valid origin option",
                  "use \"*\", true, false, an origin, a pattern, a regex, or a list of them"));
    }

    @Test
    void numbers_inEveryJsonShape_areAccepted() {
      for (Object maxAge :
          List.of(
              600,
              600L,
              (short) 600,
              new java.math.BigInteger("600"),
              600.0,
              new java.math.BigDecimal("600"),
              "600")) {
        CorsConfig config = CorsConfig.read(tree("maxAge", maxAge));
        assertThat(config.problems()).as("maxAge %s", maxAge).isEmpty();
        TestResponse response = new TestResponse();
        TestOutcome.apply(
            config.policy(), TestRequest.preflight("/", "https://a.example", "PUT"), response);
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
      }
    }

    @Test
    void originObject_withoutSources_isAnError() {
      assertThat(asTuples(CorsConfig.read(tree("origin", tree("jdbc", tree()))).problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "origin",
                  "{\"jdbc\": {}}",
                  "is an object, and no origin source is available here",
                  "use true, false, \"*\", an origin, a pattern, a \"/regex/\", or a list of them"));
    }

    @Test
    void originObject_namingAnUnknownSource_listsTheKnownOnes() {
      CorsConfig.OriginSource source = settings -> origin -> null;
      assertThat(
              asTuples(
                  CorsConfig.read(tree("origin", tree("ldap", tree())), Map.of("jdbc", source))
                      .problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "origin",
                  "{\"ldap\": {}}",
                  "is not an origin source; the known sources are jdbc",
                  "use true, false, \"*\", an origin, a pattern, a \"/regex/\", or a list of them"));
    }

    @Test
    void originSource_refusingItsSettings_isAnError() {
      CorsConfig.OriginSource source =
          settings -> {
            throw new IllegalArgumentException("url: is missing; write the JDBC URL");
          };
      assertThat(
              asTuples(
                  CorsConfig.read(
                          tree(
                              "routes",
                              List.of(
                                  tree(
                                      "path", "/a", "cors", tree("origin", tree("jdbc", tree()))))),
                          Map.of("jdbc", source))
                      .problems()))
          .containsExactly(
              problem(
                  ERROR,
                  "routes[0].cors.origin.jdbc",
                  null,
                  "url: is missing; write the JDBC URL",
                  null));
    }

    @Test
    void strict_inAFile_turnsWarningsIntoErrors_andRoutesInheritIt() {
      CorsConfig single = CorsConfig.read(tree("origin", "null", "strict", true));
      assertThat(single.problems())
          .extracting(CorsProblem::option, CorsProblem::severity)
          .containsExactly(Tuple.tuple("origin", ERROR));
      assertThat(single.hasErrors()).isTrue();

      CorsConfig routes =
          CorsConfig.read(
              tree(
                  "strict",
                  true,
                  "routes",
                  List.of(
                      tree("path", "/a", "cors", tree("maxAge", 9000)),
                      tree("path", "/b", "cors", tree("maxAge", 9000, "strict", false)))));
      assertThat(routes.problems())
          .extracting(CorsProblem::option, CorsProblem::severity)
          .containsExactly(
              Tuple.tuple("routes[0].cors.maxAge", ERROR),
              Tuple.tuple("routes[1].cors.maxAge", WARNING));

      CorsConfig lenient = CorsConfig.read(tree("origin", "null"));
      assertThat(lenient.hasErrors()).isFalse();
      assertThat(lenient.problems()).extracting(CorsProblem::severity).containsExactly(WARNING);
    }
  }

  // ---- Regex strings ---------------------------------------------------------------------------

  @Test
  void regexStrings_acceptTheFlagsIMSU() {
    assertThat(JsRegex.compile("/a/i").flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
    assertThat(JsRegex.compile("/a/m").flags()).isEqualTo(Pattern.MULTILINE);
    assertThat(JsRegex.compile("/a/s").flags()).isEqualTo(Pattern.DOTALL);
    assertThat(JsRegex.compile("/a/u").flags()).isEqualTo(Pattern.UNICODE_CASE);
    assertThat(JsRegex.compile("/a/imsu").flags())
        .isEqualTo(
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNICODE_CASE);
    assertThat(JsRegex.literal(JsRegex.compile("/a\\/b/si"))).isEqualTo("/a\\/b/is");

    CorsConfig config = CorsConfig.read(tree("origin", "/^https:\\/\\/app\\.example\\.com$/i"));
    assertThat(config.problems()).isEmpty();
    for (String origin : List.of("https://app.example.com", "https://APP.example.com")) {
      TestResponse response = new TestResponse();
      TestOutcome.apply(config.policy(), TestRequest.get("/").origin(origin), response);
      assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
    }
    TestResponse other = new TestResponse();
    TestOutcome.apply(
        config.policy(), TestRequest.get("/").origin("https://app.example.com.evil"), other);
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  static Stream<Arguments> badRegexStrings() {
    return Stream.of(
        Arguments.of(
            "/a/g",
            "has the flag 'g', which makes RegExp.test stateful (it resumes at lastIndex); remove it"),
        Arguments.of(
            "/a/y",
            "has the flag 'y', which makes RegExp.test stateful (it resumes at lastIndex); remove it"),
        Arguments.of(
            "/a/ig",
            "has the flag 'g', which makes RegExp.test stateful (it resumes at lastIndex); remove it"),
        Arguments.of("/a/x", "has the unsupported flag 'x'; the supported flags are i, m, s and u"),
        Arguments.of("/a/d", "has the unsupported flag 'd'; the supported flags are i, m, s and u"),
        Arguments.of("//", "is an empty regular expression"),
        Arguments.of("/(/", "is not a valid regular expression: Unclosed group near index 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRegexStrings")
  void regexStrings_withBadFlagsOrSyntax_areErrors(String literal, String reason) {
    assertThat(
            asTuples(
                CorsConfig.read(tree("origin", List.of("https://a.example", literal))).problems()))
        .containsExactly(
            problem(
                ERROR,
                "origin[1]",
                Problems.render(literal),
                reason,
                "fix the regular expression"));
    assertThat(asTuples(CorsConfig.read(tree("origin", literal)).problems()))
        .containsExactly(
            problem(
                ERROR, "origin", Problems.render(literal), reason, "fix the regular expression"));
  }

  // ---- Routes builder --------------------------------------------------------------------------

  @Test
  void routesBuilder_reportsEveryMalformedPathAtOnce() {
    assertThatThrownBy(
            () ->
                CorsPolicy.builder()
                    .route("api", CorsOptions.defaults())
                    .route("/ok/**", CorsOptions.defaults())
                    .route("/a/**/b", CorsPolicy.disabled()) // valid now: ** in the middle
                    .route("/a/***", CorsPolicy.disabled())
                    .build())
        .isInstanceOfSatisfying(
            CorsConfigException.class,
            e ->
                assertThat(asTuples(e.problems()))
                    .containsExactly(
                        problem(
                            ERROR,
                            "routes[0].path",
                            "\"api\"",
                            "does not start with /",
                            "write \"/api\""),
                        problem(
                            ERROR,
                            "routes[3].path",
                            "\"/a/***\"",
                            "has *** at index 3",
                            "write * for any characters within a segment, or ** alone between two /"
                                + " for any number of segments")));
  }
}
