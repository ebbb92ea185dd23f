package io.jcors;

/**
 * What every adapter's view of one exchange has in common, written once: the request as the core
 * reads it, with its {@code Origin} read from the server once (the core reads it to decide, again
 * to echo it, and again to put the headers back), the response as a {@link CorsDecision} writes it,
 * and the decision kept, to put back on a response that an application, an error handler or a reset
 * changed. An adapter extends it over its server's request and response, gives the server's own
 * reads and writes, and calls {@link #decided} and {@link #restore()} from its server's hooks. One
 * object for each request, made by the adapter; not thread-safe, as a request is not.
 *
 * <pre>{@code
 * class MapExchange extends CorsExchange {
 *   final Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
 *   final Map<String, String> response = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
 *
 *   public String method() {
 *     return "GET";
 *   }
 *
 *   public String path() {
 *     return "/data";
 *   }
 *
 *   protected String requestHeader(String name) {
 *     return request.get(name);
 *   }
 *
 *   public String get(String name) {
 *     return response.get(name);
 *   }
 *
 *   public void set(String name, String value) {
 *     response.put(name, value);
 *   }
 * }
 * MapExchange exchange = new MapExchange();
 * exchange.request.put("Origin", "https://app.example.com");
 * exchange.decided(policy.decideNow(exchange));  // writes the headers, keeps the decision
 * exchange.response.clear();                     // an error handler resets the response
 * exchange.restore();                            // the server's hook, before the headers leave
 * assertEquals("https://app.example.com", exchange.response.get("Access-Control-Allow-Origin"));
 * }</pre>
 */
public abstract class CorsExchange implements CorsRequest, CorsHeaders {
  /**
   * What {@link #origin} holds until the server is asked: a string of its own, compared by
   * identity, so that no request's value (null included) can be it. A sentinel rather than a flag
   * keeps an adapter's view a field smaller, which is 8 bytes a request for the JDK filter's.
   */
  private static final String UNREAD = new String("Origin not read yet"); // not the literal

  /** The request's {@code Origin} once read, else {@link #UNREAD}. */
  private String origin = UNREAD;

  private CorsDecision decision;

  /** For subclasses: an exchange whose decision is not made yet. */
  protected CorsExchange() {}

  /**
   * The first value of the request header {@code name} (matched ignoring case) as the server gives
   * it, or null; {@link #header(String)} calls it, once for {@code Origin}.
   */
  protected abstract String requestHeader(String name);

  /**
   * The first value of the request header {@code name}: {@code Origin} read from the server once,
   * any other name each time ({@link #requestHeader}).
   */
  @Override
  public final String header(String name) {
    if (!"Origin".equals(name)) {
      return requestHeader(name);
    }
    if (origin == UNREAD) {
      origin = requestHeader(name);
    }
    return origin;
  }

  /** The decision {@link #decided} wrote, or null before it. */
  public final CorsDecision decision() {
    return decision;
  }

  /**
   * Writes {@code decided} on the response ({@link CorsDecision#writeTo}) and keeps it for {@link
   * #restore()}. An adapter that writes its server's response in one go overrides it, and calls it.
   */
  public void decided(CorsDecision decided) {
    keep(decided);
    decided.writeTo(this, this);
  }

  /**
   * Keeps {@code decided} for {@link #restore()}, writing nothing: for a server whose response does
   * not exist yet when the request is decided (a filter that runs again on the response), where
   * {@link #restore()} writes the whole decision.
   */
  public final void keep(CorsDecision decided) {
    decision = decided;
  }

  /**
   * Whether {@code line}, one line of the response's {@code Vary}, names every {@code Vary} name of
   * the decision kept already, so that merging them leaves {@code Vary} as it is whatever its other
   * lines say; false before a decision. For a view whose server gives a header's lines one by one:
   * its {@code get("Vary")} returns the first line when it is covered, and joins every line ({@link
   * CorsHeaders#joined}) only when it is not, as the decision asks for {@code Vary} on every
   * response. The line the decision wrote itself ({@link CorsDecision#varyWith varyWith(null)}, the
   * very {@code String}) answers at once, without a scan.
   *
   * <pre>{@code
   * exchange.decided(policy.decideNow(exchange));  // Vary: Origin
   * assertTrue(exchange.coversVary(exchange.response.get("Vary")));
   * assertTrue(exchange.coversVary("Accept-Encoding, origin"));
   * assertFalse(exchange.coversVary("Accept-Encoding"));
   * }</pre>
   */
  protected final boolean coversVary(String line) {
    CorsDecision kept = decision;
    return kept != null && (line == kept.varyWith(null) || kept.varyWith(line).equals(line));
  }

  /**
   * Puts back what the response lost since {@link #decided}: the CORS names in a {@code Vary} the
   * application set, and any CORS header a handler, an error handler or a reset removed (one the
   * application set itself stays), as {@link CorsDecision#restoreOn} does; nothing before a
   * decision. An adapter calls it from its server's last hook before the headers leave.
   */
  public final void restore() {
    if (decision != null) {
      decision.restoreOn(this, this);
    }
  }
}
