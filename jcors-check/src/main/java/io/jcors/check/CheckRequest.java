package io.jcors.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a page would do: {@code fetch(url, {method, headers, credentials})} from a page whose origin
 * is {@code origin}. Validated when built, like the browser's {@code fetch()} validates its
 * arguments: what {@code fetch()} rejects with a {@code TypeError} is a usage error here.
 *
 * <pre>{@code
 * CheckRequest request =
 *     CheckRequest.builder("https://api.example.com/items", "https://app.example.com")
 *         .method("PUT")
 *         .header("Content-Type", "application/json")
 *         .credentials(true)
 *         .build();
 * assertEquals("PUT", request.method());
 * }</pre>
 */
public final class CheckRequest {
  private final WebUrl url;
  private final String origin;
  private final String method;
  private final List<Header> headers;
  private final boolean credentials;

  private CheckRequest(Builder builder, WebUrl url, List<Header> headers) {
    this.url = url;
    this.origin = builder.origin;
    this.method = builder.method;
    this.headers = List.copyOf(headers);
    this.credentials = builder.credentials;
  }

  /**
   * Starts a request for {@code url} from a page on {@code origin} ({@code scheme://host[:port]},
   * or {@code null} for sandboxed and {@code data:} pages).
   */
  public static Builder builder(String url, String origin) {
    return new Builder(url, origin);
  }

  /**
   * The URL the page fetches, as the URL standard parses and serializes it, without fragment:
   * {@code HTTP://Example.COM:80/a b} is {@code http://example.com/a%20b}.
   */
  public String url() {
    return url.withoutFragment();
  }

  WebUrl parsedUrl() {
    return url;
  }

  /** The page's origin, serialized: {@code https://app.example.com} or {@code null}. */
  public String origin() {
    return origin;
  }

  /** The method as the page writes it (the browser upper-cases only the six standard ones). */
  public String method() {
    return method;
  }

  /**
   * The request headers in the order the page set them, one entry per header set, each value
   * normalized as {@code fetch()} does (leading and trailing HTTP whitespace removed). Forbidden
   * request headers ({@code Cookie}, {@code Sec-*}, ...) are kept here: the browser drops them when
   * it builds the request, and the report says so as a warning.
   */
  public List<Header> headers() {
    return headers;
  }

  /** Whether the page passes {@code credentials: 'include'}. */
  public boolean credentials() {
    return credentials;
  }

  /** Collects the request; {@link #build()} checks it. Not thread-safe. */
  public static final class Builder {
    private final String url;
    private final String origin;
    private String method = "GET";
    private final List<Header> headers = new ArrayList<>();
    private final List<String> malformedLines = new ArrayList<>();
    private boolean credentials;

    private Builder(String url, String origin) {
      this.url = Objects.requireNonNull(url, "url");
      this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The method, as in {@code fetch(url, {method})}; {@code GET} when not called. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** Adds a request header, as in {@code fetch(url, {headers})}. */
    public Builder header(String name, String value) {
      headers.add(new Header(name, value));
      return this;
    }

    /**
     * Adds a request header written {@code Name: value}, as {@code jcors check --header} and curl's
     * {@code -H} take it; a line without a colon is reported by {@link #build()}.
     */
    public Builder headerLine(String line) {
      Objects.requireNonNull(line, "line");
      int colon = line.indexOf(':');
      if (colon <= 0) {
        malformedLines.add(line);
        return this;
      }
      Header header = Header.parse(line);
      return header(header.name(), header.value());
    }

    /** Adds request headers. */
    public Builder headers(List<Header> headers) {
      this.headers.addAll(headers);
      return this;
    }

    /** {@code true} for {@code credentials: 'include'} (cookies, HTTP authentication). */
    public Builder credentials(boolean credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Checks everything at once.
     *
     * @throws CheckException of kind {@link CheckException.Kind#USAGE} listing every problem, one
     *     per line
     */
    public CheckRequest build() throws CheckException {
      List<String> problems = new ArrayList<>();
      WebUrl parsedUrl = parseUrl(url, problems);
      checkOrigin(origin, problems);
      if (!HeaderLists.isToken(method)) {
        problems.add("method `" + method + "` is not an HTTP method name (a token like PUT)");
      } else if (Safelists.isForbiddenMethod(method)) {
        problems.add(
            "method `"
                + method
                + "` is forbidden: a page's fetch() cannot use CONNECT, TRACE or"
                + " TRACK");
      }
      for (String line : malformedLines) {
        problems.add("header `" + line + "` is not `Name: value` (for example `X-Token: abc`)");
      }
      List<Header> normalized = new ArrayList<>();
      for (Header header : headers) {
        String name = header.name();
        // Fetch "normalize": only HTTP whitespace (tab, LF, CR, space) is removed, not vertical
        // tab or form feed as String.strip() would.
        String value = Infra.stripHttpWhitespace(header.value());
        if (!HeaderLists.isToken(name)) {
          problems.add(
              "header name `" + name + "` is not a token (letters, digits, !#$%&'*+-.^_`|~)");
          continue;
        }
        if (!isHeaderValue(value)) {
          problems.add(
              "header `"
                  + name
                  + "` has a value with a line break, a NUL or a character above"
                  + " U+00FF; fetch() rejects it");
          continue;
        }
        normalized.add(new Header(name, value));
      }
      if (!problems.isEmpty()) {
        throw new CheckException(CheckException.Kind.USAGE, String.join("\n", problems));
      }
      return new CheckRequest(this, parsedUrl, normalized);
    }

    /**
     * Fetch "header value": no NUL, LF or CR inside; and a byte string (WebIDL ByteString), so no
     * character above U+00FF. Every other byte, controls included, a page may send.
     */
    private static boolean isHeaderValue(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == 0 || c == '\r' || c == '\n' || c > 0xFF) {
          return false;
        }
      }
      return true;
    }

    private static WebUrl parseUrl(String url, List<String> problems) {
      WebUrl parsed;
      try {
        parsed = WebUrl.parse(url);
      } catch (WebUrl.Invalid e) {
        problems.add("URL `" + url + "` is not a valid URL: " + e.getMessage());
        return null;
      }
      if (!parsed.isHttp()) {
        problems.add("URL `" + url + "` must be an absolute http:// or https:// URL");
        return null;
      }
      if (parsed.includesCredentials()) {
        // Fetch "Request" constructor: a URL that includes credentials is a TypeError. Only a
        // non-empty username or password counts (http://@host/ has none).
        problems.add(
            "URL `" + url + "` contains credentials (user:password@); fetch() refuses such URLs");
        return null;
      }
      return parsed;
    }

    private static void checkOrigin(String origin, List<String> problems) {
      if (origin.equals("null")) {
        return;
      }
      String serialized = WebUrl.serializeOrigin(origin);
      if (serialized == null) {
        problems.add(
            "origin `"
                + origin
                + "` is not an origin; write scheme://host[:port], e.g. https://app.example.com");
      } else if (!serialized.equals(origin)) {
        problems.add(
            "origin `"
                + origin
                + "` is not how a browser writes an origin; write `"
                + serialized
                + "` (lower case, no path or trailing slash, no default port)");
      }
    }
  }
}
