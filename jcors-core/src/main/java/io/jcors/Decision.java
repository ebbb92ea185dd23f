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

/**
 * The per-request algorithm of the Express middleware on compiled options. It only reads
 * precomputed values and the request: it never validates, and for options without functions it
 * allocates nothing.
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

  static CorsOutcome apply(CompiledOptions options, CorsRequest request, CorsResponse response) {
    OriginResolver resolver = options.originResolver;
    if (resolver == null) {
      return withOrigin(options, options.origins, request, response);
    }
    String requestOrigin = request.header(ORIGIN);
    CompletionStage<Origins> stage;
    try {
      stage = resolver.resolve(requestOrigin);
    } catch (RuntimeException e) {
      throw originFailed(requestOrigin, e);
    }
    if (stage == null) {
      throw originFailed(
          requestOrigin, new NullPointerException("the origin function returned null"));
    }
    if (isDone(stage)) {
      return decided(options, joinNow(stage, requestOrigin), request, response);
    }
    return CorsOutcome.pending(
        stage.handle(
            (origins, error) -> {
              if (error != null) {
                throw originFailed(requestOrigin, unwrap(error));
              }
              return decided(options, origins, request, response);
            }));
  }

  /**
   * The answer of an origin function: it may differ for every {@code Origin}, whatever this one
   * returned ({@code none()}, {@code any()}, a list), and whether or not the request has an {@code
   * Origin}, so every response varies on it (Fetch "CORS protocol and HTTP caches"; S12). Express
   * adds none here (docs/express-mapping.md, deliberate difference 10).
   */
  private static CorsOutcome decided(
      CompiledOptions options, Origins origins, CorsRequest request, CorsResponse response) {
    response.addVary(ORIGIN);
    return withOrigin(options, origins, request, response);
  }

  /** Express's {@code cors(options, req, res, next)} once the origin option is known. */
  static CorsOutcome withOrigin(
      CompiledOptions options, Origins origins, CorsRequest request, CorsResponse response) {
    if (origins == null || origins.kind() == Origins.Kind.NONE) {
      return CorsOutcome.next(); // origin false: no CORS at all, the request goes on
    }
    String requestOrigin = request.header(ORIGIN);
    // A preflight is an OPTIONS request with Origin and Access-Control-Request-Method (Fetch
    // "CORS-preflight request"); any other OPTIONS request goes to the application (F2-F4).
    boolean preflight =
        "OPTIONS".equalsIgnoreCase(request.method())
            && requestOrigin != null
            && request.header(ACCESS_CONTROL_REQUEST_METHOD) != null;

    writeAllowOrigin(options, origins, requestOrigin, response);
    if (options.credentials) {
      response.setHeader(ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }
    if (!preflight) {
      if (options.exposedHeadersHeader != null) {
        response.setHeader(ACCESS_CONTROL_EXPOSE_HEADERS, options.exposedHeadersHeader);
      }
      return CorsOutcome.next();
    }
    if (options.methodsHeader != null) {
      response.setHeader(ACCESS_CONTROL_ALLOW_METHODS, options.methodsHeader);
    }
    if (options.reflectRequestHeaders) {
      response.addVary(ACCESS_CONTROL_REQUEST_HEADERS);
      String requested = request.header(ACCESS_CONTROL_REQUEST_HEADERS);
      // Echo only a well-formed, bounded list (docs/express-mapping.md, deliberate difference 4).
      if (Tokens.isTokenList(requested, MAX_REFLECTED_REQUEST_HEADERS)) {
        response.setHeader(ACCESS_CONTROL_ALLOW_HEADERS, requested);
      }
    } else if (options.allowedHeadersHeader != null) {
      response.setHeader(ACCESS_CONTROL_ALLOW_HEADERS, options.allowedHeadersHeader);
    }
    if (options.maxAgeHeader != null) {
      response.setHeader(ACCESS_CONTROL_MAX_AGE, options.maxAgeHeader);
    }
    if (options.debug) {
      DebugLog.preflight(options, origins, request, requestOrigin);
    }
    return options.preflightContinue ? CorsOutcome.next() : options.preflightAnswer;
  }

  private static void writeAllowOrigin(
      CompiledOptions options, Origins origins, String requestOrigin, CorsResponse response) {
    switch (origins.kind()) {
      case ANY:
        response.setHeader(ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        return;
      case FIXED:
        response.setHeader(ACCESS_CONTROL_ALLOW_ORIGIN, origins.fixedOrigin());
        response.addVary(ORIGIN);
        return;
      default:
        if (origins.allows(requestOrigin)) {
          response.setHeader(ACCESS_CONTROL_ALLOW_ORIGIN, requestOrigin);
        } else if (options.debug && requestOrigin != null) {
          DebugLog.refusedOrigin(origins, requestOrigin);
        }
        response.addVary(ORIGIN);
    }
  }

  static boolean isDone(CompletionStage<?> stage) {
    return stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone();
  }

  private static Origins joinNow(CompletionStage<Origins> stage, String requestOrigin) {
    try {
      return ((CompletableFuture<Origins>) stage).join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      throw originFailed(requestOrigin, unwrap(e));
    }
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
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
