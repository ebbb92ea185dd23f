package io.jcors.servlet;

import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a jcors policy in a Jakarta Servlet 6 container: {@code app.use(cors())} when mapped to
 * {@code /*}, {@code app.get('/products/:id', cors(), …)} when mapped to one path.
 *
 * <pre>{@code
 * CorsFilter cors =
 *     new CorsFilter(
 *         CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
 * cors.addTo(servletContext, "/*");
 * }</pre>
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus} and {@code Content-Length: 0},
 * unless {@code preflightContinue} passes them on; every other request reaches the application with
 * its CORS headers set. A {@code Vary} header the application sets keeps the names CORS needs, and
 * so does a {@code reset()}; error responses ({@code sendError}, exceptions, error pages) keep the
 * CORS headers and {@code Vary}. Routes ({@link CorsPolicy#routes()}) and options functions see the
 * path the container dispatched on, the servlet path plus the path info; a request URI that cannot
 * be normalised without ambiguity ({@link io.jcors.RequestPath}) gets no CORS headers from them.
 *
 * <p><b>Mapping.</b> Map the filter for the {@code REQUEST}, {@code ASYNC} and {@code ERROR}
 * dispatcher types and mark it {@code asyncSupported}, as {@link #addTo(ServletContext, String...)}
 * does: when an origin or options function has not completed yet, the filter starts async
 * processing, frees the request thread, and continues in an {@code ASYNC} dispatch of the same
 * request once the function completes. The filters after this one and the servlet see that dispatch
 * as the first it is, {@code getDispatcherType()} {@code REQUEST}, so a filter that skips {@code
 * ASYNC} dispatches (an authentication filter) still runs; the application's own async dispatches
 * and error dispatches keep their types. A function that fails ends as the container's 500 error
 * response. The servlet itself need not be {@code asyncSupported}. When the request does not
 * support async at this filter (a filter before it is not {@code asyncSupported}), the request
 * thread waits, at most 30 seconds, and a warning says so once.
 *
 * <p><b>web.xml.</b> The no-argument constructor reads the filter's init-params: the Express option
 * names ({@code origin}, {@code methods}, {@code allowedHeaders}, {@code exposedHeaders}, {@code
 * credentials}, {@code maxAge}, {@code preflightContinue}, {@code optionsSuccessStatus}, {@code
 * strict}, {@code debug}) with the values of a config file written as text ({@code
 * https://a.example, /\.example\.org$/}, {@code true}, {@code GET,POST}), and routes as flat keys
 * ({@code routes[0].path}, {@code routes[0].cors.origin}); or {@code config}, a config file in
 * JSON, YAML or properties: {@code classpath:cors.yaml} (a resource of the application, in its jar
 * or {@code WEB-INF/classes}), a file path, or a resource of the web application ({@code
 * /WEB-INF/cors.json}). Both are read by {@link io.jcors.config.ConfigReader}. An invalid
 * configuration fails {@link #init} with every problem listed, each at its key or its line and
 * column.
 *
 * <p><b>Origins from a database.</b> A config file may read the allowed origins from a database,
 * {@code "origin": {"jdbc": {"url": ..., "query": ..., "refreshSeconds": 30}}}, when {@code
 * io.jcors:jcors-jdbc} and the JDBC driver are in the web application: the source is found with
 * {@link java.util.ServiceLoader} by its key. The list loads in {@link #init}, refreshes in the
 * background, and stops refreshing in {@link #destroy}.
 */
public final class CorsFilter implements Filter {
  private static final System.Logger LOG = System.getLogger("io.jcors.servlet");
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final long BLOCKING_WAIT_SECONDS = 30;

  private final String attribute = CorsFilter.class.getName() + "." + INSTANCES.incrementAndGet();
  private volatile CorsPolicy policy;
  private volatile InitParams.Configured configured; // what init opened, closed by destroy
  private volatile boolean warnedBlocking;

  /** A filter applying {@code policy}. */
  public CorsFilter(CorsPolicy policy) {
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
  }

  /** A filter applying {@code options} on every path it is mapped to. */
  public CorsFilter(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  /** A filter configured by its init-params in {@code web.xml}, read by {@link #init}. */
  public CorsFilter() {
    this.policy = null;
  }

  /**
   * Reads the init-params when the filter was made with the no-argument constructor.
   *
   * @throws ServletException listing every problem of the configuration
   */
  @Override
  public void init(FilterConfig config) throws ServletException {
    if (policy == null) {
      InitParams.Configured read = InitParams.policy(config);
      configured = read;
      policy = read.policy;
    }
  }

  /**
   * Stops what {@link #init} started for a config file: the background refresh of origins read from
   * a database. A filter made with a policy has nothing to stop.
   */
  @Override
  public void destroy() {
    InitParams.Configured read = configured;
    configured = null;
    if (read != null) {
      try {
        read.stop();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "CORS: cannot stop the origin sources: " + e, e);
      }
    }
  }

  /**
   * Registers this filter on {@code urlPatterns} of {@code context} for the REQUEST, ASYNC and
   * ERROR dispatches, with async support; call it while the context starts (a {@code
   * ServletContainerInitializer} or {@code ServletContextListener}).
   */
  public FilterRegistration.Dynamic addTo(ServletContext context, String... urlPatterns) {
    FilterRegistration.Dynamic registration =
        context.addFilter("jcors:" + String.join(",", urlPatterns) + ":" + attribute, this);
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
        false,
        urlPatterns);
    return registration;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    CorsPolicy current = policy;
    if (current == null) {
      throw new ServletException("CORS filter used before init(): call init or pass a policy");
    }
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      Object seen = request.getAttribute(attribute);
      if (seen instanceof CorsExchange) {
        again((CorsExchange) seen, request, response, chain);
      } else {
        chain.doFilter(request, response); // an error page or include of a request CORS never saw
      }
      return;
    }
    CorsExchange exchange = new CorsExchange(request, response);
    CorsDecision now = current.decideNow(exchange);
    if (now == null) {
      CompletableFuture<CorsDecision> decided = current.decide(exchange).toCompletableFuture();
      if (!decided.isDone()) {
        request.setAttribute(attribute, exchange);
        suspend(decided, exchange, request, response, chain);
        return;
      }
      now = completed(decided); // the function answered at once: go on in this dispatch
    }
    boolean completed = false;
    try {
      proceed(now, exchange, request, response, chain);
      completed = true;
    } finally {
      // A later dispatch of this request (an error page, or the application's own async dispatch)
      // must find the exchange to keep the CORS headers. Most requests have none, and a request
      // attribute costs a map per request on some containers, so it is set only when one can come.
      if (!completed || request.isAsyncStarted() || response.getStatus() >= 400) {
        request.setAttribute(attribute, exchange);
      }
    }
  }

  /** A later dispatch of a request this filter has seen: resume, or keep the headers. */
  private void again(
      CorsExchange exchange,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    DispatcherType type = request.getDispatcherType();
    CompletableFuture<CorsDecision> decided =
        type == DispatcherType.ASYNC ? exchange.resume() : null;
    if (decided != null) {
      FirstDispatch first = new FirstDispatch(request);
      try {
        proceed(completed(decided), exchange, first, response, chain);
      } finally {
        first.end();
      }
      return;
    }
    if (type == DispatcherType.ERROR) {
      exchange.reapply(response); // some containers drop headers before the error page
    }
    toApplication(exchange, request, response, chain);
  }

  /** The decision of a completed stage; its failure (a CorsResolutionException) as a 500. */
  private static CorsDecision completed(CompletableFuture<CorsDecision> decided)
      throws ServletException {
    if (decided.isCompletedExceptionally()) {
      Throwable failure = decided.handle((d, error) -> error).join();
      throw new ServletException("CORS: " + failure.getMessage(), failure);
    }
    return decided.join();
  }

  /** Applies a decision: answer the preflight, or pass the request on with CORS. */
  private static void proceed(
      CorsDecision decision,
      CorsExchange exchange,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    exchange.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      response.setStatus(decision.status());
      response.setContentLength(0);
      response.flushBuffer();
      return;
    }
    toApplication(exchange, request, response, chain);
  }

  /**
   * The rest of the chain; an exception becomes the container's error response, which keeps CORS.
   */
  private static void toApplication(
      CorsExchange exchange,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, exchange.forApplication(response));
    } catch (Throwable e) {
      exchange.keepThroughErrors();
      throw e;
    }
  }

  /** Waits for the function without holding the request thread, when the request allows it. */
  private void suspend(
      CompletableFuture<CorsDecision> decided,
      CorsExchange exchange,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    if (!request.isAsyncSupported()) {
      waitFor(decided);
      proceed(completed(decided), exchange, request, response, chain);
      return;
    }
    exchange.suspend(decided);
    AsyncContext async = request.startAsync();
    decided.whenComplete(
        (decision, error) -> {
          try {
            async.dispatch(); // the container calls doFilter again, in an ASYNC dispatch
          } catch (IllegalStateException e) {
            LOG.log(
                System.Logger.Level.WARNING,
                "CORS: the origin or options function completed after the request ended"
                    + " (async timeout?): "
                    + e.getMessage());
          }
        });
  }

  /**
   * The request this filter resumed, as the rest of the chain must see it: its first dispatch, not
   * an {@code ASYNC} one. Filters that skip {@code ASYNC} dispatches because they ran on the first
   * (Spring's {@code OncePerRequestFilter}, Spring Security's authentication) have not run yet; to
   * them the container's {@code ASYNC} type would mean "done before", they would skip it, and an
   * authenticated request would be answered 401. Only while this dispatch lasts: when the
   * application starts async itself with this request ({@code startAsync(request, response)}, as
   * Spring's {@code Callable} and {@code DeferredResult} do), its own later dispatch is {@code
   * ASYNC} again, and an error dispatch is {@code ERROR}.
   */
  private static final class FirstDispatch extends HttpServletRequestWrapper {
    private volatile boolean during = true;

    FirstDispatch(HttpServletRequest request) {
      super(request);
    }

    void end() {
      during = false;
    }

    @Override
    public DispatcherType getDispatcherType() {
      return during ? DispatcherType.REQUEST : super.getDispatcherType();
    }
  }

  /** Blocks this thread until {@code decided} completes, at most 30 seconds. */
  private void waitFor(CompletableFuture<CorsDecision> decided) throws ServletException {
    if (!warnedBlocking) {
      warnedBlocking = true;
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS: a request thread waits for the origin or options function, because the request"
              + " does not support async. Mark this filter, the filters before it and the servlet"
              + " asyncSupported to free the thread.");
    }
    try {
      decided.get(BLOCKING_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return; // proceed() reports the failure
    } catch (TimeoutException e) {
      throw new ServletException(
          "CORS: the origin or options function did not complete in "
              + BLOCKING_WAIT_SECONDS
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("CORS: interrupted while waiting for the origin function", e);
    }
  }
}
