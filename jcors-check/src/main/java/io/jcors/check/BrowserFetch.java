package io.jcors.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One engine's side of one {@code fetch()} in {@code cors} mode: Fetch "main fetch",
 * "CORS-preflight fetch", "CORS check" and "HTTP-redirect fetch", each request sent for real
 * through a {@link Transport} and each response read as that engine reads it ({@link
 * ResponseReader}). No preflight cache: the check models a browser that has not talked to the
 * server yet.
 */
final class BrowserFetch {
  /** Fetch: "If request's redirect count is 20, then return a network error." */
  private static final int MAX_REDIRECTS = 20;

  /** The outcome for one engine, and how that engine would cache the first preflight. */
  record Result(Outcome outcome, PreflightCache cache) {}

  private final CheckRequest request;
  private final Browser browser;
  private final Set<Browser> browsers;
  private final Transport transport;
  private final Deadline deadline;
  private final List<Step> steps = new ArrayList<>();
  private final List<Check> requestChecks = new ArrayList<>();
  private String preflightReason;
  private boolean preflightSent;
  private List<String> firstPreflightNames;
  private PreflightCache cache;

  private BrowserFetch(
      CheckRequest request,
      Browser browser,
      Set<Browser> browsers,
      Transport transport,
      Deadline deadline) {
    this.request = request;
    this.browser = browser;
    this.browsers = browsers;
    this.transport = transport;
    this.deadline = deadline;
  }

  /**
   * Runs the fetch as {@code browser} does; every request it sends shares {@code deadline}. The
   * texts that describe every engine (cache lifetimes) cover {@code browsers}.
   */
  static Result run(
      CheckRequest request,
      Browser browser,
      Set<Browser> browsers,
      Transport transport,
      Deadline deadline)
      throws CheckException {
    BrowserFetch fetch = new BrowserFetch(request, browser, browsers, transport, deadline);
    Outcome outcome = fetch.run();
    return new Result(outcome, fetch.cache);
  }

