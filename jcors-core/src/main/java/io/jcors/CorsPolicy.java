package io.jcors;

import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_REQUEST_METHOD;
import static io.jcors.internal.HeaderNames.ORIGIN;

import io.jcors.internal.PathPattern;
import io.jcors.internal.RouteIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * What a server adapter applies to each request: one set of options for every path ({@code
 * app.use(cors(options))}), options computed per request ({@code cors(function (req, cb))}), or
 * routes, each with its own policy (the first route whose path matches wins). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * CorsPolicy policy =
 *     CorsPolicy.builder()
 *         .route(
 *             "/api/**",
 *             CorsOptions.builder().origin(Origins.of("https://app.example.com")).credentials(true).build())
 *         .route("/public/**", CorsOptions.defaults())
 *         .route("/internal/**", CorsPolicy.disabled())
 *         .build();
 * }</pre>
 */
public final class CorsPolicy {
  private static final System.Logger LOG = System.getLogger("io.jcors");
  private static final CorsPolicy DISABLED = new CorsPolicy(new Disabled());
  private static final CorsPolicy DEFAULTS = of(CorsOptions.defaults());

  private final Handler handler;

  private CorsPolicy(Handler handler) {
    this.handler = handler;
  }

  /** Express's {@code cors()}: any origin, the default methods, reflected request headers. */
  public static CorsPolicy defaults() {
    return DEFAULTS;
  }

  /** The same options for every request: {@code cors(options)}. */
  public static CorsPolicy of(CorsOptions options) {
    return new CorsPolicy(new Static(Objects.requireNonNull(options, "options")));
  }

  /**
   * Options computed per request, possibly later: {@code cors(function (req, callback))}. The
   * function is not called for a request whose path cannot be normalised without ambiguity ({@link
   * CorsRequest#path()} is null): such a request gets no CORS headers.
   */
  public static CorsPolicy of(OptionsResolver resolver) {
    return new CorsPolicy(new Dynamic(Objects.requireNonNull(resolver, "resolver")));
  }

  /** No CORS: requests go on untouched, with no CORS headers. */
  public static CorsPolicy disabled() {
    return DISABLED;
  }

  /** A builder of per-path policies: {@link Route}s, tried in order. */
  public static Routes builder() {
    return new Routes();
  }

  /**
   * The routes of this policy, in the order they are tried: those of {@link #builder()}, or one
   * route {@code /**} for a policy that applies to every path ({@link #of(CorsOptions)}, {@link
   * #of(OptionsResolver)}, {@link #defaults()}); none for {@link #disabled()}. A {@link
   * #reloadable(CorsPolicy)} policy lists those of the policy current now.
   */
  public List<Route> routes() {
    return handler.routes(this);
  }

  /** Routes checked already (by a config file's reader), as one policy. */
  static CorsPolicy routed(List<Route> routes) {
    return new CorsPolicy(new Routed(routes));
  }

  /** The options applied to every request, or null when they differ by request or are none. */
  CorsOptions options() {
    Handler h = handler instanceof Listened ? ((Listened) handler).inner : handler;
    return h instanceof Static ? ((Static) h).options : null;
  }

  /**
   * This policy, telling {@code listener} what it decides for each CORS request: allowed, refused
   * with the reason, preflight answered, with the route. The policy itself is unchanged (policies
   * are immutable); a listener given before is replaced, not added to. Give the listener to the
   * policy the adapter receives: a routed policy reports the route it chose. For a {@link
   * #reloadable(CorsPolicy)} policy, give it to {@link Reloadable#policy()}, and it keeps reporting
   * across reloads.
   *
   * <pre>{@code
   * List<String> seen = new ArrayList<>();
   * CorsPolicy policy =
   *     CorsPolicy.builder()
   *         .route("/api/**", CorsOptions.builder().origin(Origins.of("https://app.example.com")).build())
   *         .build()
   *         .withListener(
   *             new CorsListener() {
   *               public void allowed(String route, CorsRequest request) {
   *                 seen.add("allowed " + route);
   *               }
   *
   *               public void refused(String route, CorsListener.Refusal reason, CorsRequest request) {
   *                 seen.add("refused " + route + " " + reason);
   *               }
   *             });
   * }</pre>
   *
   * <p>A policy without a listener runs exactly as before; with one, deciding a request still
   * allocates nothing for a policy without functions (the reason is an enum, the route the path as
   * written).
   */
  public CorsPolicy withListener(CorsListener listener) {
    Objects.requireNonNull(listener, "listener");
    Handler base = handler instanceof Listened ? ((Listened) handler).inner : handler;
    return new CorsPolicy(new Listened(base, listener));
  }

