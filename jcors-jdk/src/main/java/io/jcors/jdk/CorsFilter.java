package io.jcors.jdk;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Applies a jcors policy in the HTTP server built into the JDK: {@code app.use(cors())} for a
 * {@link com.sun.net.httpserver.HttpContext}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
 * HttpContext products = server.createContext("/products", exchange -> {
 *   byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
 *   exchange.sendResponseHeaders(200, body.length);
 *   exchange.getResponseBody().write(body);
 *   exchange.close();
 * });
 * products.getFilters().add(new CorsFilter(CorsPolicy.defaults()));
 * server.start();
 * }</pre>
 *
 * <p>Preflights are answered here, with {@code optionsSuccessStatus} and {@code Content-Length: 0},
 * unless {@code preflightContinue} passes them on; every other request reaches the handler with its
 * CORS headers set. The handler sees an exchange whose {@code Vary} header keeps the names CORS
 * needs even when the handler sets {@code Vary} itself. When an origin or options function
 * completes later, the exchange continues on the server's executor (or the completing thread if the
 * server has none) without blocking a thread; when it fails, the client gets a 500.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the decoded path, as {@code
 * URI.getPath()} gives it. A path holding {@code ;} parameters, dot segments or empty segments
 * (which this server leaves in, and a handler may resolve or not), or one that cannot be decoded
 * without ambiguity ({@link io.jcors.RequestPath}), gets no CORS headers from them.
 */
public final class CorsFilter extends Filter {
  private static final System.Logger LOG = System.getLogger("io.jcors.jdk");

  private final CorsPolicy policy;

  /** A filter applying {@code policy}. */
  public CorsFilter(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A filter applying {@code options} on every path of its context. */
  public CorsFilter(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  @Override
  public String description() {
    return "jcors CORS filter";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    ExchangeView view = new ExchangeView(exchange);
    CorsDecision now = policy.decideNow(view);
    if (now != null) {
      apply(now, view, exchange, chain);
      return;
    }
    CompletableFuture<CorsDecision> decided = policy.decide(view).toCompletableFuture();
    if (decided.isDone() && !decided.isCompletedExceptionally()) {
      apply(decided.join(), view, exchange, chain); // the function answered at once
      return;
    }
    // An origin or options function is still running: continue when it completes, on the
    // server's executor (or the completing thread if the server has none), holding no thread.
    Executor executor = exchange.getHttpContext().getServer().getExecutor();
    decided.whenComplete(
        (decision, error) -> {
          Runnable rest =
              () -> {
                try {
                  if (error != null) {
                    fail(exchange, error); // a CorsResolutionException
                  } else {
                    apply(decision, view, exchange, chain);
                  }
                } catch (IOException | RuntimeException e) {
                  LOG.log(System.Logger.Level.ERROR, "CORS: exchange failed", e);
                  exchange.close();
                }
              };
          if (executor != null) {
            executor.execute(rest);
          } else {
            rest.run();
          }
        });
  }

  /** Applies a decision: answer the preflight, or pass the exchange on with CORS. */
  private static void apply(
      CorsDecision decision, ExchangeView view, HttpExchange exchange, Chain chain)
      throws IOException {
    view.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise); the
      // JDK server omits it for 204, so it is set here explicitly.
      exchange.getResponseHeaders().set("Content-Length", "0");
      exchange.sendResponseHeaders(decision.status(), -1);
      exchange.close();
      return;
    }
    chain.doFilter(
        decision.varyNames().isEmpty() ? exchange : ForwardingExchange.beforeSend(exchange, view));
  }

  private static void fail(HttpExchange exchange, Throwable error) throws IOException {
    LOG.log(System.Logger.Level.ERROR, "CORS: " + error.getMessage(), error);
    byte[] body = "Internal Server Error\n".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(500, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
