package io.jcors;

import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_ALLOW_METHODS;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_MAX_AGE;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS;
import static io.jcors.internal.HeaderNames.ACCESS_CONTROL_REQUEST_METHOD;
import static io.jcors.internal.HeaderNames.ORIGIN;

import io.jcors.internal.FetchNames;
import io.jcors.internal.Tokens;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The per-request algorithm of the Express middleware on compiled options. It only reads
 * precomputed values and the request: it never validates, and for options without functions it
 * allocates nothing (every {@link CorsDecision} such options can give is built with them).
 */
final class Decision {
  /**
   * The longest {@code Access-Control-Request-Headers} that is reflected. Browsers send the names
   * of the page's non-safelisted headers; 8 KiB is hundreds of them. Longer values are not echoed,
   * so a hostile preflight cannot make the response larger than this.
   */
  static final int MAX_REFLECTED_REQUEST_HEADERS = 8192;

  private static final System.Logger LOG = System.getLogger("io.jcors");

  private Decision() {}

  /**
   * The decision for {@code request} when no origin function has to run for it, else null: always
   * for static options, and for a list that also names origin sources ({@link MergedOrigins}) when
   * its static part allows the request's origin. A decision built ahead: nothing is allocated.
   */
  static CorsDecision now(CompiledOptions options, CorsRequest request) {
    if (options.decisions != null) {
      return options.decisions.decide(request);
    }
    if (options.mergedFixed != null && options.mergedFixed.allows(request.header(ORIGIN))) {
      // One lookup in the static part, as for a plain list; its responses vary on Origin, as
      // every list's and every origin function's do.
      return options.mergedDecisions.decide(request);
    }
    return null;
  }

  /**
   * The decision for {@code request} under {@code options}: a completed stage unless an origin
   * function is still running. Never throws: a failing function fails the stage with a {@link
   * CorsResolutionException}, never wrapped in a {@code CompletionException}.
   */
  static CompletableFuture<CorsDecision> decide(CompiledOptions options, CorsRequest request) {
    OriginResolver resolver = options.originResolver;
    if (resolver == null) {
      return options.decisions.decide(request).completed();
    }
    CorsDecision now = now(options, request);
    if (now != null) {
      return now.completed();
    }
    String requestOrigin = request.header(ORIGIN);
    CompletionStage<Origins> stage;
    try {
      stage = resolver.resolve(requestOrigin);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(originFailed(requestOrigin, e));
    }
    if (stage == null) {
      return CompletableFuture.failedFuture(
          originFailed(
              requestOrigin, new NullPointerException("the origin function returned null")));
    }
    CompletableFuture<CorsDecision> decided = new CompletableFuture<>();
    stage.whenComplete(
        (origins, error) -> {
          if (error != null) {
            decided.completeExceptionally(originFailed(requestOrigin, unwrap(error)));
          } else {
            // The answer of an origin function may differ for every Origin, whatever this one
            // returned (none(), any(), a list), and whether or not the request has an Origin, so
            // every response varies on it (Fetch "CORS protocol and HTTP caches"; S12). Express
            // adds none here (docs/express-mapping.md, deliberate difference 10).
            decided.complete(Table.ofFunction(options, origins, request));
          }
        });
    return decided;
  }

  /**
   * Every decision one set of options with one origin option can give, computed once: what the
   * request changes is only which of them applies, and the values a decision echoes from it.
   */
  static final class Table {
    private final CompiledOptions options;
    private final Origins origins;
    private final boolean varyOnOrigin;
    private final CorsDecision none;

    /**
     * Actual requests at [0] (origin refused) and [1] (allowed); preflights at 2 + 2 * (origin
     * allowed ? 1 : 0) + (requested headers echoed ? 1 : 0). Built ahead for static options, on
     * first use for the answer of an origin function, which serves one request.
     */
    private final CorsDecision[] decisions = new CorsDecision[6];