  /**
   * A policy that can be replaced while requests are being served, for a configuration that is
   * reloaded at run time. Give {@link Reloadable#policy()} to the adapter once; each request uses
   * the policy current when it arrives, from start to end, and no request is lost or sees a mix of
   * two policies.
   *
   * <pre>{@code
   * CorsPolicy.Reloadable reloadable =
   *     CorsPolicy.reloadable(CorsPolicy.of(CorsOptions.builder().origin(List.of("https://app.example.com")).build()));
   * CorsPolicy policy = reloadable.policy(); // given to the adapter once
   * reloadable.reload(CorsPolicy.of(CorsOptions.builder().origin(List.of("https://admin.example.com")).build()));
   * }</pre>
   */
  public static Reloadable reloadable(CorsPolicy initial) {
    return new Reloadable(Objects.requireNonNull(initial, "initial"));
  }

  /**
   * A replaceable policy: one {@link AtomicReference} to an immutable policy. See {@link
   * CorsPolicy#reloadable(CorsPolicy)}.
   */
  public static final class Reloadable {
    private final AtomicReference<CorsPolicy> current;
    private final CorsPolicy policy;

    private Reloadable(CorsPolicy initial) {
      this.current = new AtomicReference<>(initial);
      this.policy = new CorsPolicy(new Current(current));
    }

    /** The policy to give to an adapter: it applies whichever policy is current. */
    public CorsPolicy policy() {
      return policy;
    }

    /** The policy that requests arriving now get. */
    public CorsPolicy current() {
      return current.get();
    }

    /**
     * Makes {@code next} the policy of every request that arrives from now on; requests already
     * being decided finish with the previous one.
     *
     * @return the previous policy
     */
    public CorsPolicy reload(CorsPolicy next) {
      Objects.requireNonNull(next, "next");
      // Itself, or itself with a listener: the current policy would read itself forever.
      Handler own =
          next.handler instanceof Listened ? ((Listened) next.handler).inner : next.handler;
      if (next == policy || own == policy.handler) {
        throw new IllegalArgumentException("a reloadable policy cannot be reloaded with itself");
      }
      return current.getAndSet(next);
    }
  }

  /**
   * What CORS decides for {@code request}: a stage that is already complete unless an origin or
   * options function is still running. Never throws for anything a client sends; when a function
   * fails, the stage fails with a {@link CorsResolutionException} itself (not wrapped in a {@code
   * CompletionException}), whose message an adapter can log. The stage of a policy without
   * functions is shared by every request that gets the same decision: read it, never complete it.
   *
   * <pre>{@code
   * CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
   * CorsDecision decision = policy.decide(preflight).toCompletableFuture().join();
   * }</pre>
   */
  public CompletionStage<CorsDecision> decide(CorsRequest request) {
    CorsDecision now = handler.now(request);
    return now != null ? now.completed() : handler.decide(request);
  }

  /**
   * The decision for {@code request} when no origin or options function has to run for it: for a
   * policy without functions, always (a decision built with the policy, nothing allocated); null
   * when a function has to run, and then {@link #decide(CorsRequest)} runs it. An adapter calls
   * this first and takes the asynchronous path only when it returns null, so a request that needs
   * no function costs no stage. Never throws for anything a client sends, and never calls a
   * function.
   *
   * <pre>{@code
   * CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
   * CorsDecision decision = policy.decideNow(preflight);
   * assertEquals(CorsDecision.Action.RESPOND, decision.action());
   * CorsPolicy later = CorsPolicy.of(CorsOptions.builder().origin(origin -> new CompletableFuture<>()).build());
   * assertNull(later.decideNow(preflight)); // later.decide(preflight) runs the function
   * }</pre>
   */
  public CorsDecision decideNow(CorsRequest request) {
    return handler.now(request);
  }

