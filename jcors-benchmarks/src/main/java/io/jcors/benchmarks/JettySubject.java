package io.jcors.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Components;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Session;
import org.eclipse.jetty.server.TunnelSupport;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty 12's {@link CrossOriginHandler} wrapping a no-op handler, called through {@code
 * handle(request, response, callback)} with a minimal core {@link Request} (method and parsed
 * header fields) and {@link Response} (status and mutable header fields). Jetty takes origin
 * regexes; each exact origin is given as {@link Pattern#quote(String)}.
 */
final class JettySubject implements Subject {
  private final CrossOriginHandler handler = new CrossOriginHandler();
  private final MinimalRequest request;
  private final MinimalResponse response;

  JettySubject(Fixture fixture) throws Exception {
    Set<String> patterns = new LinkedHashSet<>();
    for (String origin : fixture.origins) {
      patterns.add(Pattern.quote(origin));
    }
    handler.setAllowedOriginPatterns(patterns);
    handler.setAllowedMethods(new HashSet<>(Fixture.METHODS));
    handler.setAllowedHeaders(new HashSet<>(Fixture.ALLOWED_HEADERS));
    handler.setExposedHeaders(new HashSet<>(Fixture.EXPOSED_HEADERS));
    handler.setAllowCredentials(true);
    handler.setPreflightMaxAge(Duration.ofSeconds(Fixture.MAX_AGE));
    handler.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            callback.succeeded();
            return true;
          }
        });
    handler.start();
    HttpFields.Mutable fields = HttpFields.build();
    for (String[] field : fixture.headers) {
      fields.add(field[0], field[1]);
    }
    this.request = new MinimalRequest(fixture.method, fields.asImmutable());
    this.response = new MinimalResponse(request);
  }

  @Override
  public Object handle() throws Exception {
    response.headers.clear();
    response.status = 200;
    return handler.handle(request, response, Callback.NOOP);
  }

  @Override
  public String responseHeader(String name) {
    return response.headers.get(name);
  }

  private static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(
        method + " is not part of the benchmark's Jetty request");
  }

  /** A request as Jetty's HTTP/1.1 parser hands it to handlers: method and header fields. */
  static final class MinimalRequest extends Attributes.Mapped implements Request {
    private final String method;
    private final HttpFields headers;
    private final HttpURI uri = HttpURI.from("http://" + Fixture.HOST + Fixture.PATH);

    MinimalRequest(String method, HttpFields headers) {
      this.method = method;
      this.headers = headers;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public HttpFields getHeaders() {
      return headers;
    }

    @Override
    public HttpURI getHttpURI() {
      return uri;
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getId() {
      return "1";
    }

    @Override
    public Components getComponents() {
      throw unsupported("getComponents");
    }

    @Override
    public ConnectionMetaData getConnectionMetaData() {
      throw unsupported("getConnectionMetaData");
    }

    @Override
    public Context getContext() {
      throw unsupported("getContext");
    }

    @Override
    public HttpFields getTrailers() {
      return null;
    }

    @Override
    public long getBeginNanoTime() {
      return 0;
    }

    @Override
    public long getHeadersNanoTime() {
      return 0;
    }

    @Override
    public Content.Chunk read() {
      return Content.Chunk.EOF;
    }

    @Override
    public boolean consumeAvailable() {
      return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public void fail(Throwable failure) {
      throw unsupported("fail");
    }

    @Override
    public void addIdleTimeoutListener(Predicate<TimeoutException> onIdleTimeout) {
      throw unsupported("addIdleTimeoutListener");
    }

    @Override
    public void addFailureListener(Consumer<Throwable> onFailure) {
      throw unsupported("addFailureListener");
    }

    @Override
    public TunnelSupport getTunnelSupport() {
      return null;
    }

    @Override
    public void addHttpStreamWrapper(Function<HttpStream, HttpStream> wrapper) {
      throw unsupported("addHttpStreamWrapper");
    }

    @Override
    public Session getSession(boolean create) {
      return null;
    }
  }

  /** A response before it is committed: status and mutable header fields. */
  static final class MinimalResponse implements Response {
    final HttpFields.Mutable headers = HttpFields.build();
    int status = 200;
    private final Request request;

    MinimalResponse(Request request) {
      this.request = request;
    }

    @Override
    public Request getRequest() {
      return request;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setStatus(int code) {
      status = code;
    }

    @Override
    public HttpFields.Mutable getHeaders() {
      return headers;
    }

    @Override
    public Supplier<HttpFields> getTrailersSupplier() {
      return null;
    }

    @Override
    public void setTrailersSupplier(Supplier<HttpFields> trailers) {
      throw unsupported("setTrailersSupplier");
    }

    @Override
    public boolean isCommitted() {
      return false;
    }

    @Override
    public boolean hasLastWrite() {
      return false;
    }

    @Override
    public boolean isCompletedSuccessfully() {
      return false;
    }

    @Override
    public void reset() {
      headers.clear();
      status = 200;
    }

    @Override
    public CompletableFuture<Void> writeInterim(int status, HttpFields headers) {
      throw unsupported("writeInterim");
    }

    @Override
    public void write(boolean last, ByteBuffer byteBuffer, Callback callback) {
      callback.succeeded();
    }
  }
}
