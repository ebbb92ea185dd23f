package io.jcors.jdk;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jcors.CorsDecision;
import io.jcors.CorsExchange;
import io.jcors.CorsHeaders;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.RequestPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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
    Exchange view = new Exchange(exchange, chain);
    CorsDecision now = policy.decideNowOrLater(view, CorsFilter::later);
    if (now != null) {
      apply(now, view);
    }
  }

  /**
   * An origin or options function is still running: continue when it completes, on the server's
   * executor (or the completing thread if the server has none), holding no thread.
   */
  private static void later(Exchange view, CompletionStage<CorsDecision> decided) {
    HttpExchange exchange = view.exchange;
    Executor executor = exchange.getHttpContext().getServer().getExecutor();
    decided.whenComplete(
        (decision, error) -> {
          Runnable rest =
              () -> {
                try {
                  if (error != null) {
                    fail(exchange, error); // a CorsResolutionException
                  } else {
                    apply(decision, view);
                  }
                } catch (IOException e) {
                  // Most often the client went away while the function ran, which the server
                  // cannot tell before a write fails; the JDK server logs its own failed writes
                  // at TRACE, not as errors.
                  LOG.log(System.Logger.Level.DEBUG, "CORS: exchange failed", e);
                  exchange.close();
                } catch (RuntimeException e) {
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
  private static void apply(CorsDecision decision, Exchange view) throws IOException {
    HttpExchange exchange = view.exchange;
    view.decided(decision);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      exchange.sendResponseHeaders(decision.status(), -1);
      exchange.close();
      return;
    }
    view.chain.doFilter(
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

  /**
   * One exchange as the core reads its request and a {@link CorsDecision} writes its response, and
   * the hook that puts the decision back just before the headers leave: the only object the filter
   * makes for a request.
   *
   * <p>Each {@code get}, {@code getFirst}, {@code containsKey} and {@code set} of this server's
   * {@link Headers} copies the name to normalise it ({@code Access-Control-Allow-Origin} is kept as
   * {@code Access-control-allow-origin}), and {@code set} wraps the value in a new {@code
   * LinkedList}: about 200 bytes for each header CORS writes, and as much again to check each one
   * before the headers leave. The view uses the stored form of the name instead ({@link #stored}):
   * {@code keySet().contains} (the map's own, nothing copied) says whether a header is there, the
   * map's own {@code entrySet().forEach} finds a response header's lines, and {@code putAll}, the
   * one write that takes the name as given, writes. The one check {@code putAll} skips, no CR or LF
   * in a value, is made here.
   */
  private static final class Exchange extends CorsExchange
      implements ForwardingExchange.BeforeSend, Consumer<Map.Entry<String, List<String>>> {
    private final HttpExchange exchange;
    private final Chain chain;
    private final Headers response;
    private String lookingFor;
    private List<String> found;

    /** While {@link #decided} writes: the lines, name then value list, put on the response. */
    private Object[] pending;

    private int size;

    Exchange(HttpExchange exchange, Chain chain) {
      this.exchange = exchange;
      this.chain = chain;
      this.response = exchange.getResponseHeaders();
    }

    /** Writes {@code decided} on the response, all lines at once, and keeps it for {@link #run}. */
    @Override
    public void decided(CorsDecision decided) {
      pending = new Object[2 * decided.headerCount() + 4]; // each header, Vary, Content-Length
      super.decided(decided);
      if (decided.action() == CorsDecision.Action.RESPOND) {
        // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise); the
        // JDK server omits it for 204, so it is set here explicitly.
        set("Content-Length", "0");
      }
      if (size > 0) {
        response.putAll(new Pending(pending, size)); // one write for every line
      }
      pending = null;
    }

    @Override
    public String method() {
      return exchange.getRequestMethod();
    }

    /**
     * The path the server dispatches on, when it is the normal form of the raw path; otherwise
     * null. The server chooses the context, and a handler usually reads the path, from {@code
     * URI.getPath()}: decoded, but with {@code ;} parameters, dot segments and empty segments left
     * in. A handler may resolve those or not, so a route chosen on the resolved path could differ
     * from the one the handler serves: such a path is ambiguous here and gets no CORS headers.
     */
    @Override
    public String path() {
      URI uri = exchange.getRequestURI();
      String raw = uri.getRawPath();
      String normal = RequestPath.normalize(raw);
      if (normal == raw || normal == null) {
        return normal; // already normal (the usual case, nothing allocated), or ambiguous
      }
      return normal.equals(uri.getPath()) ? normal : null;
    }

    @Override
    public String rawPath() {
      return exchange.getRequestURI().getRawPath();
    }

    @Override
    protected String requestHeader(String name) {
      List<String> lines = lines(exchange.getRequestHeaders(), name);
      return lines == null || lines.isEmpty() ? null : lines.get(0);
    }

    @Override
    public String get(String name) {
      return CorsHeaders.joined(lines(response, name));
    }

    @Override
    public boolean has(String name) {
      String stored = stored(name);
      if (stored != null && !response.keySet().contains(stored)) {
        return false; // removed, or never there: known without copying the name
      }
      List<String> lines = lines(response, name);
      return lines != null && !lines.isEmpty(); // an empty list sends no line
    }

    @Override
    public void set(String name, String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c > 255) { // what Headers.set refuses, and more
          throw new IllegalArgumentException("illegal character in the value of " + name);
        }
      }
      List<String> line = new ArrayList<>(1); // the application may add to it
      line.add(value);
      String key = stored(name);
      if (key == null) {
        response.put(name, line);
      } else if (pending == null) {
        response.putAll(new Pending(new Object[] {key, line}, 2)); // restoring, after the handler
      } else {
        int at = indexOf(key);
        if (at < 0) {
          at = size;
          size += 2;
        }
        pending[at] = key;
        pending[at + 1] = line;
      }
    }

    private int indexOf(String key) {
      for (int i = 0; i < size; i += 2) {
        if (pending[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * A handler that sets {@code Vary} replaces the line CORS wrote: the CORS names are put back as
     * the headers leave, and any CORS header the handler removed.
     */
    @Override
    public void run(HttpExchange sent, int status, long length) {
      restore();
    }

    /** The lines of {@code name} in {@code headers}, or null. */
    private List<String> lines(Headers headers, String name) {
      String key = stored(name);
      if (key == null) {
        return headers.get(name); // a name an options function reads
      }
      if (headers == response && pending != null) {
        int at = indexOf(key);
        if (at >= 0) {
          @SuppressWarnings("unchecked") // set puts a line after each key
          List<String> line = (List<String>) pending[at + 1];
          return line;
        }
      }
      if (headers.isEmpty() || !headers.keySet().contains(key)) {
        return null; // the usual answer for all but Origin, and nothing copied
      }
      if (headers != response) {
        return headers.get(key); // the request's: the server's read-only view allocates to iterate
      }
      found = null;
      lookingFor = key;
      response.entrySet().forEach(this); // the map's own loop, no iterator
      return found;
    }

    /** One header of the response, while {@link #lines} looks for {@code lookingFor}. */
    @Override
    public void accept(Map.Entry<String, List<String>> header) {
      if (header.getKey().equals(lookingFor)) {
        found = header.getValue();
      }
    }
  }

  /**
   * Lines of response headers ({@code pending[i]} a name as {@link Headers} store it, {@code
   * pending[i + 1]} its list of values) as the map {@code Headers.putAll} takes: it writes them
   * without copying the names, for the cost of this map, its entry set and one entry a line.
   */
  private static final class Pending extends AbstractMap<String, List<String>> {
    private final Object[] pending;
    private final int size;

    Pending(Object[] pending, int size) {
      this.pending = pending;
      this.size = size;
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return size / 2;
        }

        @Override
        public Iterator<Map.Entry<String, List<String>>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            @SuppressWarnings("unchecked") // a list of values after each name
            public Map.Entry<String, List<String>> next() {
              if (next >= size) {
                throw new NoSuchElementException();
              }
              next += 2;
              return Map.entry((String) pending[next - 2], (List<String>) pending[next - 1]);
            }
          };
        }
      };
    }
  }

  /**
   * The names CORS reads and writes ({@link CorsHeaders#NAMES}), each in the form this server's
   * {@link Headers} store it in, in the same order: first letter upper case, the rest lower case,
   * as {@code Headers.normalize} makes it.
   */
  private static final String[] STORED =
      CorsHeaders.NAMES.stream()
          .map(name -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /** The stored form of {@code name} when it is one CORS reads or writes, else null. */
  private static String stored(String name) {
    int at = CorsHeaders.indexOf(name);
    return at < 0 ? null : STORED[at];
  }
}