  /**
   * The decision for {@code request} when it is known without waiting, else null once {@code later}
   * has the stage to wait for: the "decide now, else wait" sequence of every non-blocking adapter,
   * written once. The decision is {@link #decideNow}'s when no function has to run (for a policy
   * without functions, always: nothing allocated), or the function's when it answered at once.
   * Otherwise {@code later} is called, on this thread and before this returns, with {@code request}
   * and the stage of {@link #decide(CorsRequest)}, which fails with the {@link
   * CorsResolutionException} itself when the function fails; the adapter continues the request when
   * it completes, its own way (on its event loop, its executor, a suspended request), and answers a
   * failure with a 500. {@code later} gets the request back so that it can be a method reference
   * that captures nothing, made once for every request.
   *
   * <pre>{@code
   * CorsPolicy policy = CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
   * List<CompletionStage<CorsDecision>> waiting = new ArrayList<>();
   * CorsDecision now = policy.decideNowOrLater(preflight, (request, stage) -> waiting.add(stage));
   * assertEquals(CorsDecision.Action.RESPOND, now.action());
   * CorsPolicy later = CorsPolicy.of(CorsOptions.builder().origin(origin -> new CompletableFuture<>()).build());
   * assertNull(later.decideNowOrLater(preflight, (request, stage) -> waiting.add(stage)));
   * assertEquals(1, waiting.size()); // completes when the origin function does
   * }</pre>
   *
   * @param <R> the adapter's request view, handed back to {@code later}
   */
  public <R extends CorsRequest> CorsDecision decideNowOrLater(
      R request, BiConsumer<? super R, ? super CompletionStage<CorsDecision>> later) {
    CorsDecision now = handler.now(request);
    if (now != null) {
      return now;
    }
    CompletableFuture<CorsDecision> decided = handler.decide(request);
    if (decided.isDone() && !decided.isCompletedExceptionally()) {
      return decided.join(); // the function answered at once
    }
    later.accept(request, decided);
    return null;
  }

  private interface Handler {
    /** The decision when no function has to run for {@code request}, else null; runs none. */
    CorsDecision now(CorsRequest request);

    /** The decision, running the function {@link #now} left to it. */
    CompletableFuture<CorsDecision> decide(CorsRequest request);

    /** The routes of {@code policy}, whose handler this is: by default one for every path. */
    default List<Route> routes(CorsPolicy policy) {
      return List.of(new Route("/**", policy));
    }

    /** Whether debug mode is on in what this handler applies, as far as it is known in advance. */
    default boolean debug() {
      return false;
    }
  }

  /** The handler of {@link Reloadable#policy()}: whichever policy is current. */
  private static final class Current implements Handler {
    private final AtomicReference<CorsPolicy> current;

    Current(AtomicReference<CorsPolicy> current) {
      this.current = current;
    }

    @Override
    public CorsDecision now(CorsRequest request) {
      return current.get().handler.now(request);
    }

    /**
     * Reads the current policy again: when a reload came after {@link #now} returned null, the
     * request is decided by the newer policy alone.
     */
    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      return current.get().decide(request).toCompletableFuture();
    }

    @Override
    public boolean debug() {
      return current.get().handler.debug();
    }

