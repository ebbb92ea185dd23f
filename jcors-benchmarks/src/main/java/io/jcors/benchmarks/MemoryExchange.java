package io.jcors.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An {@link HttpExchange} of the JDK's HTTP server held in memory: the request as the server has
 * parsed it, response headers that {@link #reset()} clears between requests, and a status. What the
 * JDK filter needs of an exchange; anything else throws.
 */
final class MemoryExchange extends HttpExchange {
  private final String method;
  private final URI uri = URI.create(Fixture.PATH);
  private final Headers requestHeaders;
  private final Headers responseHeaders = new Headers();
  private int status;

  MemoryExchange(Fixture fixture) {
    this.method = fixture.method;
    Headers parsed = new Headers();
    for (String[] header : fixture.headers) {
      parsed.add(header[0], header[1]);
    }
    this.requestHeaders = asTheServerGivesThem(parsed);
  }

  /**
   * {@code parsed} as the server hands request headers to filters: wrapped in its read-only {@code
   * sun.net.httpserver.UnmodifiableHeaders}, whose views cost what the server's do. The package is
   * not exported: the benchmark's JVM is started with {@code --add-exports
   * jdk.httpserver/sun.net.httpserver=ALL-UNNAMED} ({@link AdapterBenchmark}'s {@code @Fork}).
   */
  private static Headers asTheServerGivesThem(Headers parsed) {
    try {
      return (Headers)
          Class.forName("sun.net.httpserver.UnmodifiableHeaders")
              .getConstructor(Headers.class)
              .newInstance(parsed);
    } catch (ReflectiveOperationException | IllegalAccessError e) {
      throw new IllegalStateException(
          "cannot make the server's request headers (run with --add-exports"
              + " jdk.httpserver/sun.net.httpserver=ALL-UNNAMED): "
              + e,
          e);
    }
  }

  /** Clears the response for the next request. */
  void reset() {
    responseHeaders.clear();
    status = 0;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public void sendResponseHeaders(int code, long length) {
    status = code;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public void close() {}

  @Override
  public HttpContext getHttpContext() {
    throw ServletRequestView.unsupported("getHttpContext");
  }

  @Override
  public InputStream getRequestBody() {
    throw ServletRequestView.unsupported("getRequestBody");
  }

  @Override
  public OutputStream getResponseBody() {
    throw ServletRequestView.unsupported("getResponseBody");
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    throw ServletRequestView.unsupported("getRemoteAddress");
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    throw ServletRequestView.unsupported("getLocalAddress");
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return null;
  }

  @Override
  public void setAttribute(String name, Object value) {
    throw ServletRequestView.unsupported("setAttribute");
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw ServletRequestView.unsupported("setStreams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }
}
