package io.jcors.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import javax.net.ssl.SSLSession;

/**
 * An exchange that passes everything to the server's own exchange and runs a hook just before the
 * response headers are sent: the one place where a filter of this server can still change them
 * after the handler has run. The CORS filter uses it to keep its headers and {@code Vary}; a filter
 * that records what is sent can use it too.
 *
 * <pre>{@code
 * HttpExchange forApplication =
 *     ForwardingExchange.beforeSend(
 *         exchange, (sent, status, length) -> sent.getResponseHeaders().set("X-Seen", "yes"));
 * }</pre>
 *
 * <p>The exchange given to the handler is an {@link HttpsExchange} exactly when the server's is.
 */
public final class ForwardingExchange {
  /** What runs before the response headers are sent. */
  @FunctionalInterface
  public interface BeforeSend {
    /**
     * Called once {@code sendResponseHeaders(status, length)} is called on {@code exchange} (the
     * server's own exchange), before the headers leave.
     */
    void run(HttpExchange exchange, int status, long length) throws IOException;
  }

  private ForwardingExchange() {}

  /** {@code exchange}, with {@code hook} run before its response headers are sent. */
  public static HttpExchange beforeSend(HttpExchange exchange, BeforeSend hook) {
    Objects.requireNonNull(hook, "hook");
    Plain plain = new Plain(Objects.requireNonNull(exchange, "exchange"), hook);
    return exchange instanceof HttpsExchange ? new Tls((HttpsExchange) exchange, plain) : plain;
  }

  private static final class Plain extends HttpExchange {
    private final HttpExchange delegate;
    private final BeforeSend hook;

    Plain(HttpExchange delegate, BeforeSend hook) {
      this.delegate = delegate;
      this.hook = hook;
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
      hook.run(delegate, status, length);
      delegate.sendResponseHeaders(status, length);
    }

    @Override
    public Headers getRequestHeaders() {
      return delegate.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
      return delegate.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
      return delegate.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
      return delegate.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
      return delegate.getHttpContext();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public InputStream getRequestBody() {
      return delegate.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
      return delegate.getResponseBody();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return delegate.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
      return delegate.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return delegate.getLocalAddress();
    }

    @Override
    public String getProtocol() {
      return delegate.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
      return delegate.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      delegate.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
      delegate.setStreams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return delegate.getPrincipal();
    }
  }

  /**
   * The same for HTTPS, which handlers may ask for their TLS session. Java has one superclass per
   * class, so this one cannot extend {@link Plain}: it hands every call to one.
   */
  private static final class Tls extends HttpsExchange {
    private final HttpsExchange tls;
    private final HttpExchange plain;

    Tls(HttpsExchange tls, Plain plain) {
      this.tls = tls;
      this.plain = plain;
    }

    @Override
    public SSLSession getSSLSession() {
      return tls.getSSLSession();
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
      plain.sendResponseHeaders(status, length);
    }

    @Override
    public Headers getRequestHeaders() {
      return plain.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
      return plain.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
      return plain.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
      return plain.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
      return plain.getHttpContext();
    }

    @Override
    public void close() {
      plain.close();
    }

    @Override
    public InputStream getRequestBody() {
      return plain.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
      return plain.getResponseBody();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return plain.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
      return plain.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return plain.getLocalAddress();
    }

    @Override
    public String getProtocol() {
      return plain.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
      return plain.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      plain.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
      plain.setStreams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return plain.getPrincipal();
    }
  }
}
