package io.jcors.check;

import static io.jcors.check.Browser.CHROMIUM;
import static io.jcors.check.Browser.FIREFOX;
import static io.jcors.check.Browser.SAFARI;
import static io.jcors.check.BrowserParityTest.Where.API;
import static io.jcors.check.BrowserParityTest.Where.OTHER;
import static io.jcors.check.BrowserParityTest.Where.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.check.ScriptedServer.Received;
import io.jcors.check.ScriptedServer.Reply;
import io.jcors.check.browser.BrowserPage;
import io.jcors.check.browser.HeadlessChromium;
import io.jcors.check.browser.HeadlessFirefox;
import io.jcors.check.browser.HeadlessWebKit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check against real browsers, in three engines: headless Chromium, Firefox ESR (over WebDriver
 * BiDi) and WebKitGTK (over WebKitWebDriver, in Xvfb). Each scenario scripts the server's answers
 * (preflight and request, per redirect hop, or the raw bytes of a response), runs {@code fetch()}
 * from a page on another origin in the engine, then runs {@link CorsCheck} for that engine on the
 * same script, and asserts that both reach the same verdict, send a preflight in the same cases,
 * send the same preflight ({@code Origin}, {@code Access-Control-Request-Method}, {@code -Headers})
 * and the same {@code Origin} on every request, and see the same readable response headers; and
 * that the engine's verdict is the one recorded for it in the scenario. Scenarios that fetch again
 * at once also assert that the engine reuses its preflight cache exactly when the check says it
 * would.
 *
 * <p>Origins: the page is served by one server ({@code http://127.0.0.1:P}), the API by another
 * ({@code http://127.0.0.1:A}), and redirect targets on "another origin" by a third. Every scenario
 * and engine uses its own paths, so the browser's preflight cache and HTTP cache never interfere.
 * Each engine runs every scenario in one browser process; an engine that is not installed is
 * skipped with a message, except with {@code CI=true}, where it fails.
 */
class BrowserParityTest {
  private static ScriptedServer page;
  private static ScriptedServer api;
  private static ScriptedServer other;

  BrowserParityTest() {}

  @BeforeAll
  static void start() throws IOException {
    page = new ScriptedServer();
    api = new ScriptedServer();
    other = new ScriptedServer();
    page.route(
        "/page.html",
        null,
        Reply.of(200, "Content-Type: text/html; charset=utf-8")
            .withBody("<!doctype html><title>jcors check parity</title>"));
  }

  @AfterAll
  static void stop() {
    for (ScriptedServer server : new ScriptedServer[] {page, api, other}) {
      if (server != null) {
        server.close();
      }
    }
  }

  /** Launches an engine, or skips the tests when it is not installed. */
  @FunctionalInterface
  interface Launch<E> {
    E launch() throws IOException;
  }

  /** Opens the page in a launched engine. */
  @FunctionalInterface
  interface Open<E> {
    BrowserPage open(E engine, String pageUrl) throws IOException;
  }

  /**
   * One engine's run of every scenario: the engine launched once (or its tests skipped), one tab on
   * the page, the engine closed after the last scenario.
   */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract class Engine<E extends AutoCloseable> {
    private final Browser browser;
    private final Launch<E> launch;
    private final Open<E> open;
    private E engine;
    private BrowserPage tab;

    Engine(Browser browser, Launch<E> launch, Open<E> open) {
      this.browser = browser;
      this.launch = launch;
      this.open = open;
    }

    @BeforeAll
    void launchAndOpen() throws IOException {
      engine = launch.launch();
      tab = open.open(engine, page.origin() + "/page.html");
    }

    @AfterAll
    void close() throws Exception {
      if (engine != null) {
        engine.close();
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jcors.check.BrowserParityTest#scenarios")
    void engineAndCheckAgree(Scenario scenario) throws Exception {
      compare(browser, tab, scenario);
    }
  }

  @Nested
  class Chromium extends Engine<HeadlessChromium> {
    Chromium() {
      super(CHROMIUM, HeadlessChromium::launchOrSkip, (chromium, url) -> chromium.open(url).page());
    }
  }

  @Nested
  class Firefox extends Engine<HeadlessFirefox> {
    Firefox() {
      super(FIREFOX, HeadlessFirefox::launchOrSkip, (firefox, url) -> warmedUp(firefox.open(url)));
    }
  }

  @Nested
  class WebKit extends Engine<HeadlessWebKit> {
    WebKit() {
      super(SAFARI, HeadlessWebKit::launchOrSkip, HeadlessWebKit::open);
    }
  }

  /**
   * Firefox reuses a preflight-cache entry only while its host's DNS record is older than the entry
   * (nsCORSListenerProxy.cpp, {@code CheckDNSCache}): the first entry for a host is made before the
   * host has a record, and is never reused. One throwaway preflight to {@code localhost}, the host
   * the cache scenarios use, makes that record, as in a browser that has run a while; the tab is
   * returned.
   */
  private static BrowserPage warmedUp(BrowserPage tab) throws IOException {
    api.route(
        "/warm-up",
        Reply.of(204, STAR, ACAM + "PUT", "Access-Control-Max-Age: 60"),
        Reply.of(200, STAR));
    for (int i = 0; i < 2; i++) {
      tab.fetch("http://localhost:" + api.port() + "/warm-up", "PUT", List.of(), false, List.of());
    }
    return tab;
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
    // The Fetch standard blocks this (F20), but every engine accepts it: the check predicts the
    // browsers and flags it as a warning.
    all.add(
        s("get_authorizationUnderStar_allowedByEveryEngine")
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
              .hop(API)
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
            .hop(API)
            .actual(200, ORIGIN)
            .allowed());
    all.add(
        s("get_redirectWithoutAllowOrigin_blocked")
            .actual(302, "Location: {next}")
            .hop(API)
            .actual(200, ORIGIN)
            .blocked());
    all.add(
        s("get_redirectCrossOriginTargetAllowsPageOrigin_blocked")
            .actual(302, STAR, "Location: {next}")
            .hop(OTHER)
            .actual(200, ORIGIN)
            .blocked());
    all.add(
        s("get_redirectCrossOriginTargetAllowsStar_allowed")
            .actual(302, STAR, "Location: {next}")
            .hop(OTHER)
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_redirectCrossOriginTargetAllowsNull_allowed")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .actual(200, ACAO + "null")
            .allowed());
    all.add(
        s("getCreds_redirectCrossOriginTargetNullAndTrue_allowed")
            .creds()
            .actual(302, ORIGIN, TRUE, "Location: {next}")
            .hop(OTHER)
            .actual(200, ACAO + "null", TRUE)
            .allowed());
    all.add(
        s("get_redirectToUserinfo_blocked")
            .actual(302, STAR, "Location: {next-userinfo}")
            .hop(OTHER)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_redirectCustomHeaderPreflightAtTarget_allowed")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, STAR, ACAH + "x-test")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_redirectCustomHeaderTargetRefusesPreflight_blocked")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    // Firefox and WebKit preflight again after the redirect (the target has no preflight
    // answer), although a GET needs none: F37.
    all.add(
        s("put_redirect303BecomesGet_allowed")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(303, STAR, "Location: {next}")
            .hop(OTHER)
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
    all.add(
        s("post_json_redirect302BecomesGetWithoutPreflight_allowed")
            .method("POST")
            .header("Content-Type", "application/json")
            .preflight(204, STAR, ACAH + "content-type")
            .actual(302, STAR, "Location: {next}")
            .hop(API)
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
    all.add(
        s("get_authorizationDroppedOnCrossOriginRedirect_allowed")
            .header("Authorization", "Bearer x")
            .preflight(204, STAR, ACAH + "authorization")
            .actual(302, STAR, "Location: {next}")
            .hop(OTHER)
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
    // Edges of the safelists and of redirects, where browsers could differ from the standard.
    // Chromium treats some client hints as safelisted; the Fetch standard does not.
    all.add(
        s("get_saveDataOn_noPreflightInChromium")
            .header("Save-Data", "on")
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
    all.add(
        s("get_saveDataOff_preflighted")
            .header("Save-Data", "off")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_dprNumber_noPreflightInChromium")
            .header("DPR", "2.5")
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
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
            .hop(API)
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
    // ---- Forbidden request headers: the browser drops them and goes on (F29). ----
    for (String[] forbidden :
        new String[][] {
          {"Cookie", "a=b"},
          {"Sec-Foo", "1"},
          {"Proxy-Foo", "1"},
          {"Origin", "http://evil.example"},
          {"Access-Control-Request-Method", "PUT"},
          {"X-HTTP-Method-Override", "GET, TRACE"},
          {"X-Method-Override", "connect"},
        }) {
      all.add(
          s("get_forbidden" + forbidden[0].replace("-", "") + "_droppedWithoutPreflight")
              .header(forbidden[0], forbidden[1])
              .shows(forbidden[0])
              .actual(200, STAR)
              .allowed());
    }
    // The method-override value is read as a list: quotes keep `"TRACE"` from being a method.
    all.add(
        s("get_methodOverrideQuotedTrace_sentAfterPreflight")
            .header("X-HTTP-Method-Override", "\"TRACE\"")
            .shows("X-HTTP-Method-Override")
            .preflight(204, STAR, ACAH + "*")
            .actual(200, STAR)
            .allowed());
    // Chromium splits at commas outside quotes (Fetch); Firefox and WebKit at every comma.
    all.add(
        s("get_methodOverrideOpenQuote_droppedByFirefoxAndSafari")
            .header("X-HTTP-Method-Override", "\"a,TRACE")
            .shows("X-HTTP-Method-Override")
            .preflight(204, STAR, ACAH + "*")
            .actual(200, STAR)
            .allowed());
    // WebKit trims a vertical tab around the method; Chromium and Firefox keep it.
    all.add(
        s("get_methodOverrideTraceVerticalTab_droppedBySafari")
            .header("X-HTTP-Method-Override", "TRACE\u000b")
            .shows("X-HTTP-Method-Override")
            .preflight(204, STAR, ACAH + "*")
            .actual(200, STAR)
            .allowed());
    // ---- Request header values as bytes: a page may send controls, the check must too. ----
    all.add(
        s("get_controlByteInCustomHeader_sentAfterPreflight")
            .header("X-Test", "a\u0001b")
            .shows("X-Test")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_deleteByteInCustomHeader_sentAfterPreflight")
            .header("X-Test", "a\u007fb")
            .shows("X-Test")
            .preflight(204, STAR, ACAH + "x-test")
            .actual(200, STAR)
            .allowed());
    // Fetch trims only HTTP whitespace: a vertical tab or form feed stays, and is CORS-unsafe.
    all.add(
        s("post_contentTypeLeadingVerticalTab_preflighted")
            .method("POST")
            .header("Content-Type", "\u000btext/plain")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("post_contentTypeTrailingFormFeed_preflighted")
            .method("POST")
            .header("Content-Type", "text/plain\u000c")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_acceptLanguageTrailingVerticalTab_preflighted")
            .header("Accept-Language", "en\u000b")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("post_contentTypeSurroundingSpaces_noPreflight")
            .method("POST")
            .header("Content-Type", " \ttext/plain\t ")
            .actual(200, STAR)
            .allowed());
    // Firefox counts every byte above 0x7F as CORS-unsafe.
    all.add(
        s("get_acceptNonAscii_preflightedByFirefox")
            .header("Accept", "t\u00e9")
            .preflight(204, STAR)
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX));
    all.add(
        s("post_contentTypeNonAsciiParameter_preflightedByFirefox")
            .method("POST")
            .header("Content-Type", "text/plain; charset=\u00e9")
            .preflight(204, STAR)
            .actual(200, STAR)
            .allowed()
            .blockedIn(FIREFOX));
    // Range positions: Chromium up to 2^63 - 2, Firefox and WebKit up to 2^64 - 1.
    all.add(
        s("get_rangeAtUnsigned64Max_preflightedByChromeOnly")
            .header("Range", "bytes=0-18446744073709551615")
            .preflight(204, STAR)
            .actual(200, STAR)
            .allowed()
            .blockedIn(CHROMIUM));
    all.add(
        s("get_rangeUpperCaseUnit_safelistedBySafariOnly")
            .header("Range", "BYTES=0-")
            .preflight(204, STAR)
            .actual(200, STAR)
            .blocked()
            .allowedIn(SAFARI));
    // ---- The bytes of the response (F46-F52). ----
    all.add(
        s("get_nulInAllowOrigin_networkError")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\u0000\r\nContent-Length: 0\r\n\r\n")
            .blocked());
    all.add(
        s("get_nulInAnotherHeader_networkError")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-Note: a\u0000b\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .blocked());
    all.add(
        s("get_nulInHeaderName_ignoredByFirefoxOnly")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-N\u0000ote: 1\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .blocked()
            .allowedIn(FIREFOX));
    all.add(
        s("get_nulInPreflightResponse_networkError")
            .method("PUT")
            .rawPreflight(
                "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n"
                    + "Access-Control-Allow-Methods: PUT\r\nX-Note: \u0000\r\n\r\n")
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_allowOriginFolded_allowed")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin:\r\n {origin}\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_exposedHeaderFolded_readAsOneValue")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n"
                    + "Access-Control-Expose-Headers: x-custom\r\nX-Custom: a\r\n b\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .read("x-custom")
            .allowed());
    all.add(
        s("get_foldRightAfterStatusLine_isNoHeader")
            .raw("HTTP/1.1 200 OK\r\n Access-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .blocked());
    all.add(
        s("get_spaceBeforeColon_keptByChromeOnly")
            .raw("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin : *\r\nContent-Length: 0\r\n\r\n")
            .blocked()
            .allowedIn(CHROMIUM));
    all.add(
        s("get_lineWithoutColon_ignored")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nNo colon here\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_bareLineFeeds_allowed")
            .raw("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nContent-Length: 0\n\n")
            .allowed());
    all.add(
        s("get_allowOriginTrailingVerticalTab_blocked")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\u000b\r\nContent-Length: 0\r\n\r\n")
            .blocked());
    all.add(
        s("get_allowOriginTrailingTab_allowed")
            .raw("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\t\r\nContent-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_allowOriginTwoLinesDifferentCase_blocked")
            .raw(
                "HTTP/1.1 200 OK\r\naccess-control-allow-origin: *\r\n"
                    + "Access-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .blocked());
    all.add(
        s("get_statusLineWithoutReason_allowed")
            .raw("HTTP/1.1 200\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_http10_allowed")
            .raw("HTTP/1.0 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_emptyLineBeforeStatusLine_allowed")
            .raw(
                "\r\nHTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_statusLineLowerCase_readByChromeOnly")
            .raw("http/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .blocked()
            .allowedIn(CHROMIUM));
    all.add(
        s("get_statusGluedToReason_rejectedByFirefox")
            .raw("HTTP/1.1 200OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed()
            .blockedIn(FIREFOX));
    all.add(
        s("get_versionHttp2OverHttp11_rejectedBySafari")
            .raw("HTTP/2 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed()
            .blockedIn(SAFARI));
    all.add(
        s("get_statusOfTwoDigits_rejectedBySafari")
            .raw("HTTP/1.1 20 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed()
            .blockedIn(SAFARI));
    all.add(s("get_notHttp_networkError").raw("hello\r\n").blocked());
    all.add(
        s("get_interimEarlyHints_skipped")
            .raw(
                "HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n")
            .allowed());
    all.add(
        s("get_headCutOffByClose_readAsItIs")
            .raw("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n")
            .allowed());
    all.add(
        s("get_contentLengthsDisagree_rejectedByChromeAndFirefox")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 1\r\n"
                    + "Content-Length: 2\r\n\r\nab")
            .blocked()
            .allowedIn(SAFARI));
    all.add(
        s("get_contentLengthListOfEqualValues_rejectedBySafari")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2, 2\r\n\r\nab")
            .allowed()
            .blockedIn(SAFARI));
    all.add(
        s("get_chunkSizeNotHex_rejectedByFirefox")
            .raw(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n"
                    + "\r\nzz\r\nab\r\n0\r\n\r\n")
            .allowed()
            .blockedIn(FIREFOX));
    for (int kib : new int[] {100, 300, 500}) {
      Scenario big =
          s("get_headOf" + kib + "KiB")
              .raw(
                  "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-Big: "
                      + "a".repeat(kib * 1024)
                      + "\r\nContent-Length: 0\r\n\r\n");
      all.add(
          kib == 100
              ? big.allowed().blockedIn(SAFARI)
              : kib == 300 ? big.blocked().allowedIn(FIREFOX) : big.blocked());
    }
    // ---- URLs as the URL standard parses them (F53). ----
    all.add(
        s("get_urlWithEmptyUserinfo_allowed")
            .fetch("http://@{authority}{path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlWithEmptyUserAndPassword_allowed")
            .fetch("http://:@{authority}{path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlUpperCaseScheme_allowed")
            .fetch("HTTP://{authority}{path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlHexIpv4Host_allowed")
            .fetch("http://0x7f.1:{port}{path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlShortIpv4Host_allowed")
            .fetch("http://127.1:{port}{path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlBackslashes_allowed")
            .fetch("http://{authority}{backslash-path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlDotSegments_allowed")
            .fetch("http://{authority}{dotted-path}")
            .actual(200, STAR)
            .allowed());
    all.add(
        s("get_urlSpaceInQuery_allowed")
            .fetch("http://{authority}{path}?a b")
            .actual(200, STAR)
            .allowed());
    for (String[] location :
        new String[][] {
          {"EmptyUserinfo", "http://@{next-authority}{next-path}"},
          {"EmptyUserAndPassword", "http://:@{next-authority}{next-path}"},
          {"SchemeRelative", "//{next-authority}{next-path}"},
          {"Backslashes", "http:\\\\{next-authority}{next-path}"},
          {"UpperCase", "HTTP://{next-authority}{next-path}"},
          {"HexIpv4", "http://0x7f.1:{next-port}{next-path}"},
          {"DotSegments", "http://{next-authority}/x/..{next-path}"},
          {"SpaceInQuery", "{next}?a b"},
          {"Fragment", "{next}#part"},
        }) {
      all.add(
          s("get_redirectTo" + location[0] + "_followed")
              .actual(302, STAR, "Location: " + location[1])
              .hop(OTHER)
              .actual(200, STAR)
              .allowed());
    }
    // Firefox keeps a tab in Location, as %09; the URL standard removes it.
    all.add(
        s("get_redirectWithTabInQuery_keptByFirefox")
            .actual(302, STAR, "Location: {next}?a\tb")
            .hop(OTHER)
            .actual(200, STAR)
            .allowed());
    for (String[] location :
        new String[][] {
          {"Ftp", "ftp://{next-authority}{next-path}"},
          {"Data", "data:,x"},
          {"InvalidIpv6", "http://[::1{next-path}"},
          {"PortAbove65535", "http://127.0.0.1:99999{next-path}"},
        }) {
      all.add(
          s("get_redirectTo" + location[0] + "_networkError")
              .actual(302, STAR, "Location: " + location[1])
              .hop(OTHER)
              .actual(200, STAR)
              .blocked());
    }
    // An empty Location: Chromium reads the redirect itself, Firefox follows it to the same URL
    // until the redirect limit, WebKit fails.
    all.add(
        s("get_redirectEmptyLocation_readByChromeOnly")
            .actual(302, STAR, "Location: ")
            .allowed()
            .blockedIn(FIREFOX, SAFARI));
    // Redirects of a same-origin request: credentials in the target are refused only on another
    // origin (Fetch "HTTP-redirect fetch" step 8), and http://@host/ has none.
    all.add(
        s("get_sameOriginRedirectToUserinfoElsewhere_blocked")
            .on(PAGE)
            .actual(302, "Location: {next-userinfo}")
            .hop(OTHER)
            .actual(200, STAR)
            .blocked());
    all.add(
        s("get_sameOriginRedirectToEmptyUserinfo_followed")
            .on(PAGE)
            .actual(302, "Location: http://@{next-authority}{next-path}")
            .hop(OTHER)
            .actual(200, STAR)
            .allowed());
    // ---- Preflights after a redirect (F37): Firefox sends the page's origin, WebKit the first
    // preflight's header names. ----
    all.add(
        s("put_redirectedPreflightAllowsPageOrigin_allowedByFirefoxOnly")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, ORIGIN, ACAM + "PUT")
            .actual(200, ACAO + "null")
            .blocked()
            .allowedIn(FIREFOX));
    all.add(
        s("put_redirectedPreflightAllowsNull_blockedByFirefox")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, ACAO + "null", ACAM + "PUT")
            .actual(200, ACAO + "null")
            .allowed()
            .blockedIn(FIREFOX));
    all.add(
        s("get_redirectDropsAuthorization_safariStillAsksForIt")
            .header("Authorization", "Bearer x")
            .header("X-Test", "1")
            .preflight(204, STAR, ACAH + "authorization, x-test")
            .actual(307, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, STAR, ACAH + "x-test")
            .actual(200, STAR)
            .allowed()
            .blockedIn(SAFARI));
    all.add(
        s("put_redirect303ToGet_targetAnswersPreflight_allowed")
            .method("PUT")
            .preflight(204, STAR, ACAM + "PUT")
            .actual(303, STAR, "Location: {next}")
            .hop(OTHER)
            .preflight(204, STAR)
            .actual(200, STAR)
            .allowed());
    // ---- The preflight cache (F22-F24): the fetch again at once, with or without credentials.
    // On a host name: Firefox drops an entry whose host has a newer DNS record, and for an IP
    // address that happens whenever it opens a new connection (see warmUpPreflightCache).
    String[] put = {ACAM + "PUT"};
    for (String[] maxAge :
        new String[][] {
          {"10", "all"}, {"0", "none"}, {"-1", "none"}, {"abc", "notFirefox"},
          {"10abc", "notFirefox"}, {"1.5", "notFirefox"}, {null, "all"}, {"", "all"},
        }) {
      String name = maxAge[0] == null ? "Absent" : maxAge[0].isEmpty() ? "Empty" : maxAge[0];
      Browser[] reused =
          maxAge[1].equals("all")
              ? new Browser[] {CHROMIUM, FIREFOX, SAFARI}
              : maxAge[1].equals("none") ? new Browser[0] : new Browser[] {CHROMIUM, SAFARI};
      Scenario scenario =
          s("put_maxAge" + name.replace("-", "Minus").replace(".", "Point") + "_thenAgain")
              .host("localhost")
              .method("PUT")
              .preflight(
                  204,
                  maxAge[0] == null
                      ? new String[] {STAR, put[0]}
                      : new String[] {STAR, put[0], "Access-Control-Max-Age: " + maxAge[0]})
              .actual(200, STAR)
              .again(false, reused)
              .allowed();
      all.add(scenario);
    }
    for (boolean[] credentials : new boolean[][] {{true, false}, {false, true}, {true, true}}) {
      Scenario scenario =
          s("put"
                  + (credentials[0] ? "Creds" : "")
                  + "_thenAgain"
                  + (credentials[1] ? "WithCreds" : "WithoutCreds"))
              .host("localhost")
              .method("PUT")
              .preflight(204, ORIGIN, TRUE, put[0], "Access-Control-Max-Age: 10")
              .actual(200, ORIGIN, TRUE)
              .again(
                  credentials[1],
                  credentials[0] && credentials[1]
                      ? new Browser[] {CHROMIUM, FIREFOX, SAFARI}
                      : credentials[0] ? new Browser[] {CHROMIUM, SAFARI} : new Browser[0])
              .allowed();
      if (credentials[0]) {
        scenario.creds();
      }
      all.add(scenario);
    }
    for (int i = 0; i < all.size(); i++) {
      all.get(i).index = i;
    }
    return all.stream();
  }

  // ---------------------------------------------------------------------------------------------
  // The comparison

  private static void compare(Browser engine, BrowserPage tab, Scenario scenario) throws Exception {
    String letter = engine.json().substring(0, 1);
    String browserUrl = scenario.install(letter + "b");
    BrowserPage.Fetched browser =
        tab.fetch(
            browserUrl, scenario.method, scenario.headers, scenario.credentials, scenario.read);
    List<Received> browserRequests = scenario.requests(letter + "b");
    Boolean preflightAgain = null;
    if (scenario.again != null) {
      tab.fetch(browserUrl, scenario.method, scenario.headers, scenario.again, List.of());
      List<Received> both = scenario.requests(letter + "b");
      preflightAgain =
          both.subList(browserRequests.size(), both.size()).stream()
              .anyMatch(Received::isPreflight);
    }

    String checkUrl = scenario.install(letter + "c");
    CheckRequest.Builder request =
        CheckRequest.builder(checkUrl, page.origin())
            .method(scenario.method)
            .credentials(scenario.credentials);
    for (String[] header : scenario.headers) {
      request.header(header[0], header[1]);
    }
    CheckReport report = CorsCheck.create().browsers(Set.of(engine)).run(request.build());
    List<Received> checkRequests = scenario.requests(letter + "c");

    String context =
        "\n"
            + engine.displayName()
            + ": "
            + browser
            + "\nServer saw ("
            + engine.displayName()
            + "): "
            + browserRequests
            + "\nServer saw (check): "
            + checkRequests
            + "\nReport:\n"
            + report.toText();
    Verdict browserVerdict = browser.ok() ? Verdict.ALLOWED : Verdict.BLOCKED;
    assertThat(report.verdict()).as("verdict" + context).isEqualTo(browserVerdict);
    assertThat(browserVerdict)
        .as(engine.displayName() + "'s verdict is the recorded one" + context)
        .isEqualTo(scenario.expected(engine));
    assertThat(report.preflight().sent())
        .as("preflight sent" + context)
        .isEqualTo(browserRequests.stream().anyMatch(Received::isPreflight));
    assertThat(shape(checkRequests, scenario))
        .as("requests and their CORS headers" + context)
        .isEqualTo(shape(browserRequests, scenario));
    if (browser.ok()) {
      for (String name : scenario.read) {
        assertThat(report.readableHeaders().contains(name))
            .as("page can read " + name + context)
            .isEqualTo(browser.headers().get(name) != null);
      }
      assertThat(report.status()).as("status" + context).isEqualTo(browser.status());
    }
    if (preflightAgain != null) {
      boolean reused =
          report.preflightCache(engine).map(c -> c.reusedFor(scenario.again)).orElse(false);
      assertThat(!preflightAgain)
          .as("the fetch again reuses the cached preflight" + context)
          .isEqualTo(reused);
      assertThat(reused)
          .as(engine.displayName() + "'s cache reuse is the recorded one" + context)
          .isEqualTo(scenario.reusedIn.contains(engine));
    }
  }

  /** What matters to CORS in the requests the server received, with the run tag removed. */
  private static List<String> shape(List<Received> requests, Scenario scenario) {
    List<String> shape = new ArrayList<>();
    for (Received r : requests) {
      StringBuilder line =
          new StringBuilder(r.method())
              .append(' ')
              .append(r.target().replaceFirst("^/s/([0-9]+)/[a-z]{2}/", "/s/$1/*/"))
              .append(" Origin=")
              .append(r.header("Origin"))
              .append(" ACRM=")
              .append(r.header("Access-Control-Request-Method"))
              .append(" ACRH=")
              .append(r.header("Access-Control-Request-Headers"))
              .append(" Authorization=")
              .append(r.header("Authorization") != null)
              .append(" Content-Type=")
              .append(r.header("Content-Type"));
      for (String name : scenario.shows) {
        line.append(' ').append(name).append('=').append(r.header(name));
      }
      shape.add(PrintableText.escape(line.toString()));
    }
    return shape;
  }

  private static Scenario s(String name) {
    return new Scenario(name);
  }

  /** Which server a hop is on. */
  enum Where {
    API,
    OTHER,
    PAGE
  }

  /** One scripted exchange: request shape, the server's answers per hop, the expected verdicts. */
  static final class Scenario {
    final String name;
    String method = "GET";
    final List<String[]> headers = new ArrayList<>();
    boolean credentials;
    final List<Where> where = new ArrayList<>();
    final List<Reply[]> hops = new ArrayList<>();
    List<String> read = List.of();
    final List<String> shows = new ArrayList<>();
    final Map<Browser, Verdict> expected = new EnumMap<>(Browser.class);
    String fetch = "{url}";
    String host = "127.0.0.1";
    Boolean again;
    Set<Browser> reusedIn = EnumSet.noneOf(Browser.class);
    int index;

    Scenario(String name) {
      this.name = name;
      hop(API);
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

    /** The first hop on {@code server} instead of the API. */
    Scenario on(Where server) {
      where.set(0, server);
      return this;
    }

    /** Fetch the API as {@code host} (the page stays on 127.0.0.1). */
    Scenario host(String host) {
      this.host = host;
      return this;
    }

    /** The URL the page fetches, written with {@code {authority}}, {@code {path}}, ... */
    Scenario fetch(String template) {
      this.fetch = template;
      return this;
    }

    Scenario hop(Where server) {
      where.add(server);
      hops.add(new Reply[2]);
      return this;
    }

    Scenario preflight(int status, String... lines) {
      hops.get(hops.size() - 1)[0] = Reply.of(status, lines);
      return this;
    }

    Scenario rawPreflight(String response) {
      hops.get(hops.size() - 1)[0] = Reply.raw(response);
      return this;
    }

    Scenario actual(int status, String... lines) {
      hops.get(hops.size() - 1)[1] = Reply.of(status, lines);
      return this;
    }

    /** The whole response to the request, as bytes. */
    Scenario raw(String response) {
      hops.get(hops.size() - 1)[1] = Reply.raw(response);
      return this;
    }

    Scenario read(String... names) {
      read = List.of(names);
      return this;
    }

    /** Request headers whose values the comparison includes. */
    Scenario shows(String... names) {
      shows.addAll(List.of(names));
      return this;
    }

    /**
     * After the fetch, the page fetches the same URL again at once with {@code credentials}; the
     * engines in {@code reused} serve it from their preflight cache.
     */
    Scenario again(boolean credentials, Browser... reused) {
      this.again = credentials;
      this.reusedIn =
          reused.length == 0 ? EnumSet.noneOf(Browser.class) : EnumSet.of(reused[0], reused);
      return this;
    }

    Scenario allowed() {
      for (Browser browser : Browser.all()) {
        expected.put(browser, Verdict.ALLOWED);
      }
      return this;
    }

    Scenario blocked() {
      for (Browser browser : Browser.all()) {
        expected.put(browser, Verdict.BLOCKED);
      }
      return this;
    }

    /** Allowed in these engines, unlike the rest (set after allowed() or blocked()). */
    Scenario allowedIn(Browser... browsers) {
      for (Browser browser : browsers) {
        expected.put(browser, Verdict.ALLOWED);
      }
      return this;
    }

    /** Blocked in these engines, unlike the rest (set after allowed() or blocked()). */
    Scenario blockedIn(Browser... browsers) {
      for (Browser browser : browsers) {
        expected.put(browser, Verdict.BLOCKED);
      }
      return this;
    }

    Verdict expected(Browser browser) {
      return expected.get(browser);
    }

    private ScriptedServer server(int hop) {
      switch (where.get(hop)) {
        case OTHER:
          return other;
        case PAGE:
          return page;
        default:
          return api;
      }
    }

    private String path(String tag, int hop) {
      return "/s/" + index + "/" + tag + "/" + hop;
    }

    private String authority(int hop) {
      return (hop == 0 ? host : "127.0.0.1") + ":" + server(hop).port();
    }

    private String url(String tag, int hop) {
      return "http://" + authority(hop) + path(tag, hop);
    }

    /** Scripts every hop for the run {@code tag} and returns the URL the page fetches. */
    String install(String tag) {
      for (int hop = 0; hop < hops.size(); hop++) {
        Reply[] replies = hops.get(hop);
        server(hop)
            .route(path(tag, hop), resolve(replies[0], tag, hop), resolve(replies[1], tag, hop));
      }
      String path = path(tag, 0);
      return fetch
          .replace("{url}", url(tag, 0))
          .replace("{authority}", authority(0))
          .replace("{port}", String.valueOf(server(0).port()))
          .replace("{backslash-path}", path.replace('/', '\\'))
          .replace(
              "{dotted-path}",
              path.substring(0, path.lastIndexOf('/'))
                  + "/x/.."
                  + path.substring(path.lastIndexOf('/')))
          .replace("{path}", path);
    }

    private Reply resolve(Reply reply, String tag, int hop) {
      if (reply == null) {
        return null;
      }
      if (reply.raw() != null) {
        return Reply.raw(substitute(reply.raw(), tag, hop));
      }
      List<Header> headers = new ArrayList<>();
      for (Header header : reply.headers()) {
        headers.add(new Header(header.name(), substitute(header.value(), tag, hop)));
      }
      return new Reply(reply.status(), headers, "", null);
    }

    private String substitute(String value, String tag, int hop) {
      boolean last = hop + 1 >= hops.size();
      String next = last ? "" : url(tag, hop + 1);
      String nextAuthority = last ? "" : authority(hop + 1);
      return value
          .replace("{origin}", page.origin())
          .replace("{ORIGIN}", page.origin().toUpperCase(Locale.ROOT))
          .replace("{https-origin}", page.origin().replace("http:", "https:"))
          .replace("{localhost-origin}", page.origin().replace("127.0.0.1", "localhost"))
          .replace("{next-userinfo}", next.replace("http://", "http://user:pw@"))
          .replace("{next-authority}", nextAuthority)
          .replace("{next-port}", last ? "" : String.valueOf(server(hop + 1).port()))
          .replace("{next-path}", last ? "" : path(tag, hop + 1))
          .replace("{next}", next)
          .replace("{self}", url(tag, hop));
    }

    /** The requests of run {@code tag} that reached the servers. */
    List<Received> requests(String tag) {
      String prefix = "/s/" + index + "/" + tag + "/";
      List<Received> requests = new ArrayList<>();
      for (ScriptedServer server : new ScriptedServer[] {api, other, page}) {
        for (Received r : server.received()) {
          if (r.path().startsWith(prefix)) {
            requests.add(r);
          }
        }
      }
      requests.sort(java.util.Comparator.comparingLong(Received::order));
      return requests;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