    /** Every decision of static options, built now. */
    Table(CompiledOptions options, Origins origins) {
      this(options, origins, false);
      for (int i = 0; i < decisions.length; i++) {
        decisions[i] = build(i);
        decisions[i].completed();
      }
      none.completed();
    }

    /** The decisions of an origin function's answer: every one varies on Origin. */
    private Table(CompiledOptions options, Origins origins, boolean varyOnOrigin) {
      this.options = options;
      this.origins = origins == null ? Origins.none() : origins;
      this.varyOnOrigin = varyOnOrigin;
      CorsDecision.Builder empty = new CorsDecision.Builder();
      if (varyOnOrigin) {
        empty.vary(ORIGIN);
      }
      this.none = empty.next();
    }

    /** The decision for {@code request} when an origin function answered {@code origins}. */
    static CorsDecision ofFunction(CompiledOptions options, Origins origins, CorsRequest request) {
      return new Table(options, origins, true).decide(request);
    }

    /** Express's {@code cors(options, req, res, next)} once the origin option is known. */
    CorsDecision decide(CorsRequest request) {
      if (origins.kind() == Origins.Kind.NONE) {
        return none; // origin false: no CORS at all, the request goes on
      }
      String requestOrigin = request.header(ORIGIN);
      boolean allowed = true;
      Origins.Kind kind = origins.kind();
      if (kind != Origins.Kind.ANY && kind != Origins.Kind.FIXED) { // a list, or reflect
        allowed = origins.allows(requestOrigin);
        if (!allowed && options.debug && requestOrigin != null) {
          DebugLog.refusedOrigin(origins, requestOrigin);
        }
      }
      // A preflight is an OPTIONS request with Origin and Access-Control-Request-Method (Fetch
      // "CORS-preflight request"); any other OPTIONS request goes to the application (F2-F4).
      boolean isPreflight =
          "OPTIONS".equalsIgnoreCase(request.method())
              && requestOrigin != null
              && request.header(ACCESS_CONTROL_REQUEST_METHOD) != null;
      if (!isPreflight) {
        return decision(allowed ? 1 : 0);
      }
      // Echo only a well-formed, bounded list (docs/express-mapping.md, deliberate difference 4).
      boolean echo =
          options.reflectRequestHeaders
              && Tokens.isTokenList(
                  request.header(ACCESS_CONTROL_REQUEST_HEADERS), MAX_REFLECTED_REQUEST_HEADERS);
      if (options.debug) {
        DebugLog.preflight(options, origins, request, requestOrigin);
      }
      return decision(2 + (allowed ? 2 : 0) + (echo ? 1 : 0));
    }

    private CorsDecision decision(int i) {
      CorsDecision decision = decisions[i];
      return decision != null ? decision : (decisions[i] = build(i));
    }

    /** The headers Express writes, in its order, for decision {@code i}. */
    private CorsDecision build(int i) {
      boolean isPreflight = i >= 2;
      boolean allowed = isPreflight ? i >= 4 : i == 1;
      boolean echo = isPreflight && (i & 1) == 1;
      CorsDecision.Builder b = new CorsDecision.Builder();
      if (varyOnOrigin) {
        b.vary(ORIGIN);
      }
      if (origins.kind() == Origins.Kind.NONE) {
        return b.next();
      }
      switch (origins.kind()) {
        case ANY:
          b.set(ACCESS_CONTROL_ALLOW_ORIGIN, "*");
          break;
        case FIXED:
          b.set(ACCESS_CONTROL_ALLOW_ORIGIN, origins.fixedOrigin());
          b.vary(ORIGIN);
          break;
        default:
          if (allowed) {
            b.echo(ACCESS_CONTROL_ALLOW_ORIGIN, ORIGIN);
          }
          b.vary(ORIGIN);
      }
      if (options.credentials) {
        b.set(ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
      }
      if (!isPreflight) {
        if (options.exposedHeadersHeader != null) {
          b.set(ACCESS_CONTROL_EXPOSE_HEADERS, options.exposedHeadersHeader);
        }
        return b.next();
      }
      if (options.methodsHeader != null) {
        b.set(ACCESS_CONTROL_ALLOW_METHODS, options.methodsHeader);
      }
      if (options.reflectRequestHeaders) {
        b.vary(ACCESS_CONTROL_REQUEST_HEADERS);
        if (echo) {
          b.echo(ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_REQUEST_HEADERS);
        }
      } else if (options.allowedHeadersHeader != null) {
        b.set(ACCESS_CONTROL_ALLOW_HEADERS, options.allowedHeadersHeader);
      }
      if (options.maxAgeHeader != null) {
        b.set(ACCESS_CONTROL_MAX_AGE, options.maxAgeHeader);
      }
      return options.preflightContinue ? b.next() : b.respond(options.optionsSuccessStatus);
    }
  }

