package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.check.ScriptedServer.Received;
import io.jcors.check.ScriptedServer.Reply;
import io.jcors.check.browser.HeadlessChromium;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check against real headless Chromium: each scenario scripts the server's answers (preflight
 * and request, per redirect hop), runs {@code fetch()} from a page on another origin in Chromium,
 * then runs {@link CorsCheck} on the same script, and asserts that both reach the same verdict,
 * send a preflight in the same cases, send the same preflight ({@code Origin}, {@code
 * Access-Control-Request-Method}, {@code -Headers}) and the same {@code Origin} on every request,
 * and see the same readable response headers.
 *
 * <p>Origins: the page is served by one server ({@code http://127.0.0.1:P}), the API by another
 * ({@code http://127.0.0.1:A}), and redirect targets on "another origin" by a third. Every scenario
 * uses its own paths, so the browser's preflight cache and HTTP cache never interfere.
 */
class BrowserParityTest {
  private static ScriptedServer page;
  private static ScriptedServer api;
  private static ScriptedServer other;
  private static HeadlessChromium chromium;
  private static HeadlessChromium.Tab tab;
  private static final CorsCheck CHECK = CorsCheck.create();

  BrowserParityTest() {}

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.launchOrSkip();
    page = new ScriptedServer();
    api = new ScriptedServer();
    other = new ScriptedServer();
    page.route(
        "/page.html",
        null,
        Reply.of(200, "Content-Type: text/html; charset=utf-8")
            .withBody("<!doctype html><title>jcors check parity</title>"));
    tab = chromium.open(page.origin() + "/page.html");
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    for (ScriptedServer server : new ScriptedServer[] {page, api, other}) {
      if (server != null) {
        server.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios

  private static final String ACAO = "Access-Control-Allow-Origin: ";
  private static final String ACAC = "Access-Control-Allow-Credentials: ";
  private static final String ACAM = "Access-Control-Allow-Methods: ";
  private static final String ACAH = "Access-Control-Allow-Headers: ";
  private static final String ACEH = "Access-Control-Expose-Headers: ";
  private static final String ORIGIN = ACAO + "{origin}";
  private static final String STAR = ACAO + "*";
  private static final String TRUE = ACAC + "true";

  static Stream<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    // A.2 The CORS check on a simple GET (no preflight).
    all.add(s("get_noAllowOrigin_blocked").actual(200).blocked());
    all.add(s("get_allowOriginStar_allowed").actual(200, STAR).allowed());
    all.add(s("get_allowOriginExact_allowed").actual(200, ORIGIN).allowed());
    all.add(s("get_allowOriginTrailingSlash_blocked").actual(200, ORIGIN + "/").blocked());
    all.add(s("get_allowOriginUpperCase_blocked").actual(200, ACAO + "{ORIGIN}").blocked());
    all.add(s("get_allowOriginTwoLines_blocked").actual(200, ORIGIN, ORIGIN).blocked());
    all.add(s("get_allowOriginTwoLinesStar_blocked").actual(200, STAR, STAR).blocked());
    all.add(s("get_allowOriginList_blocked").actual(200, ORIGIN + ", *").blocked());
    all.add(
        s("get_allowOriginSurroundingSpaces_allowed").actual(200, ACAO + "  {origin}  ").allowed());
    all.add(
        s("get_allowOriginOtherPort_blocked").actual(200, ACAO + "http://127.0.0.1:1").blocked());
    all.add(s("get_allowOriginHttps_blocked").actual(200, ACAO + "{https-origin}").blocked());
    all.add(
        s("get_allowOriginLocalhost_blocked").actual(200, ACAO + "{localhost-origin}").blocked());
    all.add(s("get_allowOriginEmpty_blocked").actual(200, ACAO).blocked());
    all.add(s("get_allowOriginNull_blocked").actual(200, ACAO + "null").blocked());
    all.add(s("get_status500WithAllowOrigin_allowed").actual(500, ORIGIN).allowed());
    all.add(s("get_status404WithoutAllowOrigin_blocked").actual(404).blocked());
    all.add(s("head_allowOriginStar_allowed").method("HEAD").actual(200, STAR).allowed());
    all.add(s("post_noContentType_allowed").method("POST").actual(201, STAR).allowed());
    // Credentials (F11, F12).
    all.add(s("getCreds_star_blocked").creds().actual(200, STAR, TRUE).blocked());
    all.add(s("getCreds_originAndTrue_allowed").creds().actual(200, ORIGIN, TRUE).allowed());
    all.add(s("getCreds_noAllowCredentials_blocked").creds().actual(200, ORIGIN).blocked());
    all.add(
        s("getCreds_allowCredentialsUpperCase_blocked")
            .creds()
            .actual(200, ORIGIN, ACAC + "TRUE")
            .blocked());
    all.add(
        s("getCreds_allowCredentialsCapitalized_blocked")
            .creds()
            .actual(200, ORIGIN, ACAC + "True")
            .blocked());
    all.add(
        s("getCreds_allowCredentialsTwoLines_blocked")
            .creds()
            .actual(200, ORIGIN, TRUE, TRUE)
            .blocked());
    all.add(
        s("getCreds_allowCredentialsQuoted_blocked")
            .creds()
            .actual(200, ORIGIN, ACAC + "\"true\"")
            .blocked());
    all.add(
        s("get_noCredsAllowCredentialsFalse_allowed").actual(200, STAR, ACAC + "false").allowed());
    // A.4 Safelisted request headers (F27).
    all.add(
        s("post_textPlain_noPreflight")
            .method("POST")
            .header("Content-Type", "text/plain")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_textPlainCharset_noPreflight")
            .method("POST")
            .header("Content-Type", "text/plain;charset=utf-8")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_textPlainMixedCase_noPreflight")
            .method("POST")
            .header("Content-Type", "Text/Plain")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_formUrlencoded_noPreflight")
            .method("POST")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_multipart_noPreflight")
            .method("POST")
            .header("Content-Type", "multipart/form-data; boundary=x")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_json_preflightAllowsContentType_allowed")
            .method("POST")
            .header("Content-Type", "application/json")
            .preflight(204, STAR, ACAH + "Content-Type")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_json_preflightWithoutAllowHeaders_blocked")
            .method("POST")
            .header("Content-Type", "application/json")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("post_textPlainQuotedCharset_preflighted")
            .method("POST")
            .header("Content-Type", "text/plain; charset=\"utf-8\"")
            .preflight(204, STAR, ACAH + "content-type")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_contentTypeSpaceBeforeSlash_blocked")
            .method("POST")
            .header("Content-Type", "text /plain")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_accept128Bytes_noPreflight")
            .header("Accept", "a".repeat(128))
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_accept129Bytes_preflighted")
            .header("Accept", "a".repeat(129))
            .preflight(204, STAR, ACAH + "accept")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_acceptLanguageAt_blocked")
            .header("Accept-Language", "@")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_contentLanguage_noPreflight")
            .header("Content-Language", "en-US, de;q=0.5")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeOpenEnded_noPreflight")
            .header("Range", "bytes=0-")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeSuffix_preflighted")
            .header("Range", "bytes=-500")
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeTwoRanges_blocked")
            .header("Range", "bytes=0-1,3-4")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    // A.3 Methods (F18).
    all.add(
        s("put_allowMethodsPut_allowed")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("put_allowMethodsLowerCasePut_blocked")
            .method("PUT")
            .preflight(204, STAR, ACAM + "put")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("putLowerCase_isUpperCased_allowed")
            .method("put")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("patchLowerCase_allowMethodsPatch_blocked")
            .method("patch")
            .preflight(204, STAR, ACAM + "PATCH")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("patch_allowMethodsPatch_allowed")
            .method("PATCH")
            .preflight(204, STAR, ACAM + "PATCH")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("patchLowerCase_allowMethodsPatchLowerCase_allowed")
            .method("patch")
            .preflight(204, STAR, ACAM + "patch")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("delete_allowMethodsStar_allowed")
            .method("DELETE")
            .preflight(204, STAR, ACAM + "*")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("deleteCreds_allowMethodsStar_blocked")
            .method("DELETE")
            .creds()
            .preflight(204, ORIGIN, TRUE, ACAM + "*")
            .actual(200, ORIGIN, TRUE)
            .blocked());
    all.add(
        s("putCreds_allowMethodsPut_allowed")
            .method("PUT")
            .creds()
            .preflight(204, ORIGIN, TRUE, ACAM + "PUT")
            .actual(200, ORIGIN, TRUE)
            .allowed());
    all.add(
        s("putCreds_preflightStar_blocked")
            .method("PUT")
            .creds()
            .preflight(204, STAR, TRUE, ACAM + "PUT")
            .actual(200, ORIGIN, TRUE)
            .blocked());
    all.add(
        s("putCreds_preflightWithoutAllowCredentials_blocked")
            .method("PUT")
            .creds()
            .preflight(204, ORIGIN, ACAM + "PUT")
            .actual(200, ORIGIN, TRUE)
            .blocked());
    all.add(
        s("put_allowMethodsOnlyGet_blocked")
            .method("PUT")
            .preflight(204, STAR, ACAM + "GET, POST")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("put_allowMethodsInvalidList_blocked")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT, Bad method")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("put_allowMethodsSpacesAndEmptyElements_allowed")
            .method("PUT")
            .preflight(204, STAR, ACAM + " , GET ,, PUT ,")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("options_allowMethodsOptions_allowed")
            .method("OPTIONS")
            .preflight(204, STAR, ACAM + "OPTIONS")
            .actual(200, STAR)
            .allowed());
    // A.3 Headers (F17, F20, F21).
    all.add(
        s("get_customHeaderListed_allowed")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-TEST")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_customHeaderNotListed_blocked")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "X-Other")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_customHeaderUnderStar_allowed")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "*")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("getCreds_customHeaderUnderStar_blocked")
            .creds()
            .header("X-Test", "1")
            .preflight(204, ORIGIN, TRUE, ACAH + "*")
            .actual(200, ORIGIN, TRUE)
            .blocked());
    // The Fetch standard blocks this (F20), but Chromium and Firefox accept it: the check
    // predicts the browsers and flags it as a warning.
    all.add(
        s("get_authorizationUnderStar_allowedByChromium")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "*")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("getCreds_authorizationUnderStar_blocked")
            .creds()
            .header("Authorization", "Bearer x")
            .preflight(204, ORIGIN, TRUE, ACAH + "*")
            .actual(200, ORIGIN, TRUE)
            .blocked());
    all.add(
        s("get_authorizationNotListed_blocked")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "x-other")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_authorizationStarAndNamed_allowed")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "*, Authorization")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_authorizationLowerCase_allowed")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "authorization")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_twoHeadersSortedInRequestHeaders_allowed")
            .header("X-B", "1")
            .header("x-a", "2")
            .header("Accept", "*")
            .preflight(204, STAR, ACAH + ",y-lol,X-A, ,,,x-b")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_allowHeadersInvalidToken_blocked")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-test, header name with space")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_allowHeadersOnTwoLines_allowed")
            .header("X-A", "1")
            .header("X-B", "2")
            .preflight(204, STAR, ACAH + "x-a", ACAH + "x-b")
            .actual(200, STAR)
            .allowed());
    // A.3 Preflight status and redirects (F15, F16).
    for (int status : new int[] {200, 201, 202, 203, 204, 205, 206}) {
      all.add(
          s("put_preflightStatus" + status + "_allowed")
              .method("PUT")
              .preflight(status, STAR, ACAM + "PUT")
              .actual(200, STAR)
              .allowed());
    }
    for (int status : new int[] {301, 302, 307, 308}) {
      all.add(
          s("put_preflightRedirect" + status + "_blocked")
              .method("PUT")
              .preflight(status, STAR, ACAM + "PUT", "Location: {next}")
              .actual(200, STAR)
              .hop(false)
              .preflight(204, STAR, ACAM + "PUT")
              .actual(200, STAR)
              .blocked());
    }
    for (int status : new int[] {400, 401, 403, 404, 405, 500, 503}) {
      all.add(
          s("put_preflightStatus" + status + "_blocked")
              .method("PUT")
              .preflight(status, STAR, ACAM + "PUT")
              .actual(200, STAR)
              .blocked());
    }
    all.add(
        s("put_preflightWithoutAllowOrigin_blocked")
            .method("PUT")
            .preflight(204, ACAM + "PUT")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("put_actualWithoutAllowOrigin_blocked")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(200)
            .blocked());
    // F30, F31 Readable response headers.
    String[] read = {"x-custom", "content-type", "content-language", "date", "set-cookie", "*"};
    all.add(
        s("get_noExposeHeaders_safelistedOnly")
            .actual(200, STAR, "X-Custom: 1", "Content-Type: text/plain", "Content-Language: en")
            .read(read)
            .allowed());
    all.add(
        s("get_exposeHeadersNamed_visible")
            .actual(200, STAR, "X-Custom: 1", ACEH + "x-CUSTOM, Set-Cookie", "Set-Cookie: a=b")
            .read(read)
            .allowed());
    all.add(
        s("get_exposeHeadersStar_allVisible")
            .actual(200, STAR, "X-Custom: 1", ACEH + "*", "Set-Cookie: a=b")
            .read(read)
            .allowed());
    all.add(
        s("getCreds_exposeHeadersStar_literal")
            .creds()
            .actual(200, ORIGIN, TRUE, "X-Custom: 1", ACEH + "*", "*: star")
            .read(read)
            .allowed());
    all.add(
        s("getCreds_exposeHeadersStarAndNamed_visible")
            .creds()
            .actual(200, ORIGIN, TRUE, "X-Custom: 1", ACEH + "*, X-Custom")
            .read(read)
            .allowed());
    all.add(
        s("get_exposeHeadersInvalid_safelistedOnly")
            .actual(200, STAR, "X-Custom: 1", ACEH + "x-custom, bad name")
            .read(read)
            .allowed());
    // A.6 Redirects of the actual request (F35-F37).
    all.add(
        s("get_redirectSameOrigin_allowed")
            .actual(302, ORIGIN, "Location: {next}")
            .hop(false)
            .actual(200, ORIGIN)
            .allowed());
    all.add(
        s("get_redirectWithoutAllowOrigin_blocked")
            .actual(302, "Location: {next}")
            .hop(false)
            .actual(200, ORIGIN)
            .blocked());
    all.add(
        s("get_redirectCrossOriginTargetAllowsPageOrigin_blocked")
            .actual(302, STAR, "Location: {next}")
            .hop(true)
            .actual(200, ORIGIN)
            .blocked());
    all.add(
        s("get_redirectCrossOriginTargetAllowsStar_allowed")
            .actual(302, STAR, "Location: {next}")
            .hop(true)
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_redirectCrossOriginTargetAllowsNull_allowed")
            .actual(307, STAR, "Location: {next}")
            .hop(true)
            .actual(200, ACAO + "null")
            .allowed());
    all.add(
        s("getCreds_redirectCrossOriginTargetNullAndTrue_allowed")
            .creds()
            .actual(302, ORIGIN, TRUE, "Location: {next}")
            .hop(true)
            .actual(200, ACAO + "null", TRUE)
            .allowed());
    all.add(
        s("get_redirectToUserinfo_blocked")
            .actual(302, STAR, "Location: {next-userinfo}")
            .hop(true)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_redirectCustomHeaderPreflightAtTarget_allowed")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(307, STAR, "Location: {next}")
            .hop(true)
            .preflight(204, STAR, ACAH + "x-test")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_redirectCustomHeaderTargetRefusesPreflight_blocked")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(307, STAR, "Location: {next}")
            .hop(true)
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("put_redirect303BecomesGet_allowed")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(303, STAR, "Location: {next}")
            .hop(true)
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_json_redirect302BecomesGetWithoutPreflight_allowed")
            .method("POST")
            .header("Content-Type", "application/json")
            .preflight(204, STAR, ACAH + "content-type")
            .actual(302, STAR, "Location: {next}")
            .hop(false)
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_authorizationDroppedOnCrossOriginRedirect_allowed")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "authorization")
            .actual(302, STAR, "Location: {next}")
            .hop(true)
            .actual(200, STAR)
            .allowed());
    // Edges of the safelists and of redirects, where browsers could differ from the standard.
    // Chromium treats some client hints as safelisted; the Fetch standard does not.
    all.add(
        s("get_saveDataOn_noPreflightInChromium")
            .header("Save-Data", "on")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_saveDataOff_preflighted")
            .header("Save-Data", "off")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_dprNumber_noPreflightInChromium").header("DPR", "2.5").actual(200, STAR).allowed());
    all.add(
        s("get_widthNotInteger_preflighted")
            .header("Width", "10.5")
            .preflight(204, STAR, ACAH + "width")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeStartAfterEnd_preflighted")
            .header("Range", "bytes=5-1")
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeUpperCaseUnit_preflighted")
            .header("Range", "Bytes=0-")
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_contentType129Bytes_blocked")
            .method("POST")
            .header("Content-Type", "text/plain;a=" + "b".repeat(116))
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_acceptWithParenthesis_preflighted")
            .header("Accept", "text/html(")
            .preflight(204, STAR, ACAH + "accept")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_sameHeaderTwice_listedOnce")
            .header("X-A", "1")
            .header("x-a", "2")
            .preflight(204, STAR, ACAH + "x-a")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("post_textPlain_redirect301BecomesGetWithoutContentType_allowed")
            .method("POST")
            .header("Content-Type", "text/plain")
            .actual(301, STAR, "Location: {next}")
            .hop(false)
            .actual(200, STAR)
            .allowed());
    all.add(s("get_redirectLoop_blocked").actual(302, STAR, "Location: {self}").blocked());
    all.add(
        s("get_rangeBeyond64Bits_preflightedInChromium")
            .header("Range", "bytes=0-" + "9".repeat(20))
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeEndAtInt64Max_preflightedInChromium")
            .header("Range", "bytes=0-" + Long.MAX_VALUE)
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeStartAtInt64Max_preflightedInChromium")
            .header("Range", "bytes=" + Long.MAX_VALUE + "-")
            .preflight(204, STAR, ACAH + "range")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeEndBelowInt64Max_noPreflight")
            .header("Range", "bytes=00-" + (Long.MAX_VALUE - 1))
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_rangeWithSpace_preflighted")
            .header("Range", "bytes= 0-1")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    for (int i = 0; i < all.size(); i++) {
      all.get(i).index = i;
    }
    return all.stream();
  }

  // ---------------------------------------------------------------------------------------------
  // The comparison

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void chromiumAndCheckAgree(Scenario scenario) throws Exception {
    String browserUrl = scenario.install("b");
    HeadlessChromium.FetchResult browser =
        tab.fetch(
            browserUrl, scenario.method, scenario.headers, scenario.credentials, scenario.read);
    List<Received> browserRequests = scenario.requests("b");

    String checkUrl = scenario.install("c");
    CheckRequest.Builder request =
        CheckRequest.builder(checkUrl, page.origin())
            .method(scenario.method)
            .credentials(scenario.credentials);
    for (String[] header : scenario.headers) {
      request.header(header[0], header[1]);
    }
    CheckReport report = CHECK.run(request.build());
    List<Received> checkRequests = scenario.requests("c");

    String context =
        "\nChromium: "
            + browser
            + "\nServer saw (Chromium): "
            + browserRequests
            + "\nServer saw (check): "
            + checkRequests
            + "\nReport:\n"
            + report.toText();
    Verdict chromiumVerdict = browser.ok() ? Verdict.ALLOWED : Verdict.BLOCKED;
    assertThat(report.verdict()).as("verdict" + context).isEqualTo(chromiumVerdict);
    assertThat(chromiumVerdict)
        .as("Chromium's verdict is the documented one" + context)
        .isEqualTo(scenario.expected);
    assertThat(report.preflight().sent())
        .as("preflight sent" + context)
        .isEqualTo(browserRequests.stream().anyMatch(Received::isPreflight));
    assertThat(shape(checkRequests))
        .as("requests and their CORS headers" + context)
        .isEqualTo(shape(browserRequests));
    if (browser.ok()) {
      for (String name : scenario.read) {
        assertThat(report.readableHeaders().contains(name))
            .as("page can read " + name + context)
            .isEqualTo(browser.headers().get(name) != null);
      }
      assertThat(report.status()).as("status" + context).isEqualTo(browser.status());
    }
  }

  /** What matters to CORS in the requests the server received, with the run tag removed. */
  private static List<String> shape(List<Received> requests) {
    List<String> shape = new ArrayList<>();
    for (Received r : requests) {
      shape.add(
          r.method()
              + " "
              + r.path().replaceFirst("/[bc]/", "/*/")
              + " Origin="
              + r.header("Origin")
              + " ACRM="
              + r.header("Access-Control-Request-Method")
              + " ACRH="
              + r.header("Access-Control-Request-Headers")
              + " Authorization="
              + (r.header("Authorization") != null)
              + " Content-Type="
              + r.header("Content-Type"));
    }
    return shape;
  }

  private static Scenario s(String name) {
    return new Scenario(name);
  }

  /** One scripted exchange: request shape, the server's answers per hop, the expected verdict. */
  static final class Scenario {
    final String name;
    String method = "GET";
    final List<String[]> headers = new ArrayList<>();
    boolean credentials;
    final List<boolean[]> hopIsOther = new ArrayList<>();
    final List<Reply[]> hops = new ArrayList<>();
    List<String> read = List.of();
    Verdict expected;
    int index;

    Scenario(String name) {
      this.name = name;
      hop(false);
    }

    Scenario method(String method) {
      this.method = method;
      return this;
    }

    Scenario header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    Scenario creds() {
      credentials = true;
      return this;
    }

    Scenario hop(boolean onOtherOrigin) {
      hopIsOther.add(new boolean[] {onOtherOrigin});
      hops.add(new Reply[2]);
      return this;
    }

    Scenario preflight(int status, String... lines) {
      hops.get(hops.size() - 1)[0] = Reply.of(status, lines);
      return this;
    }

    Scenario actual(int status, String... lines) {
      hops.get(hops.size() - 1)[1] = Reply.of(status, lines);
      return this;
    }

    Scenario read(String... names) {
      read = List.of(names);
      return this;
    }

    Scenario allowed() {
      expected = Verdict.ALLOWED;
      return this;
    }

    Scenario blocked() {
      expected = Verdict.BLOCKED;
      return this;
    }

    private ScriptedServer server(int hop) {
      return hopIsOther.get(hop)[0] ? other : api;
    }

    private String path(String tag, int hop) {
      return "/s/" + index + "/" + tag + "/" + hop;
    }

    private String url(String tag, int hop) {
      return server(hop).origin() + path(tag, hop);
    }

    /** Scripts every hop for the run {@code tag} and returns the first URL. */
    String install(String tag) {
      for (int hop = 0; hop < hops.size(); hop++) {
        Reply[] replies = hops.get(hop);
        server(hop)
            .route(path(tag, hop), resolve(replies[0], tag, hop), resolve(replies[1], tag, hop));
      }
      return url(tag, 0);
    }

    private Reply resolve(Reply reply, String tag, int hop) {
      if (reply == null) {
        return null;
      }
      String next = hop + 1 < hops.size() ? url(tag, hop + 1) : "";
      List<Header> headers = new ArrayList<>();
      for (Header header : reply.headers()) {
        String value =
            header
                .value()
                .replace("{origin}", page.origin())
                .replace("{ORIGIN}", page.origin().toUpperCase(Locale.ROOT))
                .replace("{https-origin}", page.origin().replace("http:", "https:"))
                .replace("{localhost-origin}", page.origin().replace("127.0.0.1", "localhost"))
                .replace("{next-userinfo}", next.replace("http://", "http://user:pw@"))
                .replace("{next}", next)
                .replace("{self}", url(tag, hop));
        headers.add(new Header(header.name(), value));
      }
      return new Reply(reply.status(), headers, "", reply.raw());
    }

    /** The requests of run {@code tag} that reached the API servers. */
    List<Received> requests(String tag) {
      String prefix = "/s/" + index + "/" + tag + "/";
      List<Received> requests = new ArrayList<>();
      for (ScriptedServer server : new ScriptedServer[] {api, other}) {
        for (Received r : server.received()) {
          if (r.path().startsWith(prefix)) {
            requests.add(r);
          }
        }
      }
      return requests;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