  private Outcome run() throws CheckException {
    String pageOrigin = request.origin();
    boolean credentials = request.credentials();
    String method = Safelists.normalizeMethod(request.method());
    List<Header> lines = headersObject();
    WebUrl url = request.parsedUrl();
    boolean cors = false; // Fetch "response tainting" is "cors" from the first cross-origin hop on
    boolean tainted = false; // Fetch "tainted origin flag": Origin becomes "null" (F33, F35)
    for (int redirects = 0; ; redirects++) {
      String urlOrigin = url.origin();
      List<Header> headers = combine(lines);
      List<Check> checks = new ArrayList<>();
      if (!cors && pageOrigin.equals(urlOrigin)) {
        if (preflightReason == null) {
          preflightReason =
              "not needed: the URL is on the page's own origin, and same-origin requests are not"
                  + " CORS requests";
        }
        boolean sendOrigin = !method.equals("GET") && !method.equals("HEAD");
        SentRequest sent = actualRequest(url, method, headers, sendOrigin ? pageOrigin : null);
        ResponseReader.Read read = send(sent, "response");
        ReceivedResponse response = read.response();
        if (read.networkError() != null) {
          return networkError(Step.Kind.REQUEST, sent, read);
        }
        checks.add(
            Check.pass(
                "F1",
                "same-origin",
                "same-origin request: the page can read the response whatever its headers"));
        Location location = location(url, response);
        if (location == null) {
          addBodyNote(checks, read);
          steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
          return outcome(Verdict.ALLOWED, null, allHeaders(response), response.status());
        }
        if (location.problem() != null) {
          return refusedRedirect(sent, response, checks, badLocation(location.problem()));
        }
        // Fetch "HTTP-redirect fetch" step 8: a cors-mode request may not follow a redirect to a
        // URL with credentials on another origin than its own, even before it is tainted.
        if (location.url().includesCredentials() && !location.url().origin().equals(pageOrigin)) {
          return refusedRedirect(sent, response, checks, credentialsInLocation(location.url()));
        }
        if (redirects == MAX_REDIRECTS) {
          return refusedRedirect(sent, response, checks, tooManyRedirects());
        }
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
        method = redirectMethod(response.status(), method, lines);
        url = location.url();
        continue;
      }
      cors = true;
      String origin = tainted ? "null" : pageOrigin;
      List<Safelists.UnsafeHeader> unsafe = Safelists.unsafeHeaders(browser, headers);
      boolean needed = !Safelists.isSafelistedMethod(method) || !unsafe.isEmpty();
      // Firefox and WebKit preflight every hop after a redirect once a preflight was needed, even
      // when the request that follows the redirect would not need one (a 303 to GET): observed
      // by BrowserParityTest; the Fetch standard decides at each hop.
      boolean again = preflightSent && browser != Browser.CHROMIUM;
      String reason =
          again ? againReason(method, unsafe) : preflightReason(method, headers, unsafe);
      if (preflightReason == null) {
        preflightReason = reason;
      } else if ((needed || again) && !preflightSent) {
        preflightReason += "; after the redirect to " + url.withoutFragment() + ", " + reason;
      }
      if (needed || again) {
        List<String> names = preflightNames(unsafe, lines);
        preflightSent = true;
        // Firefox sends the page's origin in every preflight, also after a redirect to another
        // origin taints the request (its request then carries Origin: null); Chromium and WebKit
        // send null in both (observed).
        String preflightOrigin = browser == Browser.FIREFOX ? pageOrigin : origin;
        List<Header> preflightHeaders = new ArrayList<>();
        preflightHeaders.add(new Header("Accept", "*/*"));
        preflightHeaders.add(new Header("Access-Control-Request-Method", method));
        if (!names.isEmpty()) {
          preflightHeaders.add(
              new Header("Access-Control-Request-Headers", String.join(",", names)));
        }
        preflightHeaders.add(new Header("Origin", preflightOrigin));
        SentRequest preflight = new SentRequest("OPTIONS", url.withoutFragment(), preflightHeaders);
        ResponseReader.Read read = send(preflight, "preflight response");
        if (read.networkError() != null) {
          return networkError(Step.Kind.PREFLIGHT, preflight, read);
        }
        ReceivedResponse response = read.response();
        List<Check> preflightChecks = new ArrayList<>();
        boolean ok =
            CorsChecks.preflightChecks(
                preflightChecks, preflightOrigin, credentials, method, names, response, browsers);
        steps.add(new Step(Step.Kind.PREFLIGHT, preflight, response, preflightChecks, ok));
        if (!ok) {
          return blocked(preflightChecks, response.status());
        }
        if (cache == null) {
          cache =
              new PreflightCache(
                  browser,
                  PreflightCache.seconds(browser, response.get(CorsChecks.ACMA)),
                  credentials);
        }
      }
      SentRequest sent = actualRequest(url, method, headers, origin);
      ResponseReader.Read read = send(sent, "response");
      if (read.networkError() != null) {
        return networkError(Step.Kind.REQUEST, sent, read);
      }
      ReceivedResponse response = read.response();
      if (!CorsChecks.corsCheck(checks, origin, credentials, response, "response")) {
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
        return blocked(checks, response.status());
      }
      Location location = location(url, response);
      if (location == null) {
        if (response.status() < 200 || response.status() > 299) {
          checks.add(
              Check.pass(
                  "F14",
                  "status",
                  "status "
                      + response.status()
                      + " does not matter to CORS: the page reads it like any other response"));
        }
        checks.add(CorsChecks.readableHeadersCheck(response, credentials));
        addBodyNote(checks, read);
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
        return outcome(
            Verdict.ALLOWED,
            null,
            CorsChecks.readableHeaders(response, credentials),
            response.status());
      }
      if (location.problem() != null) {
        return refusedRedirect(sent, response, checks, badLocation(location.problem()));
      }
      if (location.url().includesCredentials()) {
        // Fetch "HTTP-redirect fetch" step 9: a cors-tainted request never follows a URL with
        // credentials (a non-empty username or password; http://@host/ has none).
        return refusedRedirect(sent, response, checks, credentialsInLocation(location.url()));
      }
      if (redirects == MAX_REDIRECTS) {
        return refusedRedirect(sent, response, checks, tooManyRedirects());
      }
      String locationOrigin = location.url().origin();
      boolean crossOriginHop = !locationOrigin.equals(urlOrigin);
      if (crossOriginHop && !pageOrigin.equals(urlOrigin)) {
        tainted = true;
      }
      String newMethod = redirectMethod(response.status(), method, lines);
      if (crossOriginHop) {
        // Fetch "HTTP-redirect fetch": drop CORS non-wildcard request-headers (Authorization).
        lines.removeIf(header -> Infra.asciiEqualsIgnoreCase(header.name(), "authorization"));
      }
      checks.add(
          Check.pass(
              "F35",
              "redirect",
              "the browser follows the redirect to `"
                  + location.url().withoutFragment()
                  + "`"
                  + (newMethod.equals(method) ? "" : " with method " + newMethod)
                  + (tainted ? " and sends `Origin: null` from now on (cross-origin redirect)" : "")
                  + "; the next response is checked again"));
      steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
      method = newMethod;
      url = location.url();
    }
  }