  static Throwable unwrap(Throwable error) {
    return (error instanceof CompletionException || error instanceof ExecutionException)
            && error.getCause() != null
        ? error.getCause()
        : error;
  }

  private static CorsResolutionException originFailed(String requestOrigin, Throwable cause) {
    if (cause instanceof CorsResolutionException) {
      return (CorsResolutionException) cause;
    }
    return new CorsResolutionException(
        "the origin function failed for Origin "
            + (requestOrigin == null ? "(none)" : Problems.quote(abbreviate(requestOrigin)))
            + ": "
            + Problems.escape(String.valueOf(cause)), // adapters log this message
        cause);
  }

  static String abbreviate(String value) {
    return value.length() <= 100
        ? value
        : value.substring(0, 100) + "... (" + value.length() + " chars)";
  }

  /** Debug-mode explanations of refusals; only called when {@code debug} is on. */
  static final class DebugLog {
    private DebugLog() {}

    static void refusedOrigin(Origins origins, String requestOrigin) {
      LOG.log(
          System.Logger.Level.INFO,
          "CORS: origin {0} is not allowed (origin: {1}); the response has no"
              + " Access-Control-Allow-Origin, so the browser will block it",
          Problems.quote(abbreviate(requestOrigin)),
          origins);
      String exhaustion = origins.budgetExhaustion(requestOrigin);
      if (exhaustion != null) {
        LOG.log(
            System.Logger.Level.INFO,
            "CORS: origin {0}: {1}",
            Problems.quote(abbreviate(requestOrigin)),
            exhaustion);
      }
    }

    static void preflight(
        CompiledOptions options, Origins origins, CorsRequest request, String requestOrigin) {
      String method = request.header(ACCESS_CONTROL_REQUEST_METHOD);
      boolean safelisted = FetchNames.SAFELISTED_METHODS.contains(method);
      if (!safelisted && !options.methods.contains(method)) {
        LOG.log(
            System.Logger.Level.INFO,
            "CORS: preflight from {0}: method {1} is not in methods {2}; the browser will block it",
            Problems.quote(abbreviate(requestOrigin)),
            Problems.quote(abbreviate(method)),
            options.methods);
      }
      String requested = request.header(ACCESS_CONTROL_REQUEST_HEADERS);
      if (options.allowedHeaders != null && requested != null) {
        for (String name : Tokens.splitConfigList(requested)) {
          if (!name.isEmpty() && !containsIgnoreCase(options.allowedHeaders, name)) {
            LOG.log(
                System.Logger.Level.INFO,
                "CORS: preflight from {0}: header {1} is not in allowedHeaders {2}; the browser"
                    + " will block it",
                Problems.quote(abbreviate(requestOrigin)),
                Problems.quote(abbreviate(name)),
                options.allowedHeaders);
          }
        }
      }
    }

    private static boolean containsIgnoreCase(java.util.List<String> names, String name) {
      for (String n : names) {
        if (n.equalsIgnoreCase(name)
            || n.equals("*") && !name.equalsIgnoreCase(FetchNames.NON_WILDCARD_REQUEST_HEADER)) {
          return true;
        }
      }
      return false;
    }
  }
}
