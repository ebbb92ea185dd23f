package io.jcors.netty;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import io.jcors.RequestPath;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.util.Locale;

/**
 * One request of a connection, from the moment its head is read until its response has left: the
 * request as the core reads it, the decision made for it, and (when the handler answers it itself)
 * that answer. The one object the handler keeps for a request; it keeps these in the order the
 * requests arrived, which is the order HTTP/1.1 sends the responses in (RFC 9112 section 9.3.2).
 */
final class PendingRequest implements CorsRequest {
  private final HttpRequest request;

  /** The request's head, and its first content when it is a full request, until it is passed on. */
  Object message;

  /** What CORS decided; null while an origin or options function runs, or for no CORS at all. */
  CorsDecision decision;

  /** The handler's own response (a preflight's, or a 500), or null when the application answers. */
  FullHttpResponse answer;

  /** Whether the application's response head went out with the decision's headers. */
  boolean responseStarted;

  PendingRequest(HttpRequest request) {
    this.request = request;
    this.message = request;
  }

  /** Whether the connection stays open after the response (RFC 9112 section 9.3). */
  boolean keepAlive() {
    return HttpUtil.isKeepAlive(request);
  }

  HttpRequest request() {
    return request;
  }

  @Override
  public String method() {
    return request.method().name();
  }

  /**
   * The normal form of the request target's path ({@link RequestPath}), when an application reading
   * it as Netty's {@link QueryStringDecoder#path()} does sees the same path; otherwise null. Netty
   * routes nothing itself: the application reads the path, usually decoded by that class, which
   * leaves {@code ;} parameters, dot segments and empty segments in. An application may resolve
   * those or not, so a route chosen on the resolved path could differ from the one it serves: such
   * a path is ambiguous here and gets no CORS headers from routes.
   */
  @Override
  public String path() {
    String raw = rawPath();
    String normal = RequestPath.normalize(raw);
    if (normal == raw || normal == null) {
      return normal; // already normal (the usual case, nothing allocated), or ambiguous
    }
    return normal.equals(new QueryStringDecoder(raw).path()) ? normal : null;
  }

  /**
   * The request target as received, up to its query or fragment. Only an origin-form target ({@code
   * /path?query}) has a routing path; an absolute-form one ({@code http://host/path}, which
   * browsers send only to proxies, RFC 9112 section 3.2.2) is left whole, so {@link RequestPath}
   * refuses it: {@link QueryStringDecoder}, and with it most applications, would read it as no path
   * of theirs.
   */
  @Override
  public String rawPath() {
    String uri = request.uri();
    int n = uri.length();
    int end = 0;
    while (end < n && uri.charAt(end) != '?' && uri.charAt(end) != '#') {
      end++;
    }
    return end == n ? uri : uri.substring(0, end);
  }

  @Override
  public String header(String name) {
    return request.headers().get(nettyName(name));
  }

  /**
   * The names the core reads and writes ({@link CorsHeaders#NAMES}), in the same order, made as
   * Netty makes its own constants ({@code HttpHeaderNames}): a lower-case {@link AsciiString} whose
   * case-insensitive hash is computed once.
   */
  private static final CharSequence[] NETTY_NAMES =
      CorsHeaders.NAMES.stream()
          .map(name -> AsciiString.cached(name.toLowerCase(Locale.ROOT)))
          .toArray(CharSequence[]::new);

  /**
   * The form of a header name the core reads or writes whose hash is computed once; any other name
   * as it is. Netty hashes a {@code String} name on every lookup.
   */
  static CharSequence nettyName(String name) {
    int at = CorsHeaders.indexOf(name);
    return at < 0 ? name : NETTY_NAMES[at];
  }

  /**
   * Writes the decision on {@code headers}, the application's response headers or the handler's own
   * answer's: every header the response does not have already (a value the application set itself
   * stays), and the CORS names merged into the application's {@code Vary} lines.
   */
  void writeOn(HttpHeaders headers) {
    CorsDecision decided = decision;
    for (int i = 0, n = decided.headerCount(); i < n; i++) {
      CharSequence name = nettyName(decided.headerName(i));
      if (!headers.contains(name)) {
        headers.set(name, decided.headerValue(i, this));
      }
    }
    if (!decided.varyNames().isEmpty()) {
      String application = vary(headers);
      String merged = decided.varyWith(application);
      if (!merged.equals(application)) {
        headers.set(HttpHeaderNames.VARY, merged);
      }
    }
  }

  /** Every {@code Vary} line of {@code headers} joined with {@code ", "}, or null for none. */
  private static String vary(HttpHeaders headers) {
    String first = headers.get(HttpHeaderNames.VARY);
    if (first == null) {
      return null;
    }
    return CorsHeaders.joined(headers.getAll(HttpHeaderNames.VARY));
  }
}