  /**
   * The page's headers as the {@code Headers} object keeps them: a forbidden request header is
   * dropped, as the guard "request" does, with a warning (F29).
   */
  private List<Header> headersObject() {
    List<Header> lines = new ArrayList<>();
    for (Header header : request.headers()) {
      if (Safelists.isForbiddenRequestHeader(browser, header.name(), header.value())) {
        String lower = Infra.asciiLowercase(header.name());
        requestChecks.add(
            new Check(
                "F29",
                "forbidden-header",
                true,
                "the page sets `"
                    + header.name()
                    + "`, but "
                    + Safelists.forbiddenReason(header.name())
                    + "; the browser drops it silently and sends the request without it",
                lower.equals("cookie")
                    ? "do not set `Cookie`; use --credentials (credentials: 'include') to send the"
                        + " browser's cookies"
                    : "do not set `" + header.name() + "` in fetch(); the browser ignores it"));
      } else {
        lines.add(header);
      }
    }
    return lines;
  }

  /** Fetch "combine": repeated names (ASCII case-insensitive) become one value joined by ", ". */
  private static List<Header> combine(List<Header> lines) {
    List<Header> combined = new ArrayList<>();
    for (Header header : lines) {
      boolean merged = false;
      for (int i = 0; i < combined.size(); i++) {
        Header existing = combined.get(i);
        if (Infra.asciiEqualsIgnoreCase(existing.name(), header.name())) {
          combined.set(i, new Header(existing.name(), existing.value() + ", " + header.value()));
          merged = true;
          break;
        }
      }
      if (!merged) {
        combined.add(header);
      }
    }
    return combined;
  }

  /**
   * The names in {@code Access-Control-Request-Headers}: Fetch's sorted lower-case set of the
   * unsafe names. Firefox lists a name once per time the page set it ({@code x-a,x-a}); WebKit
   * keeps the names of its first preflight in every later one, also those a redirect dropped
   * (Authorization, Content-Type), and checks them again (both observed by BrowserParityTest).
   */
  private List<String> preflightNames(List<Safelists.UnsafeHeader> unsafe, List<Header> lines) {
    List<String> names;
    if (browser == Browser.SAFARI && firstPreflightNames != null) {
      names = firstPreflightNames;
    } else if (browser == Browser.FIREFOX) {
      List<String> repeated = new ArrayList<>();
      for (String name : Safelists.sortedLowercase(unsafe)) {
        long times =
            lines.stream().filter(h -> Infra.asciiEqualsIgnoreCase(h.name(), name)).count();
        for (long i = 0; i < Math.max(1, times); i++) {
          repeated.add(name);
        }
      }
      Collections.sort(repeated);
      names = List.copyOf(repeated);
    } else {
      names = Safelists.sortedLowercase(unsafe);
    }
    if (firstPreflightNames == null) {
      firstPreflightNames = names;
    }
    return names;
  }

