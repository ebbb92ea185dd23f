package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class CheckRequestTest {
  CheckRequestTest() {}

  private static CheckException usageError(CheckRequest.Builder builder) {
    CheckException e = catchThrowableOfType(CheckException.class, builder::build);
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(CheckException.Kind.USAGE);
    assertThat(e.exitCode()).isEqualTo(2);
    return e;
  }

  @Test
  void validRequest_keepsMethodAsWritten_andEachHeaderAsSet() throws CheckException {
    CheckRequest request =
        CheckRequest.builder("http://127.0.0.1:8080/items?x=1#frag", "https://app.example.com")
            .method("patch")
            .header("X-A", " 1 ")
            .header("x-a", "2")
            .credentials(true)
            .build();
    assertThat(request.url()).isEqualTo("http://127.0.0.1:8080/items?x=1");
    assertThat(request.method()).isEqualTo("patch");
    assertThat(request.headers()).containsExactly(new Header("X-A", "1"), new Header("x-a", "2"));
    assertThat(request.credentials()).isTrue();
  }

  @Test
  void originWithTrailingSlash_isAUsageError_withTheSerializedForm() {
    CheckException e =
        usageError(CheckRequest.builder("http://127.0.0.1:8080/", "https://App.example.com:443/"));
    assertThat(e.getMessage())
        .isEqualTo(
            "origin `https://App.example.com:443/` is not how a browser writes an origin; write"
                + " `https://app.example.com` (lower case, no path or trailing slash, no default"
                + " port)");
  }

  @Test
  void nullOrigin_isAccepted() throws CheckException {
    assertThat(CheckRequest.builder("http://127.0.0.1:8080/", "null").build().origin())
        .isEqualTo("null");
  }

  @Test
  void everyProblem_isListedAtOnce() {
    CheckException e =
        usageError(
            CheckRequest.builder("ftp://example.com/", "example.com")
                .method("TRACE")
                .header("Bad Name", "x")
                .header("X-Ok", "line\nbreak"));
    assertThat(e.getMessage().split("\n"))
        .containsExactly(
            "URL `ftp://example.com/` must be an absolute http:// or https:// URL",
            "origin `example.com` is not an origin; write scheme://host[:port], e.g."
                + " https://app.example.com",
            "method `TRACE` is forbidden: a page's fetch() cannot use CONNECT, TRACE or TRACK",
            "header name `Bad Name` is not a token (letters, digits, !#$%&'*+-.^_`|~)",
            "header `X-Ok` has a value with a line break, a NUL or a character above U+00FF;"
                + " fetch() rejects it");
  }

  @Test
  void headerLines_areParsed_andMalformedOnesReported() throws CheckException {
    assertThat(
            CheckRequest.builder("http://127.0.0.1/", "https://a.example")
                .headerLine("X-Token:  abc ")
                .build()
                .headers())
        .containsExactly(new Header("X-Token", "abc"));
    assertThat(
            usageError(
                    CheckRequest.builder("http://127.0.0.1/", "https://a.example")
                        .headerLine("X-Token abc"))
                .getMessage())
        .isEqualTo("header `X-Token abc` is not `Name: value` (for example `X-Token: abc`)");
  }

  @Test
  void urlWithCredentials_isAUsageError() {
    assertThat(
            usageError(CheckRequest.builder("http://u:p@127.0.0.1/", "https://a.example"))
                .getMessage())
        .contains("contains credentials");
  }

  @Test
  void headerParse_readsCurlStyleLines() {
    assertThat(Header.parse("X-Token:  abc ")).isEqualTo(new Header("X-Token", "abc"));
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Header.parse("nocolon")))
        .hasMessage("header `nocolon` is not `Name: value` (for example `X-Token: abc`)");
  }

  @Test
  void url_isParsedAsTheUrlStandardDoes() throws CheckException {
    // java.net.URI refused the space and the backslash, and kept the upper case and the port.
    assertThat(
            CheckRequest.builder(
                    "HTTP://API.Example.com:80\\items/a b?q=1 2#f", "https://a.example")
                .build()
                .url())
        .isEqualTo("http://api.example.com/items/a%20b?q=1%202");
    assertThat(CheckRequest.builder("http://0x7f.1:8080/", "https://a.example").build().url())
        .isEqualTo("http://127.0.0.1:8080/");
    // An empty username and password are no credentials: fetch() accepts the URL.
    assertThat(CheckRequest.builder("http://@127.0.0.1/", "https://a.example").build().url())
        .isEqualTo("http://127.0.0.1/");
    assertThat(usageError(CheckRequest.builder("http://[::1/", "https://a.example")).getMessage())
        .isEqualTo(
            "URL `http://[::1/` is not a valid URL: its IPv6 address `[::1` has no closing `]`");
  }

  @Test
  void headerValues_loseOnlyHttpWhitespace_andKeepControls() throws CheckException {
    CheckRequest request =
        CheckRequest.builder("http://127.0.0.1/", "https://a.example")
            .header("Content-Type", " \t\u000btext/plain\u000c\r\n")
            .header("X-A", "a\u0001b")
            .headerLine("X-B:\u000b1 ")
            .build();
    assertThat(request.headers())
        .containsExactly(
            new Header("Content-Type", "\u000btext/plain\u000c"),
            new Header("X-A", "a\u0001b"),
            new Header("X-B", "\u000b1"));
  }

  @Test
  void forbiddenHeaders_areNoUsageError() throws CheckException {
    // The browser drops them and goes on; the report warns (F29).
    assertThat(
            CheckRequest.builder("http://127.0.0.1/", "https://a.example")
                .header("Cookie", "a=b")
                .header("Sec-Fetch-Mode", "cors")
                .build()
                .headers())
        .hasSize(2);
  }
}
