package io.jcors.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one engine caches a preflight response (rules F22-F24 of docs/fetch-rules.md): for how long,
 * read from {@code Access-Control-Max-Age} as that engine reads it, and which later requests to the
 * same URL the entry serves. The check itself always starts with an empty cache, like a browser
 * that has not talked to the server yet; this says what the next request would find.
 *
 * <pre>{@code
 * PreflightCache cache = report.preflightCache(Browser.FIREFOX).orElseThrow();
 * assertEquals(600, cache.seconds());
 * assertFalse(cache.reusedFor(true)); // Firefox keeps entries per credentials mode
 * }</pre>
 *
 * @param browser the engine
 * @param seconds how long the entry lives; 0 when the engine does not cache this response
 * @param credentials whether the preflighted request had credentials (the entry's credentials mode)
 */
public record PreflightCache(Browser browser, long seconds, boolean credentials) {
  /** Fetch's default when {@code Access-Control-Max-Age} is absent: 5 seconds in every engine. */
  static final long DEFAULT_SECONDS = 5;

  /**
   * Whether a request to the same URL made at once with {@code requestCredentials} (and no other
   * method or header) is served from this entry, without a preflight. The Fetch standard and
   * Chromium and WebKit let an entry made with credentials serve requests without them, not the
   * other way round; Firefox keys its cache on the credentials mode (nsCORSListenerProxy.cpp,
   * {@code GetPrefLightCacheKey}), so an entry only serves the same mode. All observed by
   * BrowserParityTest.
   */
  public boolean reusedFor(boolean requestCredentials) {
    if (seconds <= 0) {
      return false;
    }
    if (browser == Browser.FIREFOX) {
      return requestCredentials == credentials;
    }
    return credentials || !requestCredentials;
  }

  /**
   * The lifetime {@code browser} gives a preflight whose {@code Access-Control-Max-Age} is {@code
   * value} (null: absent; several lines arrive joined by {@code ", "}), in seconds; 0 means not
   * cached.
   *
   * <ul>
   *   <li>Chromium (services/network/cors/preflight_result.cc): a signed 64-bit integer, else the
   *       5-second default; negative is 0; at most 7200.
   *   <li>Firefox (nsCORSListenerProxy.cpp, {@code AddResultToCache}): absent or empty is 5; any
   *       byte that is not a digit means the response is not cached at all; at most 86400.
   *   <li>WebKit (CrossOriginPreflightResultCache.cpp): a signed 64-bit integer, else the 5-second
   *       default; negative expires at once; at most 600.
   * </ul>
   */
  static long seconds(Browser browser, String value) {
    if (value == null || (browser == Browser.FIREFOX && value.isEmpty())) {
      return DEFAULT_SECONDS;
    }
    if (browser == Browser.FIREFOX) {
      if (!Infra.isAsciiDigits(value)) {
        return 0;
      }
      long seconds = 0;
      for (int i = 0; i < value.length(); i++) {
        seconds = Math.min(seconds * 10 + (value.charAt(i) - '0'), 86_400);
      }
      return seconds;
    }
    if (!value.matches("[+-]?[0-9]{1,19}")) {
      return DEFAULT_SECONDS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      return DEFAULT_SECONDS; // beyond 64 bits: not an integer to either engine
    }
    if (seconds < 0) {
      return 0;
    }
    return Math.min(seconds, browser == Browser.CHROMIUM ? 7200 : 600);
  }

  /**
   * The explanation of the informational F22 check, the same for every engine's report so that
   * engines that agree on the verdict share one: each engine's lifetime, and how entries are keyed.
   */
  static String describe(String value, Set<Browser> browsers) {
    Map<Long, List<Browser>> bySeconds = new LinkedHashMap<>();
    for (Browser browser : Browser.all()) {
      if (browsers.contains(browser)) {
        bySeconds.computeIfAbsent(seconds(browser, value), k -> new ArrayList<>()).add(browser);
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Long, List<Browser>> entry : bySeconds.entrySet()) {
      boolean one = entry.getValue().size() == 1;
      parts.add(
          Browser.names(entry.getValue())
              + (entry.getKey() == 0
                  ? (one ? " does not cache it" : " do not cache it")
                  : (one ? " caches it for " : " cache it for ") + entry.getKey() + " s"));
    }
    String header =
        value == null ? "no `" + CorsChecks.ACMA + "`" : "`" + CorsChecks.ACMA + ": " + value + "`";
    String keyed =
        browsers.contains(Browser.FIREFOX)
            ? "; Firefox reuses an entry only for requests with the same credentials mode"
            : "";
    return header + ": " + String.join(", ", parts) + keyed;
  }
}
