package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Request paths that a server and a table of CORS routes could read differently, and the check that
 * each gets the CORS headers of the route the application was dispatched to, or none.
 *
 * <p>The routes are {@code /api/admin/**} (only {@link #ADMIN}, with credentials) then {@code
 * /api/**} (only {@link #PARTNER}, with credentials). Before routes were chosen on the path the
 * server dispatches on, {@code GET /api/%61dmin/users} from {@link #PARTNER} reached the admin
 * application with {@code Access-Control-Allow-Origin: https://partner.example} and credentials.
 *
 * <p>The application under test names the route it served in the response header {@link #SERVED},
 * chosen by the server's own dispatch (servlet mappings {@code /api/admin/*} and {@code /api/*}),
 * or by a handler reading the path the server hands it ({@link #routeOf(String)}). Every case is
 * sent from {@link #PARTNER} over a raw socket, as written. Browsers send the {@link Kind#DECODED}
 * ones, path parameters and empty segments as they are (they resolve dot segments, {@code %2e}
 * included, before sending); any other client can send them all.
 */
public final class RoutingPaths {
  /** The one origin the admin route allows. */
  public static final String ADMIN = "https://admin.example.com";

  /** The one origin the API route allows; every case is sent from it. */
  public static final String PARTNER = "https://partner.example";

  /** The admin route, listed first. */
  public static final String ADMIN_ROUTE = "/api/admin/**";

  /** The route of the rest of the API. */
  public static final String API_ROUTE = "/api/**";

  /** The response header in which the application names the route it served. */
  public static final String SERVED = "X-Served-Route";

  private RoutingPaths() {}

  /** How a server reads the path of a case. */
  public enum Kind {
    /** Only percent-decoding tells the route: every server dispatches on the decoded path. */
    DECODED,
    /**
     * Path parameters ({@code ;x}), dot segments or empty segments: servlet containers remove and
     * resolve them before they dispatch; the JDK server dispatches on the path with them left in.
     */
    RESOLVED,
    /**
     * No single reading: an encoded {@code /} or {@code \}, NUL, invalid percent-encoding or UTF-8,
     * a segment above the root. No CORS headers, whatever the server does with it.
     */
    AMBIGUOUS
  }

  /**
   * One case: {@code route} is the route of the path once decoded, its parameters removed and its
   * segments resolved (null for {@link Kind#AMBIGUOUS}).
   */
  public record Entry(String name, String rawPath, Kind kind, String route) {
    @Override
    public String toString() {
      return name + " " + rawPath;
    }
  }

  /** The admin route's options: {@link #ADMIN} only, credentials, exposes {@code X-Admin}. */
  public static CorsOptions adminOptions() {
    return CorsOptions.builder()
        .origin(List.of(ADMIN))
        .credentials(true)
        .exposedHeaders("X-Admin")
        .build();
  }

  /** The API route's options: {@link #PARTNER} only, credentials, exposes {@code X-Api}. */
  public static CorsOptions apiOptions() {
    return CorsOptions.builder()
        .origin(List.of(PARTNER))
        .credentials(true)
        .exposedHeaders("X-Api")
        .build();
  }

  /** {@link #ADMIN_ROUTE} then {@link #API_ROUTE}. */
  public static CorsPolicy policy() {
    return policy(false);
  }

  /** {@link #policy()}, with debug mode on or off in both routes. */
  public static CorsPolicy policy(boolean debug) {
    return CorsPolicy.builder()
        .route(ADMIN_ROUTE, adminOptions().toBuilder().debug(debug).build())
        .route(API_ROUTE, apiOptions().toBuilder().debug(debug).build())
        .build();
  }

  /**
   * The route a handler serves when it dispatches on {@code path} as most hand-written handlers do:
   * by its segments, {@code /api/admin} and below to the admin application, the rest of {@code
   * /api} to the API; null for any other path.
   */
  public static String routeOf(String path) {
    if (path == null) {
      return null;
    }
    if (path.equals("/api/admin") || path.startsWith("/api/admin/")) {
      return ADMIN_ROUTE;
    }
    if (path.equals("/api") || path.startsWith("/api/")) {
      return API_ROUTE;
    }
    return null;
  }

  /** Every case, as one {@link Entry} argument. */
  public static Stream<Arguments> cases() {
    return entries().stream().map(Arguments::of);
  }

  /** Every case. */
  public static List<Entry> entries() {
    return List.of(
        decoded("plain", "/api/admin/users", ADMIN_ROUTE),
        decoded("encoded a, lower-case hex", "/api/%61dmin/users", ADMIN_ROUTE),
        decoded("encoded i", "/api/adm%69n/users", ADMIN_ROUTE),
        decoded("encoded m, upper-case hex", "/api/ad%6Din/users", ADMIN_ROUTE),
        decoded("encoded m, lower-case hex", "/api/ad%6din/users", ADMIN_ROUTE),
        decoded("every letter encoded", "/%61%70%69/%61%64%6D%69%6E/users", ADMIN_ROUTE),
        decoded("encoded A is another segment", "/api/%41dmin/users", API_ROUTE),
        decoded("route root", "/api/admin", ADMIN_ROUTE),
        decoded("trailing slash", "/api/admin/", ADMIN_ROUTE),
        decoded("non-ASCII UTF-8", "/api/admin/caf%C3%A9", ADMIN_ROUTE),
        decoded("non-ASCII UTF-8 under the API", "/api/caf%C3%A9", API_ROUTE),
        decoded("encoded space", "/api/admin/a%20b", ADMIN_ROUTE),
        decoded("encoded percent is decoded once", "/api/%2561dmin/users", API_ROUTE),
        decoded("encoded ; is no parameter", "/api/admin%3Bx/users", API_ROUTE),
        resolved("path parameter", "/api/admin;x/users", ADMIN_ROUTE),
        resolved("path parameter on the first segment", "/api;x/admin/users", ADMIN_ROUTE),
        resolved("empty path parameter", "/api/admin;/users", ADMIN_ROUTE),
        resolved("path parameter on the last segment", "/api/admin;jsessionid=1", ADMIN_ROUTE),
        resolved("empty segment", "/api//admin/users", ADMIN_ROUTE),
        resolved("empty first segment", "//api/admin/users", ADMIN_ROUTE),
        resolved("dot segment", "/api/./admin/users", ADMIN_ROUTE),
        resolved("dot-dot segment", "/api/x/../admin/users", ADMIN_ROUTE),
        resolved("dot-dot out of the admin route", "/api/admin/../public", API_ROUTE),
        resolved("trailing dot segment", "/api/admin/.", ADMIN_ROUTE),
        resolved("encoded dot, lower-case", "/api/%2e/admin/users", ADMIN_ROUTE),
        resolved("encoded dot-dot, upper-case", "/api/x/%2E%2E/admin/users", ADMIN_ROUTE),
        resolved("half-encoded dot-dot", "/api/x/.%2e/admin/users", ADMIN_ROUTE),
        resolved("dot-dot with a path parameter", "/api/x/..;y/admin/users", ADMIN_ROUTE),
        ambiguous("encoded slash, upper-case", "/api%2Fadmin/users"),
        ambiguous("encoded slash, lower-case", "/api/admin%2fusers"),
        ambiguous("encoded backslash, upper-case", "/api/admin%5Cusers"),
        ambiguous("encoded backslash, lower-case", "/api%5cadmin/users"),
        ambiguous("raw backslash", "/api\\admin/users"),
        ambiguous("encoded NUL", "/api/admin%00/users"),
        ambiguous("invalid hex", "/api/%zz/admin"),
        ambiguous("truncated escape", "/api/admin/%4"),
        ambiguous("lone percent", "/api/admin/%"),
        ambiguous("overlong UTF-8 slash", "/api/%C0%AFadmin/users"),
        ambiguous("overlong UTF-8 dots", "/api/x/%C0%AE%C0%AE/admin/users"),
        ambiguous("Latin-1 byte, not UTF-8", "/api/admin/caf%E9"),
        ambiguous("UTF-8 surrogate", "/api/admin/%ED%A0%80"),
        ambiguous("dot-dot above the root", "/../api/admin/users"));
  }

  private static Entry decoded(String name, String rawPath, String route) {
    return new Entry(name, rawPath, Kind.DECODED, route);
  }

  private static Entry resolved(String name, String rawPath, String route) {
    return new Entry(name, rawPath, Kind.RESOLVED, route);
  }

  private static Entry ambiguous(String name, String rawPath) {
    return new Entry(name, rawPath, Kind.AMBIGUOUS, null);
  }

  /** How a server reads the path of a case when it chooses the application. */
  public enum Reading {
    /**
     * As the core does: decoded, its parameters removed, its segments resolved. The request gets
     * the CORS headers of the route that served it, and that route is the case's.
     */
    AS_THE_CORE,
    /**
     * Otherwise (as received, or with parameters, dot or empty segments left in): the core cannot
     * know which application the server chose, so the request gets no CORS headers from any route,
     * whichever application served it.
     */
    OTHERWISE,
    /**
     * The server answers the request target with its own 5xx before any filter runs: no CORS
     * headers on it.
     */
    REJECTED
  }

  /**
   * The reading of a server that dispatches on the decoded path with parameters, dot and empty
   * segments left in (the JDK server): {@link Reading#AS_THE_CORE} for the {@link Kind#DECODED}
   * cases, {@link Reading#OTHERWISE} for the rest.
   */
  public static Reading decodedOnly(Entry entry) {
    return entry.kind() == Kind.DECODED ? Reading.AS_THE_CORE : Reading.OTHERWISE;
  }

  /**
   * The reading of a server that routes on the path as received, still percent-encoded, with
   * parameters, dot and empty segments left in (Jakarta REST, Javalin, Micronaut): {@link
   * Reading#OTHERWISE} for a path that {@link #encodesUnreserved encodes an unreserved character}
   * too, {@link #decodedOnly} otherwise.
   */
  public static Reading asReceived(Entry entry) {
    return encodesUnreserved(entry) ? Reading.OTHERWISE : decodedOnly(entry);
  }

  /**
   * Whether {@code entry} percent-encodes a letter, a digit or one of {@code -._~} (RFC 3986
   * section 2.3), which a server routing on the path as received reads as another segment.
   */
  public static boolean encodesUnreserved(Entry entry) {
    return entry.kind() == Kind.DECODED
        && entry
            .rawPath()
            .matches("(?i).*%(4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3[0-9]|2d|2e|5f|7e).*");
  }

  /**
   * {@link #check(String, Entry, Reading)} for a server that resolves the path as the core does
   * ({@code serverResolves}: servlet containers) or only decodes it ({@link #decodedOnly}).
   *
   * @return the route that served the request, or null
   */
  public static String check(String base, Entry entry, boolean serverResolves) throws IOException {
    return check(
        base,
        entry,
        entry.kind() == Kind.RESOLVED && serverResolves ? Reading.AS_THE_CORE : decodedOnly(entry));
  }

  /**
   * Sends {@code GET <rawPath>} from {@link #PARTNER} to {@code base} and checks the CORS headers:
   * those of the route named in {@link #SERVED} when the server read the path as the core does and
   * the application served the request (and that route is the case's), none when it did not (the
   * server rejected the path, no route's application has it, or the server read it {@link
   * Reading#OTHERWISE}), and none for an {@link Kind#AMBIGUOUS} path whatever the server did.
   *
   * @return the route that served the request, or null
   */
  public static String check(String base, Entry entry, Reading reading) throws IOException {
    RawHttp.Response response =
        RawHttp.send(
            base, "GET " + entry.rawPath() + " HTTP/1.1\r\nHost: x\r\nOrigin: " + PARTNER + "\r\n");
    Map<String, String> cors = corsHeaders(response);
    if (reading == Reading.REJECTED) {
      assertThat(response.status()).as("status for %s", entry).isGreaterThanOrEqualTo(500);
      assertThat(cors).as("CORS headers for %s", entry).isEmpty();
      return null;
    }
    assertThat(response.status()).as("status for %s", entry).isLessThan(500).isNotZero();
    String served = response.header(SERVED);
    boolean asTheCore = reading == Reading.AS_THE_CORE && entry.kind() != Kind.AMBIGUOUS;
    if (served == null || !asTheCore) {
      assertThat(cors).as("CORS headers for %s, served by %s", entry, served).isEmpty();
    } else {
      assertThat(cors)
          .as("CORS headers for %s, served by %s", entry, served)
          .isEqualTo(expected(served));
      assertThat(served).as("the route that served %s", entry).isEqualTo(entry.route());
    }
    return served;
  }

  /** What {@code route}'s own options answer to a GET from {@link #PARTNER}. */
  static Map<String, String> expected(String route) {
    CorsOptions options =
        switch (route) {
          case ADMIN_ROUTE -> adminOptions();
          case API_ROUTE -> apiOptions();
          default -> throw new AssertionError("the application named an unknown route: " + route);
        };
    return Requests.policyHeaders(CorsPolicy.of(options), "/", PARTNER);
  }

  /** The {@code Access-Control-*} headers and {@code Vary} of {@code response}. */
  static Map<String, String> corsHeaders(RawHttp.Response response) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String[] header : response.headers()) {
      String name = header[0];
      if (name.regionMatches(true, 0, "Access-Control-", 0, 15) || name.equalsIgnoreCase("Vary")) {
        headers.merge(name, header[1], (a, b) -> a + ", " + b);
      }
    }
    return headers;
  }
}
