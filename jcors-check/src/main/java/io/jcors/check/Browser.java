package io.jcors.check;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A browser engine whose decision the check predicts. Engines agree on nearly everything the Fetch
 * standard says, and differ where docs/fetch-rules.md says so (the safelisted client hints of
 * Chromium, how {@code Access-Control-Max-Age} is read and capped, preflights after a redirect, how
 * leniently a malformed response is read, ...); the check runs the fetch once per engine.
 *
 * <pre>{@code
 * assertEquals("Chrome", Browser.CHROMIUM.displayName());
 * assertEquals("firefox", Browser.FIREFOX.json());
 * assertEquals(Optional.of(Browser.SAFARI), Browser.parse("safari"));
 * assertEquals("Firefox and Safari", Browser.names(Set.of(Browser.SAFARI, Browser.FIREFOX)));
 * }</pre>
 */
public enum Browser {
  /** Chromium, as in Chrome, Edge and Opera; checked against headless Chromium. */
  CHROMIUM("Chrome", "chromium"),
  /** Gecko, as in Firefox; checked against Firefox ESR. */
  FIREFOX("Firefox", "firefox"),
  /**
   * WebKit, as in Safari; checked against WebKitGTK, which shares WebKit's CORS code with Safari
   * but reads HTTP with libsoup where Safari uses CFNetwork.
   */
  SAFARI("Safari", "safari");

  private final String displayName;
  private final String json;

  Browser(String displayName, String json) {
    this.displayName = displayName;
    this.json = json;
  }

  /** The name people know the browser by: {@code Chrome}, {@code Firefox}, {@code Safari}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The name in JSON and on the command line: {@code chromium}, {@code firefox}, {@code safari}.
   */
  public String json() {
    return json;
  }

  /**
   * The engine named {@code name} ({@code chromium}, {@code firefox}, {@code safari}, any case;
   * also {@code chrome} and {@code webkit}), or empty.
   */
  public static Optional<Browser> parse(String name) {
    switch (Infra.asciiLowercase(name)) {
      case "chromium":
      case "chrome":
        return Optional.of(CHROMIUM);
      case "firefox":
        return Optional.of(FIREFOX);
      case "safari":
      case "webkit":
        return Optional.of(SAFARI);
      default:
        return Optional.empty();
    }
  }

  /** Every engine, in the order of this enum. */
  public static Set<Browser> all() {
    return EnumSet.allOf(Browser.class);
  }

  /**
   * The display names in enum order, joined for a sentence: {@code Chrome}, {@code Chrome and
   * Firefox}, {@code Chrome, Firefox and Safari}.
   */
  public static String names(Collection<Browser> browsers) {
    if (browsers.isEmpty()) {
      return "";
    }
    List<String> names = EnumSet.copyOf(browsers).stream().map(Browser::displayName).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