  private ResponseReader.Read send(SentRequest sent, String what) throws CheckException {
    return ResponseReader.read(browser, transport.send(sent, deadline), what);
  }

  private SentRequest actualRequest(
      WebUrl url, String method, List<Header> headers, String origin) {
    List<Header> sent = new ArrayList<>();
    boolean hasAccept = false;
    for (Header header : headers) {
      hasAccept |= Infra.asciiEqualsIgnoreCase(header.name(), "accept");
    }
    if (!hasAccept) {
      sent.add(new Header("Accept", "*/*")); // fetch() default
    }
    for (Header header : headers) {
      sent.add(browser == Browser.SAFARI ? utf8(header) : header);
    }
    if (origin != null) {
      sent.add(new Header("Origin", origin));
    }
    return new SentRequest(method, url.withoutFragment(), sent);
  }

  /**
   * WebKit sends the chars of a header value above U+007F as UTF-8 (a page's {@code é}, one byte in
   * the standard's byte string, leaves as the two bytes C3 A9; observed by BrowserParityTest), so
   * its request carries those bytes.
   */
  private static Header utf8(Header header) {
    String value = header.value();
    if (value.chars().allMatch(c -> c < 0x80)) {
      return header;
    }
    return new Header(
        header.name(),
        new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** A redirect's target, or why it cannot be followed. */
  private record Location(WebUrl url, String problem) {}

  /**
   * Fetch "location URL": null when the response is not a redirect (no {@code Location}), else the
   * target parsed with the URL standard against the response's URL, or the reason it is a network
   * error. Engines differ on an empty {@code Location}: Chromium takes the response as it is,
   * Firefox follows it to the same URL as the standard says (until the redirect limit), WebKit
   * fails at once; and Firefox keeps a tab in it, as {@code %09}, where the URL standard removes it
   * (all observed by BrowserParityTest).
   */
  private Location location(WebUrl base, ReceivedResponse response) {
    List<String> values = response.values("Location");
    if (!isRedirect(response.status()) || values.isEmpty()) {
      return null;
    }
    if (values.stream().distinct().count() > 1) {
      return new Location(
          null, "the response has " + values.size() + " different `Location` headers");
    }
    String value = values.get(0);
    if (value.isEmpty()) {
      if (browser == Browser.CHROMIUM) {
        return null;
      }
      if (browser == Browser.SAFARI) {
        return new Location(null, "its `Location` is empty");
      }
    }
    if (browser == Browser.FIREFOX) {
      value = value.replace("\t", "%09");
    }
    try {
      WebUrl target = WebUrl.parse(value, base, true);
      if (!target.isHttp()) {
        return new Location(
            null, "it redirects to `" + value + "`, which is not an http:// or https:// URL");
      }
      return new Location(target, null);
    } catch (WebUrl.Invalid e) {
      return new Location(
          null, "its `Location: " + value + "` is not a valid URL: " + e.getMessage());
    }
  }

  /**
   * Fetch "HTTP-redirect fetch" step 12: 301/302 turn POST into GET, 303 turns everything but
   * GET/HEAD into GET; the request-body headers go with the body.
   */
  private static String redirectMethod(int status, String method, List<Header> headers) {
    boolean toGet =
        ((status == 301 || status == 302) && method.equals("POST"))
            || (status == 303 && !method.equals("GET") && !method.equals("HEAD"));
    if (!toGet) {
      return method;
    }
    headers.removeIf(
        header -> Safelists.REQUEST_BODY_HEADERS.contains(Infra.asciiLowercase(header.name())));
    return "GET";
  }

  private String againReason(String method, List<Safelists.UnsafeHeader> unsafe) {
    String reason =
        "needed: "
            + browser.displayName()
            + " sends a preflight again after a redirect of a request that needed one";
    return Safelists.isSafelistedMethod(method) && unsafe.isEmpty()
        ? reason
        : reason + " (" + preflightReason(method, List.of(), unsafe).substring(8) + ")";
  }

  private String preflightReason(
      String method, List<Header> headers, List<Safelists.UnsafeHeader> unsafe) {
    List<String> reasons = new ArrayList<>();
    if (!Safelists.isSafelistedMethod(method)) {
      reasons.add("the method `" + method + "` is not CORS-safelisted (GET, HEAD, POST)");
    }
    for (Safelists.UnsafeHeader header : unsafe) {
      reasons.add(
          "the request header `" + header.name() + "` is not CORS-safelisted: " + header.reason());
    }
    if (reasons.isEmpty()) {
      List<String> hints = new ArrayList<>();
      for (Header header : headers) {
        if (Safelists.CHROMIUM_SAFELISTED_CLIENT_HINTS.contains(
            Infra.asciiLowercase(header.name()))) {
          hints.add("`" + header.name() + "`");
        }
      }
      return "not needed: `"
          + method
          + "` is a CORS-safelisted method and every request header is CORS-safelisted"
          + (hints.isEmpty() || browser != Browser.CHROMIUM
              ? ""
              : " (Chrome treats the client hint "
                  + String.join(", ", hints)
                  + " as safelisted; Firefox and Safari send a preflight for it)");
    }
    return "needed: " + String.join("; ", reasons);
  }

  private static void addBodyNote(List<Check> checks, ResponseReader.Read read) {
    if (read.bodyNote() != null) {
      checks.add(
          new Check(
              "F52",
              "body",
              true,
              read.bodyNote(),
              "send a body that ends where its Content-Length or its chunked framing says"));
    }
  }

  private Outcome networkError(Step.Kind kind, SentRequest sent, ResponseReader.Read read) {
    List<Check> checks = List.of(read.networkError());
    steps.add(new Step(kind, sent, read.response(), checks, false));
    return blocked(checks, read.response().status());
  }

  private static Check badLocation(String problem) {
    return Check.fail(
        "F35",
        "redirect",
        "the response is a redirect, but " + problem + "; a browser stops with a network error",
        "send an absolute http(s) URL in `Location`, once");
  }

  private static Check credentialsInLocation(WebUrl location) {
    return Check.fail(
        "F36",
        "redirect",
        "the response redirects to `"
            + location.withoutFragment()
            + "`, a URL with credentials (user:password@); a browser refuses to follow it"
            + " in a CORS request",
        "redirect to a URL without user:password@");
  }

  private static Check tooManyRedirects() {
    return Check.fail(
        "F35",
        "redirect",
        "more than " + MAX_REDIRECTS + " redirects; a browser gives up",
        "remove the redirect loop");
  }

  /** The request ends at a redirect that a browser does not follow, for the reason {@code why}. */
  private Outcome refusedRedirect(
      SentRequest sent, ReceivedResponse response, List<Check> checks, Check why) {
    checks.add(why);
    steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
    return blocked(checks, response.status());
  }

  private static List<String> allHeaders(ReceivedResponse response) {
    Set<String> names = new TreeSet<>();
    for (Header header : response.headers()) {
      String name = Infra.asciiLowercase(header.name());
      if (!Safelists.FORBIDDEN_RESPONSE_HEADERS.contains(name)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private Outcome blocked(List<Check> checks, int status) {
    return outcome(Verdict.BLOCKED, checks.get(checks.size() - 1), List.of(), status);
  }

  private Outcome outcome(Verdict verdict, Check failure, List<String> readable, int status) {
    return new Outcome(
        Set.of(browser),
        verdict,
        new Preflight(preflightSent, preflightReason),
        requestChecks,
        steps,
        failure,
        readable,
        status);
  }
}
