package io.jcors.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The browser's side of one {@code fetch()} in {@code cors} mode: Fetch "main fetch",
 * "CORS-preflight fetch", "CORS check" and "HTTP-redirect fetch", each request sent for real
 * through a {@link Transport}. No preflight cache: the check models a browser that has not talked
 * to the server yet.
 */
final class BrowserFetch {
  /** Fetch: "If request's redirect count is 20, then return a network error." */
  private static final int MAX_REDIRECTS = 20;

  private final CheckRequest request;
  private final Transport transport;
  private final Deadline deadline;
  private final List<Step> steps = new ArrayList<>();
  private String preflightReason;
  private boolean preflightSent;

  private BrowserFetch(CheckRequest request, Transport transport, Deadline deadline) {
    this.request = request;
    this.transport = transport;
    this.deadline = deadline;
  }

  /** Runs the fetch; every request it sends shares {@code deadline}. */
  static CheckReport run(CheckRequest request, Transport transport, Deadline deadline)
      throws CheckException {
    return new BrowserFetch(request, transport, deadline).run();
  }

  private CheckReport run() throws CheckException {
    String pageOrigin = request.origin();
    boolean credentials = request.credentials();
    String method = Safelists.normalizeMethod(request.method());
    List<Header> headers = new ArrayList<>(request.headers());
    URI url = request.url();
    boolean cors = false; // Fetch "response tainting" is "cors" from the first cross-origin hop on
    boolean tainted = false; // Fetch "tainted origin flag": Origin becomes "null" (F33, F35)
    for (int redirects = 0; ; redirects++) {
      String urlOrigin = WebOrigins.of(url);
      List<Check> checks = new ArrayList<>();
      if (!cors && pageOrigin.equals(urlOrigin)) {
        if (preflightReason == null) {
          preflightReason =
              "not needed: the URL is on the page's own origin, and same-origin requests are not"
                  + " CORS requests";
        }
        boolean sendOrigin = !method.equals("GET") && !method.equals("HEAD");
        SentRequest sent = actualRequest(url, method, headers, sendOrigin ? pageOrigin : null);
        ReceivedResponse response = transport.send(sent, deadline);
        checks.add(
            Check.pass(
                "F1",
                "same-origin",
                "same-origin request: the page can read the response whatever its headers"));
        URI location = location(url, response);
        if (location == null) {
          steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
          return report(Verdict.ALLOWED, null, allHeaders(response), response.status());
        }
        if (redirects == MAX_REDIRECTS) {
          return tooManyRedirects(sent, response, checks);
        }
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
        method = redirectMethod(response.status(), method, headers);
        url = location;
        continue;
      }
      cors = true;
      String origin = tainted ? "null" : pageOrigin;
      List<Safelists.UnsafeHeader> unsafe = Safelists.unsafeHeaders(headers);
      boolean needed = !Safelists.isSafelistedMethod(method) || !unsafe.isEmpty();
      String reason = preflightReason(method, headers, unsafe);
      if (preflightReason == null) {
        preflightReason = reason;
      } else if (needed && !preflightSent) {
        preflightReason += "; after the redirect to " + url + ", " + reason;
      }
      if (needed) {
        preflightSent = true;
        List<String> names = Safelists.sortedLowercase(unsafe);
        List<Header> preflightHeaders = new ArrayList<>();
        preflightHeaders.add(new Header("Accept", "*/*"));
        preflightHeaders.add(new Header("Access-Control-Request-Method", method));
        if (!names.isEmpty()) {
          preflightHeaders.add(
              new Header("Access-Control-Request-Headers", String.join(",", names)));
        }
        preflightHeaders.add(new Header("Origin", origin));
        SentRequest preflight = new SentRequest("OPTIONS", url, preflightHeaders);
        ReceivedResponse response = transport.send(preflight, deadline);
        List<Check> preflightChecks = new ArrayList<>();
        boolean ok =
            CorsChecks.preflightChecks(
                preflightChecks, origin, credentials, method, lowerNames(headers), names, response);
        steps.add(new Step(Step.Kind.PREFLIGHT, preflight, response, preflightChecks, ok));
        if (!ok) {
          return blocked(preflightChecks, response.status());
        }
      }
      SentRequest sent = actualRequest(url, method, headers, origin);
      ReceivedResponse response = transport.send(sent, deadline);
      if (!CorsChecks.corsCheck(checks, origin, credentials, response, "response")) {
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
        return blocked(checks, response.status());
      }
      String rawLocation = response.get("Location");
      if (!isRedirect(response.status()) || rawLocation == null) {
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
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
        return report(
            Verdict.ALLOWED,
            null,
            CorsChecks.readableHeaders(response, credentials),
            response.status());
      }
      URI location = location(url, response);
      if (location == null || WebOrigins.of(location) == null) {
        checks.add(
            Check.fail(
                "F35",
                "redirect",
                "the response redirects to `" + rawLocation + "`, which is not an http(s) URL",
                "send an absolute http(s) URL in `Location`"));
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
        return blocked(checks, response.status());
      }
      if (location.getRawUserInfo() != null) {
        checks.add(
            Check.fail(
                "F36",
                "redirect",
                "the response redirects to `"
                    + location
                    + "`, a URL with credentials (user:password@); a browser refuses to follow it"
                    + " in a CORS request",
                "redirect to a URL without user:password@"));
        steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
        return blocked(checks, response.status());
      }
      if (redirects == MAX_REDIRECTS) {
        return tooManyRedirects(sent, response, checks);
      }
      String locationOrigin = WebOrigins.of(location);
      boolean crossOriginHop = !locationOrigin.equals(urlOrigin);
      if (crossOriginHop && !pageOrigin.equals(urlOrigin)) {
        tainted = true;
      }
      String newMethod = redirectMethod(response.status(), method, headers);
      if (crossOriginHop) {
        // Fetch "HTTP-redirect fetch": drop CORS non-wildcard request-headers (Authorization).
        headers.removeIf(header -> header.name().equalsIgnoreCase("authorization"));
      }
      checks.add(
          Check.pass(
              "F35",
              "redirect",
              "the browser follows the redirect to `"
                  + location
                  + "`"
                  + (newMethod.equals(method) ? "" : " with method " + newMethod)
                  + (tainted ? " and sends `Origin: null` from now on (cross-origin redirect)" : "")
                  + "; the next response is checked again"));
      steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, true));
      method = newMethod;
      url = location;
    }
  }

  private static SentRequest actualRequest(
      URI url, String method, List<Header> headers, String origin) {
    List<Header> sent = new ArrayList<>();
    boolean hasAccept = false;
    for (Header header : headers) {
      hasAccept |= header.name().equalsIgnoreCase("accept");
    }
    if (!hasAccept) {
      sent.add(new Header("Accept", "*/*")); // fetch() default
    }
    sent.addAll(headers);
    if (origin != null) {
      sent.add(new Header("Origin", origin));
    }
    return new SentRequest(method, url, sent);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The redirect target, or null when the response is not a redirect or its target is invalid. */
  private static URI location(URI base, ReceivedResponse response) {
    String location = response.get("Location");
    if (!isRedirect(response.status()) || location == null) {
      return null;
    }
    try {
      URI resolved = base.resolve(new URI(location));
      return new URI(
          resolved.getScheme(),
          resolved.getRawAuthority(),
          resolved.getRawPath(),
          resolved.getRawQuery(),
          null);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
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
        header -> Safelists.REQUEST_BODY_HEADERS.contains(header.name().toLowerCase(Locale.ROOT)));
    return "GET";
  }

  private static Set<String> lowerNames(List<Header> headers) {
    Set<String> names = new LinkedHashSet<>();
    for (Header header : headers) {
      names.add(header.name().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static String preflightReason(
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
            header.name().toLowerCase(Locale.ROOT))) {
          hints.add("`" + header.name() + "`");
        }
      }
      return "not needed: `"
          + method
          + "` is a CORS-safelisted method and every request header is CORS-safelisted"
          + (hints.isEmpty()
              ? ""
              : " (in Chromium: it treats the client hint "
                  + String.join(", ", hints)
                  + " as safelisted, while Firefox and Safari send a preflight for it)");
    }
    return "needed: " + String.join("; ", reasons);
  }

  private CheckReport tooManyRedirects(
      SentRequest sent, ReceivedResponse response, List<Check> checks) {
    checks.add(
        Check.fail(
            "F35",
            "redirect",
            "more than " + MAX_REDIRECTS + " redirects; a browser gives up",
            "remove the redirect loop"));
    steps.add(new Step(Step.Kind.REQUEST, sent, response, checks, false));
    return blocked(checks, response.status());
  }

  private static List<String> allHeaders(ReceivedResponse response) {
    Set<String> names = new java.util.TreeSet<>();
    for (Header header : response.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (!Safelists.FORBIDDEN_RESPONSE_HEADERS.contains(name)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private CheckReport blocked(List<Check> checks, int status) {
    return report(Verdict.BLOCKED, checks.get(checks.size() - 1), List.of(), status);
  }

  private CheckReport report(Verdict verdict, Check failure, List<String> readable, int status) {
    return new CheckReport(
        request,
        verdict,
        new Preflight(preflightSent, preflightReason),
        steps,
        failure,
        readable,
        status);
  }
}
