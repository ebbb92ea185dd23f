package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorsChecksTest {
  private static final String ORIGIN = "https://a.example.com";
  private static final String STAR = "Access-Control-Allow-Origin: *";
  private static final String EXACT = "Access-Control-Allow-Origin: " + ORIGIN;
  private static final String CREDENTIALS = "Access-Control-Allow-Credentials: true";

  /** The fix offered for an origin that the server's configuration refuses. */
  private static final String REFUSED_BY_THE_CONFIGURATION =
      "none if that is intended; only if `https://a.example.com` should read it, add it"
          + " to the origins the server's CORS configuration allows";

  CorsChecksTest() {}

  private static ReceivedResponse response(int status, String... lines) {
    List<Header> headers = new ArrayList<>();
    for (String line : lines) {
      headers.add(Header.parse(line));
    }
    return new ReceivedResponse(status, headers);
  }

  private static List<Check> cors(boolean credentials, String... lines) {
    List<Check> checks = new ArrayList<>();
    CorsChecks.corsCheck(checks, ORIGIN, credentials, response(200, lines), "response");
    return checks;
  }

  private static Check last(List<Check> checks) {
    return checks.get(checks.size() - 1);
  }

  /** {@code check} failed {@code rule}, explained and fixed in exactly these words. */
  private static void assertFailed(Check check, String rule, String explanation, String fix) {
    assertThat(check.rule()).isEqualTo(rule);
    assertThat(check.passed()).isFalse();
    assertThat(check.explanation()).isEqualTo(explanation);
    assertThat(check.fix()).isEqualTo(fix);
  }

  @Nested
  class CorsCheck {
    CorsCheck() {}

    @Test
    void noAllowOrigin_failsF7() {
      Check check = last(cors(false));
      assertThat(check.rule()).isEqualTo("F7");
      assertThat(check.passed()).isFalse();
      assertThat(check.fix()).contains("Access-Control-Allow-Origin: https://a.example.com");
    }

    @Test
    void refusedOrigin_varyOriginWithoutAllowOrigin_isRefusedByTheConfiguration_noStarOffered() {
      // What a CORS layer with an origin list sends to an origin it does not list.
      Check check = last(cors(false, "Vary: Origin"));
      assertFailed(
          check,
          "F7",
          "the response has no `Access-Control-Allow-Origin` header for `https://a.example.com`"
              + " but has other CORS headers (`Vary: Origin`): the server's CORS configuration"
              + " refuses this origin",
          REFUSED_BY_THE_CONFIGURATION);
      assertThat(check.fix()).doesNotContain("`*`");
    }

    @Test
    void refusedPreflight_allowMethodsWithoutAllowOrigin_isRefusedByTheConfiguration() {
      List<Check> checks = new ArrayList<>();
      CorsChecks.corsCheck(
          checks,
          ORIGIN,
          true,
          response(204, "Access-Control-Allow-Methods: GET,PUT", CREDENTIALS),
          "preflight response");
      assertThat(last(checks).explanation())
          .contains("(`Access-Control-Allow-Credentials`, `Access-Control-Allow-Methods`)")
          .endsWith("the server's CORS configuration refuses this origin");
      assertThat(last(checks).fix()).startsWith("none if that is intended");
    }

    @Test
    void otherOrigin_failsF9_asRefusedByTheConfiguration_withoutSuggestingToSendThisOne() {
      assertFailed(
          last(cors(false, "Access-Control-Allow-Origin: https://admin.example.com")),
          "F9",
          "the response allows `https://admin.example.com`, but the page's origin is"
              + " `https://a.example.com`: the server's CORS configuration allows another"
              + " origin and refuses this one",
          REFUSED_BY_THE_CONFIGURATION);
    }

    @Test
    void star_withoutCredentials_passesF8() {
      assertThat(last(cors(false, STAR)))
          .extracting(Check::rule, Check::passed)
          .containsExactly("F8", true);
    }

    @Test
    void exactOrigin_passesF9() {
      assertThat(last(cors(false, EXACT)).passed()).isTrue();
    }

    @Test
    void trailingSlash_failsF9_withTheByteForByteExplanation() {
      assertFailed(
          last(cors(false, "Access-Control-Allow-Origin: https://a.example.com/")),
          "F9",
          "the response allows `https://a.example.com/` (with a trailing slash) but the"
              + " page's origin is `https://a.example.com`; a browser compares them byte for"
              + " byte",
          "send `Access-Control-Allow-Origin: https://a.example.com` exactly as the browser"
              + " sent it in `Origin`");
    }

    @Test
    void upperCase_failsF9_namingTheCase() {
      Check check = last(cors(false, "Access-Control-Allow-Origin: HTTPS://A.EXAMPLE.COM"));
      assertThat(check.explanation()).contains("different upper/lower case");
    }

    @Test
    void defaultPort_failsF9_asTheSameOriginWrittenDifferently() {
      Check check = last(cors(false, "Access-Control-Allow-Origin: https://a.example.com:443"));
      assertThat(check.explanation()).contains("the same origin written differently");
    }

    @Test
    void twoLines_failF10() {
      Check check = last(cors(false, EXACT, EXACT));
      assertThat(check.rule()).isEqualTo("F10");
      assertThat(check.explanation())
          .contains("2 `Access-Control-Allow-Origin` lines")
          .contains("`https://a.example.com, https://a.example.com`");
    }

    @Test
    void list_failsF10() {
      assertThat(last(cors(false, EXACT + ", *")).rule()).isEqualTo("F10");
    }

    @Test
    void starWithCredentials_failsF11() {
      Check check = last(cors(true, STAR, CREDENTIALS));
      assertThat(check.rule()).isEqualTo("F11");
      assertThat(check.explanation()).contains("never accepts `*`");
    }

    @Test
    void credentials_needExactlyLowerCaseTrue() {
      for (String value : List.of("TRUE", "True", "\"true\"", "1", "false")) {
        Check check = last(cors(true, EXACT, "Access-Control-Allow-Credentials: " + value));
        assertThat(check.passed()).as(value).isFalse();
        assertThat(check.explanation()).contains("`Access-Control-Allow-Credentials` is `" + value);
      }
      assertThat(last(cors(true, EXACT, CREDENTIALS)).passed()).isTrue();
    }

    @Test
    void allowCredentials_isIgnoredWithoutCredentials() {
      assertThat(last(cors(false, STAR, "Access-Control-Allow-Credentials: false")).passed())
          .isTrue();
    }
  }

  @Nested
  class Preflight {
    Preflight() {}

    private List<Check> preflight(
        boolean credentials, String method, List<String> requestHeaders, String... lines) {
      return preflight(credentials, method, requestHeaders, 204, lines);
    }

    private List<Check> preflight(
        boolean credentials,
        String method,
        List<String> requestHeaders,
        int status,
        String... lines) {
      List<Check> checks = new ArrayList<>();
      List<String> unsafe =
          requestHeaders.stream().map(Infra::asciiLowercase).sorted().distinct().toList();
      CorsChecks.preflightChecks(
          checks, ORIGIN, credentials, method, unsafe, response(status, lines), Browser.all());
      return checks;
    }

    /** Whether the last check of {@link #preflight} passes: the browser would send the request. */
    private boolean passes(
        boolean credentials, String method, List<String> requestHeaders, String... lines) {
      return last(preflight(credentials, method, requestHeaders, lines)).passed();
    }

    @Test
    void okStatuses_pass_othersFailF15_redirectsFailF16() {
      for (int status : new int[] {200, 204, 206}) {
        assertThat(
                last(preflight(
                        false, "PUT", List.of(), status, STAR, "Access-Control-Allow-Methods: PUT"))
                    .passed())
            .isTrue();
      }
      assertThat(last(preflight(false, "PUT", List.of(), 401, STAR)))
          .extracting(Check::rule, Check::passed)
          .containsExactly("F15", false);
      Check redirect =
          last(preflight(false, "PUT", List.of(), 307, "Location: https://b.example/", "X-A: 1"));
      assertThat(redirect.rule()).isEqualTo("F16");
      assertThat(redirect.explanation()).contains("307 (redirect to `https://b.example/`)");
    }

    @Test
    void methodsAreCaseSensitive_lowerCasePatchNamed() {
      Check check =
          last(preflight(false, "patch", List.of(), STAR, "Access-Control-Allow-Methods: PATCH"));
      assertThat(check.rule()).isEqualTo("F18");
      assertThat(check.explanation())
          .contains("allows `PATCH` but the request method is `patch`")
          .contains("upper-casing only DELETE, GET, HEAD, OPTIONS, POST and PUT");
      assertThat(check.fix()).contains("make the page use `PATCH`");
    }

    @Test
    void methodStar_onlyWithoutCredentials() {
      assertThat(passes(false, "DELETE", List.of(), STAR, "Access-Control-Allow-Methods: *"))
          .isTrue();
      Check check =
          last(
              preflight(
                  true,
                  "DELETE",
                  List.of(),
                  EXACT,
                  CREDENTIALS,
                  "Access-Control-Allow-Methods: *"));
      assertThat(check.passed()).isFalse();
      assertThat(check.explanation()).contains("is not a wildcard");
    }

    @Test
    void safelistedMethods_needNoAllowMethods() {
      assertThat(
              passes(false, "GET", List.of("X-Test"), STAR, "Access-Control-Allow-Headers: x-test"))
          .isTrue();
    }

    @Test
    void invalidAllowMethods_failsF17() {
      Check check =
          last(
              preflight(
                  false, "PUT", List.of(), STAR, "Access-Control-Allow-Methods: PUT, Bad method"));
      assertThat(check.rule()).isEqualTo("F17");
      assertThat(check.explanation()).contains("`Bad method`, which is not a token");
    }

    @Test
    void headers_caseInsensitive_starWithoutCredentials() {
      assertThat(
              passes(false, "GET", List.of("X-Test"), STAR, "Access-Control-Allow-Headers: x-TEST"))
          .isTrue();
      assertThat(passes(false, "GET", List.of("X-Test"), STAR, "Access-Control-Allow-Headers: *"))
          .isTrue();
      Check withCredentials =
          last(
              preflight(
                  true,
                  "GET",
                  List.of("X-Test"),
                  EXACT,
                  CREDENTIALS,
                  "Access-Control-Allow-Headers: *"));
      assertThat(withCredentials.rule()).isEqualTo("F21");
      assertThat(withCredentials.passed()).isFalse();
    }

    @Test
    void authorizationUnderStar_passesAsAWarning_likeEveryEngine() {
      List<Check> checks =
          preflight(
              false, "GET", List.of("Authorization"), STAR, "Access-Control-Allow-Headers: *");
      assertThat(last(checks).passed()).isTrue();
      Check authorization =
          checks.stream().filter(c -> c.rule().equals("F20")).findFirst().orElseThrow();
      assertThat(authorization.warning()).isTrue();
      assertThat(authorization.fix())
          .isEqualTo("add `Authorization` to `Access-Control-Allow-Headers` explicitly");
    }

    @Test
    void authorizationNotListed_failsF20() {
      Check check =
          last(
              preflight(
                  false,
                  "GET",
                  List.of("Authorization"),
                  STAR,
                  "Access-Control-Allow-Headers: x-other"));
      assertThat(check).extracting(Check::rule, Check::passed).containsExactly("F20", false);
    }

    @Test
    void preflightWithStarOrigin_failsWhenTheRequestHasCredentials() {
      Check check =
          last(
              preflight(
                  true, "PUT", List.of(), STAR, CREDENTIALS, "Access-Control-Allow-Methods: PUT"));
      assertThat(check.rule()).isEqualTo("F11");
      assertThat(check.explanation()).startsWith("the preflight response allows any origin");
    }

    @Test
    void maxAge_isReported() {
      List<Check> checks =
          preflight(
              false,
              "PUT",
              List.of(),
              STAR,
              "Access-Control-Allow-Methods: PUT",
              "Access-Control-Max-Age: 86400");
      assertThat(last(checks).rule()).isEqualTo("F22");
      assertThat(last(checks).explanation())
          .isEqualTo(
              "`Access-Control-Max-Age: 86400`: Chrome caches it for 7200 s, Firefox caches it for"
                  + " 86400 s, Safari caches it for 600 s; Firefox reuses an entry only for requests"
                  + " with the same credentials mode");
      assertThat(
              last(preflight(
                      false,
                      "PUT",
                      List.of(),
                      STAR,
                      "Access-Control-Allow-Methods: PUT",
                      "Access-Control-Max-Age: abc"))
                  .explanation())
          .isEqualTo(
              "`Access-Control-Max-Age: abc`: Chrome and Safari cache it for 5 s, Firefox does not"
                  + " cache it; Firefox reuses an entry only for requests with the same credentials"
                  + " mode");
    }
  }

  @Test
  void readableHeaders_safelistedExposedAndStar() {
    ReceivedResponse plain =
        response(200, "Content-Type: text/plain", "X-Custom: 1", "Set-Cookie: a=b");
    assertThat(CorsChecks.readableHeaders(plain, false)).containsExactly("content-type");
    ReceivedResponse exposed =
        response(
            200,
            "X-Custom: 1",
            "Set-Cookie: a=b",
            "Access-Control-Expose-Headers: x-CUSTOM, Set-Cookie");
    assertThat(CorsChecks.readableHeaders(exposed, false)).containsExactly("x-custom");
    ReceivedResponse star = response(200, "X-Custom: 1", "Access-Control-Expose-Headers: *");
    assertThat(CorsChecks.readableHeaders(star, false))
        .containsExactly("access-control-expose-headers", "x-custom");
    assertThat(CorsChecks.readableHeaders(star, true)).isEmpty();
  }
}
