package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL standard's parser for http(s), case by case where it and {@link java.net.URI} part ways,
 * and against a naive reference ({@link URI}) on the URLs where both must agree.
 */
class WebUrlTest {
  WebUrlTest() {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example.com|http://example.com/",
        "HTTP://EXAMPLE.COM:80/a b?c d#e f|http://example.com/a%20b?c%20d",
        "https://example.com:443/|https://example.com/",
        "http://example.com:8080|http://example.com:8080/",
        "http:example.com/x|http://example.com/x",
        "http:////example.com/x|http://example.com/x",
        "http://0x7f.1/|http://127.0.0.1/",
        "http://127.1/|http://127.0.0.1/",
        "http://0177.0.0.1/|http://127.0.0.1/",
        "http://4294967295/|http://255.255.255.255/",
        "http://[::1]:8080/|http://[::1]:8080/",
        "http://[0:0:0:0:0:0:0:1]/|http://[::1]/",
        "http://[1:0:0:2::3:0]/|http://[1::2:0:0:3:0]/",
        "http://[::ffff:192.168.0.1]/|http://[::ffff:c0a8:1]/",
        "http://@example.com/|http://example.com/",
        "http://:@example.com/|http://example.com/",
        "http://a@b@example.com/|http://a%40b@example.com/",
        "http://example.com:/|http://example.com/",
        "http://example.com/a/./b/../c|http://example.com/a/c",
        "http://example.com/a/%2e%2E/c|http://example.com/c",
        "http://example.com/a/..|http://example.com/",
        "http://example.com/?q='x'|http://example.com/?q=%27x%27",
        "http://example.com/é|http://example.com/%C3%A9",
        "http://EXAMPLE.com./|http://example.com./",
        "http://%65xample.com/|http://example.com/",
        "http://ÉXAMPLE.com/|http://xn--xample-9ua.com/",
      })
  void parsesAsTheUrlStandard(String input, String serialized) throws WebUrl.Invalid {
    assertThat(WebUrl.parse(input).withoutFragment()).isEqualTo(serialized);
  }

  @Test
  void tabsNewlinesBackslashesAndThePathSet() throws WebUrl.Invalid {
    assertThat(WebUrl.parse(" http://ex\tample.com/\n ").withoutFragment())
        .isEqualTo("http://example.com/");
    assertThat(WebUrl.parse("http:\\\\example.com\\a\\b").withoutFragment())
        .isEqualTo("http://example.com/a/b");
    assertThat(WebUrl.parse("http://example.com/{}|^`").withoutFragment())
        .isEqualTo("http://example.com/%7B%7D|^%60");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://4294967296/|its host `4294967296` is an IPv4 address out of range",
        "http://1.2.3.4.5/|its host `1.2.3.4.5` has more than four IPv4 parts",
        "http://1.2.3.09/|its host `1.2.3.09` is not a valid IPv4 address",
        "http://[::1/|its IPv6 address `[::1` has no closing `]`",
        "http://[::1::2]/|its host `[::1::2]` is not a valid IPv6 address",
        "http://exa mple.com/|its host `exa mple.com` contains ` `",
        "http://example.com:99999/|its port 99999 is above 65535",
        "http://example.com:8o/|its port `8o` is not a number",
        "http://user@/|it has credentials (user@) but no host after them",
        "http:///|it has no host",
        "example.com|it is not an absolute URL (scheme://host/path) and has no base",
      })
  void rejectsWhatTheUrlStandardRejects(String input, String reason) {
    WebUrl.Invalid e = catchThrowableOfType(WebUrl.Invalid.class, () -> WebUrl.parse(input));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo(reason);
  }

  @Test
  void credentials_areANonEmptyUsernameOrPassword() throws WebUrl.Invalid {
    assertThat(WebUrl.parse("http://u@example.com/").includesCredentials()).isTrue();
    assertThat(WebUrl.parse("http://:p@example.com/").includesCredentials()).isTrue();
    assertThat(WebUrl.parse("http://@example.com/").includesCredentials()).isFalse();
    assertThat(WebUrl.parse("http://:@example.com/").includesCredentials()).isFalse();
    // java.net.URI sees user information in both of the last two.
    assertThat(URI.create("http://@example.com/").getRawUserInfo()).isNotNull();
  }

  @Test
  void otherSchemes_areRecognisedButNotHttp() throws WebUrl.Invalid {
    assertThat(WebUrl.parse("ftp://example.com/").isHttp()).isFalse();
    assertThat(WebUrl.parse("data:,x").scheme()).isEqualTo("data");
    assertThat(WebUrl.parse("HTTPS://example.com/").scheme()).isEqualTo("https");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://a.example/b/c?d||http://a.example/b/c?d",
        "http://a.example/b/c?d|x|http://a.example/b/x",
        "http://a.example/b/c?d|/x|http://a.example/x",
        "http://a.example/b/c?d|//other.example/x|http://other.example/x",
        "http://a.example/b/c?d|?q|http://a.example/b/c?q",
        "http://a.example/b/c?d|#f|http://a.example/b/c?d",
        "http://a.example/b/c?d|http:x|http://a.example/b/x",
        "http://a.example/b/c?d|https:x|https://x/",
        "http://a.example/b/c?d|http:/x.example/y|http://a.example/x.example/y",
        "http://a.example/b/c?d|../../../x|http://a.example/x",
        "http://a.example:8080/b|HTTP://A.EXAMPLE:8080/c|http://a.example:8080/c",
      })
  void resolvesAgainstABase(String base, String input, String resolved) throws WebUrl.Invalid {
    String location = input == null ? "" : input;
    assertThat(WebUrl.parse(location, WebUrl.parse(base), true).withoutFragment())
        .isEqualTo(resolved);
  }

  @Test
  void backslashesInARelativeUrl_areSlashes() throws WebUrl.Invalid {
    WebUrl base = WebUrl.parse("http://a.example/b/c?d");
    assertThat(WebUrl.parse("\\\\other.example\\x", base, true).withoutFragment())
        .isEqualTo("http://other.example/x");
  }

  @Test
  void headerValueBytes_arePercentEncodedAsThey() throws WebUrl.Invalid {
    // A Location header is bytes: 0xE9 is %E9, not the UTF-8 of U+00E9 (Chromium and Firefox).
    WebUrl base = WebUrl.parse("http://a.example/");
    assertThat(WebUrl.parse("/\u00e9", base, true).requestTarget()).isEqualTo("/%E9");
    assertThat(WebUrl.parse("/\u00c3\u00a9", base, true).requestTarget()).isEqualTo("/%C3%A9");
    assertThat(WebUrl.parse("/\u00e9", base, false).requestTarget()).isEqualTo("/%C3%A9");
  }

  @Test
  void originHostHeaderAndTarget() throws WebUrl.Invalid {
    WebUrl url = WebUrl.parse("https://Example.com:8443/a?b#c");
    assertThat(url.origin()).isEqualTo("https://example.com:8443");
    assertThat(url.hostHeader()).isEqualTo("example.com:8443");
    assertThat(url.requestTarget()).isEqualTo("/a?b");
    assertThat(url.effectivePort()).isEqualTo(8443);
    assertThat(WebUrl.parse("https://example.com/").effectivePort()).isEqualTo(443);
    assertThat(WebUrl.serializeOrigin("https://App.example.com:443/"))
        .isEqualTo("https://app.example.com");
    assertThat(WebUrl.serializeOrigin("https://app.example.com/x")).isNull();
    assertThat(WebUrl.serializeOrigin("null")).isNull();
  }

  /**
   * Random URLs in the part of the syntax where RFC 3986 and the URL standard agree (lower-case
   * ASCII host names, explicit non-default ports, unreserved path and query characters): the naive
   * reference {@link URI} and the parser must read the same host, port, path and query.
   */
  @Test
  void agreesWithUri_whereBothApply() throws Exception {
    Random random = new Random(19);
    String unreserved = "abcdefghijklmnopqrstuvwxyz0123456789-._~";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder host = new StringBuilder();
      int labels = 1 + random.nextInt(3);
      for (int l = 0; l < labels; l++) {
        host.append(l == 0 ? "" : ".");
        host.append((char) ('a' + random.nextInt(26)));
        for (int c = random.nextInt(6); c > 0; c--) {
          host.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
      }
      String scheme = random.nextBoolean() ? "http" : "https";
      int port = 1 + random.nextInt(65535);
      String portText = port == 80 || port == 443 ? "" : ":" + port;
      StringBuilder path = new StringBuilder();
      for (int s = random.nextInt(4); s > 0; s--) {
        path.append('/');
        for (int c = random.nextInt(5); c > 0; c--) {
          char ch = unreserved.charAt(random.nextInt(unreserved.length()));
          path.append(ch == '.' ? 'd' : ch); // dot segments are where the two differ
        }
      }
      String query = random.nextBoolean() ? "" : "?q" + random.nextInt(1000);
      String input = scheme + "://" + host + portText + path + query;

      URI uri = new URI(input);
      WebUrl url = WebUrl.parse(input);
      assertThat(url.host()).as(input).isEqualTo(uri.getHost());
      assertThat(url.port()).as(input).isEqualTo(uri.getPort());
      String uriPath = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      assertThat(url.requestTarget())
          .as(input)
          .isEqualTo(uriPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
  }

  /**
   * Any input ends in a URL or in {@link WebUrl.Invalid}, and a serialized URL parses to itself.
   */
  @Test
  void arbitraryInput_neverThrowsAnythingElse_andSerializationIsStable() {
    Random random = new Random(1919);
    String alphabet = "htps:/\\@.[]%0123456789abcxX?#:;=&'\"<>{}|^` \t\u0000\u00e9\u4e00-";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder input = new StringBuilder(random.nextBoolean() ? "http://" : "");
      for (int c = random.nextInt(24); c > 0; c--) {
        input.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        WebUrl url = WebUrl.parse(input.toString());
        if (url.isHttp()) {
          String serialized = url.toString();
          assertThat(WebUrl.parse(serialized).toString())
              .as(input.toString())
              .isEqualTo(serialized);
        }
      } catch (WebUrl.Invalid e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
