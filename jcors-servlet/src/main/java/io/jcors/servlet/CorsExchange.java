package io.jcors.servlet;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.RequestPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One request as the core reads it, the CORS headers kept on its response, and the decision it
 * waits for. Kept as a request attribute when a later dispatch of the same request can come (the
 * one that resumes after an origin function, the application's own async dispatch, or an error
 * page), so that dispatch finds it.
 */
final class CorsExchange extends io.jcors.CorsExchange { // the core's, for this container
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private boolean keepingThroughErrors;
  private volatile CompletableFuture<CorsDecision> pending;

  CorsExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  /**
   * The path the container dispatched on, inside the web application: the servlet path and the path
   * info, which the container has decoded, stripped of {@code ;} parameters and resolved. Null when
   * the request URI as received is ambiguous ({@link RequestPath}): a container set to accept an
   * encoded {@code /} or invalid UTF-8 may read it otherwise than the application does.
   */
  @Override
  public String path() {
    if (RequestPath.normalize(request.getRequestURI()) == null) {
      return null;
    }
    String servletPath = request.getServletPath();
    String info = request.getPathInfo();
    String path = info == null ? servletPath : servletPath + info;
    return path.isEmpty() ? "/" : path;
  }

  @Override
  public String rawPath() {
    return request.getRequestURI();
  }

  @Override
  protected String requestHeader(String name) {
    return request.getHeader(name);
  }

  @Override
  public String get(String name) {
    return joined(response, name);
  }

  @Override
  public void set(String name, String value) {
    response.setHeader(name, value);
  }

  /** Whether the decision made writes anything to keep. */
  private boolean keeps() {
    return decision() != null && !decision().isEmpty();
  }

  /**
   * The response for the application: {@code target} (the response of the current dispatch), or a
   * wrapper of it that keeps the CORS headers and {@code Vary} names when the application sets
   * {@code Vary}, resets the response or sends an error.
   */
  HttpServletResponse forApplication(HttpServletResponse target) {
    return keeps() ? new Keeping(target) : target;
  }

  /** Puts the CORS headers back on {@code target}, where a container may have dropped them. */
  void reapply(HttpServletResponse target) {
    if (decision() != null && !target.isCommitted()) {
      decision().restoreOn(this, target == response ? this : new Target(target));
    }
  }

  /**
   * The application sent an error or threw: the container now makes its error response, after every
   * filter has returned. Jetty 12 first removes the content headers, {@code Vary} among them
   * ({@code ServletContextResponse.resetContent()}), and unless an error page is dispatched no
   * filter runs again; there the CORS headers are put back just before the response is committed.
   * Tomcat keeps the headers; an error page's ERROR dispatch sets them again ({@link #reapply}).
   */
  void keepThroughErrors() {
    if (keepingThroughErrors || !keeps()) {
      return;
    }
    keepingThroughErrors = true;
    JettyErrors.keep(request, decision(), this);
  }

  /** Marks the exchange as waiting for {@code decision}, which the resuming dispatch takes. */
  void suspend(CompletableFuture<CorsDecision> decision) {
    pending = decision;
  }

  /** The decision this dispatch resumes with, once (null for any other dispatch). */
  CompletableFuture<CorsDecision> resume() {
    CompletableFuture<CorsDecision> decision = pending;
    pending = null;
    return decision;
  }

  /** Every line of the header {@code name} of {@code target}, joined, or null. */
  private static String joined(HttpServletResponse target, String name) {
    if (target.getHeader(name) == null) {
      return null; // the usual case, without the collection getHeaders builds
    }
    return CorsHeaders.joined(target.getHeaders(name));
  }

  /** The headers of a response other than the one the request came with. */
  private static final class Target implements CorsHeaders {
    private final HttpServletResponse target;

    Target(HttpServletResponse target) {
      this.target = target;
    }

    @Override
    public String get(String name) {
      return joined(target, name);
    }

    @Override
    public void set(String name, String value) {
      target.setHeader(name, value);
    }
  }

  /** The response the application writes to: Vary keeps the CORS names, a reset keeps CORS. */
  private final class Keeping extends HttpServletResponseWrapper {
    Keeping(HttpServletResponse target) {
      super(target);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Vary".equalsIgnoreCase(name) ? decision().varyWith(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Vary".equalsIgnoreCase(name)) {
        String existing = joined(this, "Vary");
        super.setHeader(
            "Vary", decision().varyWith(existing == null ? value : existing + ", " + value));
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void reset() {
      super.reset();
      reapply((HttpServletResponse) getResponse());
    }

    @Override
    public void sendError(int status) throws IOException {
      keepThroughErrors();
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      keepThroughErrors();
      super.sendError(status, message);
    }
  }
}