    @Override
    public List<Route> routes(CorsPolicy policy) {
      return current.get().routes();
    }
  }

  /**
   * A request whose path cannot be normalised without ambiguity ({@link CorsRequest#path()} is
   * null) gets no CORS headers where the path decides (routes, an options function): the route
   * jcors would pick might not be the one the server serves. One log line says so in debug mode.
   */
  private static CorsDecision refusedPath(CorsRequest request, boolean debug) {
    if (debug) {
      String raw = request.rawPath();
      String why = RequestPath.whyRefused(raw);
      if (why == null) {
        why =
            "the server dispatches on it as written, not on its normal form "
                + forLog(RequestPath.normalize(raw));
      }
      LOG.log(
          System.Logger.Level.INFO,
          "CORS: request path {0} gets no CORS headers: {1} (routes are chosen on the path the"
              + " server dispatches on)",
          forLog(raw),
          why);
    }
    return CorsDecision.NONE;
  }

  /** {@code value} quoted and escaped as problems show values, at most 200 characters of it. */
  static String forLog(String value) {
    if (value == null) {
      return "(none)";
    }
    if (value.length() <= 200) {
      return Problems.quote(value);
    }
    return Problems.quote(value.substring(0, 200)) + "... (" + value.length() + " chars)";
  }

  /**
   * The handler of {@link #withListener}: decides with {@code inner}, then tells the listener what
   * the decision means for the request's origin. Only a request with an {@code Origin} is reported:
   * one without is not a CORS request (Fetch "CORS protocol").
   */
  private static final class Listened implements Handler {
    /** The path reported for a policy without routes: it applies to every path. */
    private static final String EVERY_PATH = "/**";

    private final Handler inner;
    private final CorsListener listener;

    Listened(Handler inner, CorsListener listener) {
      this.inner = inner;
      this.listener = listener;
    }

    @Override
    public CorsDecision now(CorsRequest request) {
      CorsDecision decision = inner.now(request);
      if (decision != null) {
        report(request, decision);
      }
      return decision;
    }

    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      CompletableFuture<CorsDecision> reported = new CompletableFuture<>();
      inner
          .decide(request)
          .whenComplete(
              (decision, error) -> {
                if (error != null) {
                  Throwable cause = Decision.unwrap(error);
                  if (request.header(ORIGIN) != null) {
                    String path = request.path();
                    notify(
                        path == null ? null : route(inner, path),
                        CorsListener.Refusal.FUNCTION_FAILED,
                        request);
                  }
                  reported.completeExceptionally(cause); // itself, as decide() promises
                } else {
                  report(request, decision);
                  reported.complete(decision);
                }
              });
      return reported;
    }

    @Override
    public List<Route> routes(CorsPolicy policy) {
      return inner.routes(policy);
    }

    @Override
    public boolean debug() {
      return inner.debug();
    }

    /** Reads what {@code decision} means for the request's origin; allocates nothing. */
    private void report(CorsRequest request, CorsDecision decision) {
      String origin = request.header(ORIGIN);
      if (origin == null) {
        return;
      }
      String path = request.path();
      if (path == null) {
        notify(null, CorsListener.Refusal.AMBIGUOUS_PATH, request);
        return;
      }
      String route = route(inner, path);
      if (route == null) {
        notify(null, CorsListener.Refusal.NO_ROUTE, request);
      } else if (allows(decision, origin, request)) {
        // A preflight is an OPTIONS request with Origin and Access-Control-Request-Method (Fetch
        // "CORS-preflight request"), as the decision itself reads it.
        boolean preflight =
            "OPTIONS".equalsIgnoreCase(request.method())
                && request.header(ACCESS_CONTROL_REQUEST_METHOD) != null;
        try {
          if (preflight) {
            listener.preflight(route, request);
          } else {
            listener.allowed(route, request);
          }
        } catch (RuntimeException e) {
          failed(e);
        }
      } else {
        // No header at all: the route has no CORS; otherwise the origin was refused (the decision
        // still varies on Origin).
        notify(
            route,
            decision.isEmpty()
                ? CorsListener.Refusal.CORS_DISABLED
                : CorsListener.Refusal.ORIGIN_NOT_ALLOWED,
            request);
      }
    }

    private void notify(String route, CorsListener.Refusal reason, CorsRequest request) {
      try {
        listener.refused(route, reason, request);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    private static void failed(RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS: the listener threw; the request goes on as decided: "
              + Problems.escape(String.valueOf(e)),
          e);
    }

    /**
     * Whether the response allows {@code origin}: its {@code Access-Control-Allow-Origin} is {@code
     * *} or that origin (a fixed origin option sends its one origin to every request, which the
     * browser then compares; Fetch "CORS check").
     */
    private static boolean allows(CorsDecision decision, String origin, CorsRequest request) {
      for (int i = 0; i < decision.headerCount(); i++) {
        if (ACCESS_CONTROL_ALLOW_ORIGIN.equals(decision.headerName(i))) {
          String value = decision.headerValue(i, request);
          return "*".equals(value) || origin.equals(value);
        }
      }
      return false;
    }

    /** The path of the route {@code handler} chooses for {@code path}, as written; null if none. */
    private static String route(Handler handler, String path) {
      if (handler instanceof Routed) {
        Route route = ((Routed) handler).route(path);
        return route == null ? null : route.path();
      }
      if (handler instanceof Current) {
        return route(((Current) handler).current.get().handler, path);
      }
      if (handler instanceof Listened) {
        return route(((Listened) handler).inner, path);
      }
      return EVERY_PATH;
    }
  }

  private static final class Disabled implements Handler {
    @Override
    public CorsDecision now(CorsRequest request) {
      return CorsDecision.NONE;
    }

    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      return CorsDecision.NONE.completed();
    }

    @Override
    public List<Route> routes(CorsPolicy policy) {
      return List.of();
    }
  }

  private static final class Static implements Handler {
    private final CorsOptions options;

    Static(CorsOptions options) {
      this.options = options;
    }

    @Override
    public CorsDecision now(CorsRequest request) {
      return Decision.now(options.compiled, request);
    }

    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      return Decision.decide(options.compiled, request);
    }

    @Override
    public boolean debug() {
      return options.debug();
    }
  }

  private static final class Dynamic implements Handler {
    private final OptionsResolver resolver;

    Dynamic(OptionsResolver resolver) {
      this.resolver = resolver;
    }

    @Override
    public CorsDecision now(CorsRequest request) {
      return request.path() == null ? CorsDecision.NONE : null;
    }

    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      if (request.path() == null) {
        // The function may choose by path: never a raw one.
        return refusedPath(request, false).completed();
      }
      CompletionStage<CorsOptions> stage;
      try {
        stage = resolver.resolve(request);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(failed(e));
      }
      if (stage == null) {
        return CompletableFuture.failedFuture(
            failed(new NullPointerException("the options function returned null")));
      }
      CompletableFuture<CorsDecision> decided = new CompletableFuture<>();
      stage.whenComplete(
          (options, error) -> {
            if (error != null) {
              decided.completeExceptionally(failed(Decision.unwrap(error)));
              return;
            }
            Decision.decide(orDefaults(options).compiled, request)
                .whenComplete(
                    (decision, failure) -> {
                      if (failure != null) {
                        decided.completeExceptionally(failure);
                      } else {
                        decided.complete(decision);
                      }
                    });
          });
      return decided;
    }

    private static CorsOptions orDefaults(CorsOptions options) {
      return options == null ? CorsOptions.defaults() : options;
    }

    private static CorsResolutionException failed(Throwable cause) {
      return cause instanceof CorsResolutionException
          ? (CorsResolutionException) cause
          : new CorsResolutionException(
              "the options function failed: " + Problems.escape(String.valueOf(cause)), cause);
    }
  }

  private static final class Routed implements Handler {
    private final Route[] routes;

    /** The routes' paths by their segments: the first match without trying each route in turn. */
    private final RouteIndex index;

    Routed(List<Route> routes) {
      this.routes = routes.toArray(new Route[0]);
      List<PathPattern> patterns = new ArrayList<>(this.routes.length);
      for (Route route : this.routes) {
        patterns.add(route.pattern());
      }
      this.index = new RouteIndex(patterns);
    }

    @Override
    public CorsDecision now(CorsRequest request) {
      String path = request.path();
      if (path == null) {
        return refusedPath(request, debug());
      }
      Route route = route(path);
      return route == null ? CorsDecision.NONE : route.policy().handler.now(request);
    }

    @Override
    public CompletableFuture<CorsDecision> decide(CorsRequest request) {
      String path = request.path();
      if (path == null) {
        return refusedPath(request, debug()).completed();
      }
      Route route = route(path);
      return route == null ? CorsDecision.NONE.completed() : route.policy().handler.decide(request);
    }

    /** The first route matching {@code path}, or null: no route, no CORS. */
    private Route route(String path) {
      int chosen = index.first(path); // allocates nothing, tries no route one by one
      return chosen < 0 ? null : routes[chosen];
    }

    @Override
    public boolean debug() {
      for (Route route : routes) {
        if (route.policy().handler.debug()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public List<Route> routes(CorsPolicy policy) {
      return List.of(routes);
    }
  }

  /**
   * Per-path policies, tried in order; the first route whose path matches wins, and a request that
   * matches no route gets no CORS headers. A path is matched on whole segments ({@code /products},
   * {@code /products/:id}, {@code /files/*.json}, {@code /api/**}, {@code /**}; see {@link Route}),
   * compiled when the route is added. Routes are matched on the path the server dispatches on
   * ({@link CorsRequest#path()}, the form {@link RequestPath} gives); a request whose path cannot
   * be normalised without ambiguity gets no CORS headers from any route, and a log line says so
   * when a route's options have debug mode on.
   */
  public static final class Routes {
    private final List<Route> routes = new ArrayList<>();
    private final List<CorsProblem> problems = new ArrayList<>();

    private Routes() {}

    /** Requests whose path matches {@code path} get {@code options}. */
    public Routes route(String path, CorsOptions options) {
      return route(path, of(options));
    }

    /**
     * Requests whose path matches {@code path} get {@code policy}. A path that is not a route path
     * (an unclosed <code>&#123;</code>, a {@code :} without a name, {@code ***}, a regex) is
     * refused by {@link #build()}, with the reason and how to write it.
     */
    public Routes route(String path, CorsPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      PathPattern pattern = Route.compile(path, "routes[" + routes.size() + "].path", problems);
      // A malformed path keeps its place (null), for the index of the next: build() refuses them.
      routes.add(pattern == null ? null : new Route(pattern, policy));
      return this;
    }

    /**
     * The routes as one policy.
     *
     * @throws CorsConfigException listing every malformed path
     */
    public CorsPolicy build() {
      if (!problems.isEmpty()) {
        throw new CorsConfigException(problems);
      }
      return new CorsPolicy(new Routed(routes));
    }
  }
}
