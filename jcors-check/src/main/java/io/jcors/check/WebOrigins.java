package io.jcors.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** HTML's origin of a URL and its serialization ({@code scheme://host[:port]}). */
final class WebOrigins {
  private WebOrigins() {}

  /** The serialized origin of an absolute http(s) URL, or null if it has none. */
  static String of(URI url) {
    String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (scheme == null || host == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return null;
    }
    int port = url.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /**
   * The serialization of the origin written as {@code text}, or null when {@code text} is not an
   * origin at all (not http(s), no host, a query, userinfo). A path of {@code /} is accepted so
   * that callers can point out the difference.
   */
  static String serialize(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || !(uri.getRawPath() == null
              || uri.getRawPath().isEmpty()
              || uri.getRawPath().equals("/"))) {
        return null;
      }
      return of(uri);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
