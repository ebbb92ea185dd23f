package io.jcors.demo;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.jdk.CorsFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The demo's API, written as a jcors user writes one: a CORS policy with one route per endpoint
 * ({@link #cors}), applied by one {@link CorsFilter} in front of plain JDK {@code HttpServer}
 * handlers. This is the example to copy.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
 * DemoApi.install(server, "http://localhost:5500");
 * server.start();
 * }</pre>
 */
public final class DemoApi {
  /**
   * The custom request header the product endpoints require; it makes browsers send a preflight.
   */
  public static final String TOKEN_HEADER = "X-Demo-Token";

  /** The value of {@link #TOKEN_HEADER} the API accepts. */
  public static final String TOKEN = "demo";

  /** The only origin allowed to read {@code /admin}; the demo page is not it. */
  public static final String ADMIN_ORIGIN = "https://admin.example.com";

  private DemoApi() {}

  /**
   * The API's CORS policy: who may read what, route by route. The first matching route wins; a path
   * that matches no route gets no CORS headers.
   *
   * @param pageOrigin the origin of the demo page, e.g. {@code http://localhost:5500}
   * @param partners looks up, later, whether an origin belongs to a partner (a database query)
   */
  public static CorsPolicy cors(String pageOrigin, OriginResolver partners) {
    return cors(pageOrigin, partners, new Tutorial(pageOrigin));
  }

  /**
   * The API's CORS policy, with the tutorial's routes taking their policies from {@code tutorial},
   * whose fixes change them while the API runs.
   *
   * @param pageOrigin the origin of the demo page, e.g. {@code http://localhost:5500}
   * @param partners looks up, later, whether an origin belongs to a partner (a database query)
   * @param tutorial the tutorial's routes, without CORS until fixed
   */
  public static CorsPolicy cors(String pageOrigin, OriginResolver partners, Tutorial tutorial) {
    return CorsPolicy.builder()
        // The tutorial's routes: no CORS until the page's fix button swaps in the policy that
        // Tutorial.greetingFix and Tutorial.notesFix build.
        .route(Tutorial.GREETING, tutorial.greeting())
        .route(Tutorial.NOTES, tutorial.notes())
        // Only the page's origin may read /data: Access-Control-Allow-Origin: <page origin>.
        .route("/data", CorsOptions.builder().origin(pageOrigin).build())
        // Express's cors(): every origin may read it (Access-Control-Allow-Origin: *).
        .route("/with-cors", CorsPolicy.defaults())
        // No CORS at all: only pages on the API's own origin may read it.
        .route("/without-cors", CorsPolicy.disabled())
        // PUT and DELETE with a custom header: browsers ask first (a preflight OPTIONS request).
        .route(
            "/products/**",
            CorsOptions.builder()
                .origin(pageOrigin)
                .methods("GET", "PUT", "DELETE")
                .allowedHeaders("Content-Type", TOKEN_HEADER)
                .build())
        // Cookies: credentials need the exact origin, never "*".
        .route("/session", CorsOptions.builder().origin(pageOrigin).credentials(true).build())
        // Origins looked up per request, asynchronously (a database query).
        .route("/partners", CorsOptions.builder().origin(partners).build())
        // Another site's origin only: the demo page is refused.
        .route("/admin", CorsOptions.builder().origin(ADMIN_ORIGIN).build())
        .build();
  }

  /**
   * An origin lookup that answers later, on another thread, as a database query would: an origin is
   * allowed when it is in {@code partnerOrigins}.
   */
  public static OriginResolver partnerLookup(Set<String> partnerOrigins) {
    Set<String> partners = Set.copyOf(partnerOrigins);
    return origin ->
        CompletableFuture.supplyAsync(
            () -> origin != null && partners.contains(origin) ? Origins.reflect() : Origins.none(),
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
  }

  /**
   * Adds the API's endpoints to {@code server}, behind its CORS policy; the page on {@code
   * pageOrigin} is the only partner.
   *
   * @return the server's one context, so that more filters can be added in front
   */
  public static HttpContext install(HttpServer server, String pageOrigin) {
    return install(server, pageOrigin, new Tutorial(pageOrigin));
  }

  /**
   * Adds the API's endpoints to {@code server}, behind its CORS policy, with the tutorial's routes
   * taking their policies from {@code tutorial}.
   *
   * @return the server's one context, so that more filters can be added in front
   */
  public static HttpContext install(HttpServer server, String pageOrigin, Tutorial tutorial) {
    Products products = new Products();
    Products notes = new Products();
    HttpContext context = server.createContext("/", exchange -> route(exchange, products, notes));
    context
        .getFilters()
        .add(new CorsFilter(cors(pageOrigin, partnerLookup(Set.of(pageOrigin)), tutorial)));
    return context;
  }

  private static void route(HttpExchange exchange, Products products, Products notes)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.startsWith("/products/") && path.length() > "/products/".length()) {
      products.handle(exchange, method, path.substring("/products/".length()));
      return;
    }
    if (path.startsWith("/tutorial/notes/") && path.length() > "/tutorial/notes/".length()) {
      notes.handle(exchange, method, path.substring("/tutorial/notes/".length()));
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      send(exchange, 405, "{\"error\":\"only GET here\"}");
      return;
    }
    switch (path) {
      case Tutorial.GREETING -> send(exchange, 200, "{\"greeting\":\"hello from the API\"}");
      case "/data" -> send(exchange, 200, "{\"items\":[\"apples\",\"pears\",\"plums\"]}");
      case "/with-cors" -> send(exchange, 200, "{\"message\":\"any origin may read this\"}");
      case "/without-cors" ->
          send(exchange, 200, "{\"message\":\"only the API's own origin may read this\"}");
      case "/session" -> session(exchange);
      case "/partners" -> send(exchange, 200, "{\"partners\":[\"Acme\",\"Globex\"]}");
      case "/admin" -> send(exchange, 200, "{\"settings\":\"for the admin site only\"}");
      default -> send(exchange, 404, "{\"error\":\"no such endpoint\"}");
    }
  }

  /** Reads the visit counter from its cookie and sets the next one. */
  private static void session(HttpExchange exchange) throws IOException {
    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
    int visits = 0;
    if (cookie != null) {
      for (String pair : cookie.split(";")) {
        String[] nameValue = pair.trim().split("=", 2);
        if (nameValue.length == 2 && nameValue[0].equals("demo_visits")) {
          visits = parseOrZero(nameValue[1]);
        }
      }
    }
    exchange
        .getResponseHeaders()
        .add("Set-Cookie", "demo_visits=" + (visits + 1) + "; Path=/; HttpOnly; SameSite=Lax");
    send(
        exchange,
        200,
        "{\"cookieReceived\":" + (cookie != null) + ",\"visitsBefore\":" + visits + "}");
  }

  private static int parseOrZero(String number) {
    try {
      return Math.max(0, Integer.parseInt(number.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Items by id, for {@code /products/{id}} and {@code /tutorial/notes/{id}}: GET reads, PUT
   * updates and DELETE removes; writes need the token.
   */
  private static final class Products {
    private final ConcurrentMap<String, String> names = new ConcurrentHashMap<>();

    void handle(HttpExchange exchange, String method, String id) throws IOException {
      if (!id.matches("[0-9]{1,9}")) {
        send(exchange, 404, "{\"error\":\"no such product\"}");
        return;
      }
      boolean write = method.equals("PUT") || method.equals("DELETE");
      if (write && !TOKEN.equals(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
        send(exchange, 401, "{\"error\":\"" + TOKEN_HEADER + ": " + TOKEN + " is required\"}");
        return;
      }
      switch (method) {
        case "GET" -> send(exchange, 200, product(id));
        case "PUT" -> {
          names.put(id, readBody(exchange));
          send(exchange, 200, product(id));
        }
        case "DELETE" -> {
          names.remove(id);
          send(exchange, 200, "{\"id\":" + id + ",\"deleted\":true}");
        }
        default -> send(exchange, 405, "{\"error\":\"GET, PUT or DELETE\"}");
      }
    }

    private String product(String id) {
      return "{\"id\":" + id + ",\"body\":" + Json.string(names.getOrDefault(id, "")) + "}";
    }

    private static String readBody(HttpExchange exchange) throws IOException {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(4096);
        return new String(body, StandardCharsets.UTF_8);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }
}
