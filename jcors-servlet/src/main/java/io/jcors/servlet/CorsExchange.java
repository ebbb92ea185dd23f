package io.jcors.servlet;

import io.jcors.CorsOutcome;
import io.jcors.CorsRequest;
import io.jcors.CorsResponse;
import io.jcors.RequestPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * One request as the core sees it, the headers CORS wrote for it, and where an asynchronous
 * decision stands. Kept as a request attribute when a later dispatch of the same request can come
 * (the one that resumes after an origin function, the application's own async dispatch, or an error
 * page), so that dispatch finds it.
 */
final class CorsExchange implements CorsRequest, CorsResponse {
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /** Name, value, name, value, … of every header CORS set, to set again after a reset. */
  private String[] written = new String[12];

  private int writtenLength;

  private List<String> varyNames;
  private boolean keepingThroughErrors;
  private volatile boolean pending;
  private volatile CorsOutcome finalOutcome;
  private volatile Throwable failure;

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
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public void setHeader(String name, String value) {
    if (writtenLength == written.length) {
      written = Arrays.copyOf(written, writtenLength * 2);
    }
    written[writtenLength++] = name;
    written[writtenLength++] = value;
    response.setHeader(name, value);
  }

  @Override
  public void addVary(String name) {
    if (varyNames == null) {
      varyNames = new ArrayList<>(2);
    }
    varyNames.add(name);
    response.setHeader("Vary", CorsResponse.mergeVary(vary(response), name));
  }

  /**
   * The response for the application: {@code target} (the response of the current dispatch), or a
   * wrapper of it that keeps the CORS {@code Vary} names and headers when the application sets
   * {@code Vary} or resets the response.
   */
  HttpServletResponse forApplication(HttpServletResponse target) {
    return writtenLength == 0 && varyNames == null ? target : new Keeping(target);
  }

  /** Sets the CORS headers again on {@code target}, where a container may have dropped them. */
  void reapply(HttpServletResponse target) {
    if (target.isCommitted()) {
      return;
    }
    for (int i = 0; i < writtenLength; i += 2) {
      target.setHeader(written[i], written[i + 1]);
    }
    if (varyNames != null) {
      target.setHeader("Vary", withCorsNames(vary(target)));
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
    if (keepingThroughErrors || writtenLength == 0 && varyNames == null) {
      return;
    }
    keepingThroughErrors = true;
    JettyErrors.keep(request, this);
  }

  /**
   * Sets again every CORS header that {@code has} does not report, through {@code set}, and merges
   * the CORS names into {@code vary} (every Vary line as one value, or null), set through {@code
   * set} too; for a container's own header API.
   */
  void reapply(Predicate<String> has, BiConsumer<String, String> set, String vary) {
    for (int i = 0; i < writtenLength; i += 2) {
      if (!has.test(written[i])) {
        set.accept(written[i], written[i + 1]);
      }
    }
    if (varyNames != null) {
      set.accept("Vary", withCorsNames(vary));
    }
  }

  /** Marks the exchange as waiting for an origin or options function. */
  void suspend() {
    pending = true;
  }

  /** Records the result of the function; the dispatch that follows picks it up. */
  void complete(CorsOutcome outcome, Throwable error) {
    finalOutcome = outcome;
    failure = error;
  }

  /** Whether this dispatch is the one that resumes after the function (true once). */
  boolean resume() {
    if (!pending) {
      return false;
    }
    pending = false;
    return true;
  }

  CorsOutcome finalOutcome() {
    return finalOutcome;
  }

  Throwable failure() {
    return failure;
  }

  private String withCorsNames(String value) {
    String merged = value;
    for (String name : varyNames) {
      merged = CorsResponse.mergeVary(merged, name);
    }
    return merged;
  }

  /** Every Vary line of {@code target} as one value, or null. */
  private static String vary(HttpServletResponse target) {
    if (target.getHeader("Vary") == null) {
      return null; // the usual case, without the collection getHeaders builds
    }
    Collection<String> lines = target.getHeaders("Vary");
    return lines == null || lines.isEmpty() ? null : String.join(", ", lines);
  }

  /** {@code a} with every name of the list {@code b} merged in. */
  private static String merge(String a, String b) {
    String merged = a;
    if (b != null) {
      for (String name : b.split(",")) {
        if (!name.isBlank()) {
          merged = CorsResponse.mergeVary(merged, name.trim());
        }
      }
    }
    return merged;
  }

  /** The response the application writes to: Vary keeps the CORS names, a reset keeps CORS. */
  private final class Keeping extends HttpServletResponseWrapper {
    Keeping(HttpServletResponse target) {
      super(target);
    }

    @Override
    public void setHeader(String name, String value) {
      if (varyNames != null && "Vary".equalsIgnoreCase(name)) {
        super.setHeader("Vary", withCorsNames(merge(null, value)));
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (varyNames != null && "Vary".equalsIgnoreCase(name)) {
        super.setHeader("Vary", withCorsNames(merge(vary(this), value)));
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
