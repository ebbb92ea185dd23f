package io.jcors.testsupport;

import static io.jcors.testsupport.Requests.get;
import static io.jcors.testsupport.Requests.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every adapter promises, on its real server, over real HTTP: one abstract contract that an
 * adapter's test extends by giving a factory for "this server, with this policy in front of the
 * application routes below" ({@link #start(CorsPolicy)}); {@code jcors-jdk}'s {@code
 * JdkAdapterTest} is the shortest example. In outline, for the JDK's server:
 *
 * <pre>{@code
 * class JdkServerContractTest extends AdapterContract {
 *   @Override
 *   protected Server start(CorsPolicy policy) throws Exception {
 *     return serve(policy, exchange -> {
 *       exchange.sendResponseHeaders(200, -1); // the routes listed below, in the real test
 *       exchange.close();
 *     });
 *   }
 *
 *   @Override
 *   protected Server startRouted(CorsPolicy policy) throws Exception {
 *     return serve(policy, exchange -> { // dispatches on the path as the server gives it
 *       String route = RoutingPaths.routeOf(exchange.getRequestURI().getPath());
 *       if (route != null) {
 *         exchange.getResponseHeaders().set(RoutingPaths.SERVED, route);
 *       }
 *       exchange.sendResponseHeaders(route == null ? 404 : 200, -1);
 *       exchange.close();
 *     });
 *   }
 *
 *   private static Server serve(CorsPolicy policy, HttpHandler app) throws IOException {
 *     HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
 *     http.createContext("/", app).getFilters().add(new CorsFilter(policy));
 *     http.start();
 *     return new Server() {
 *       public String base() {
 *         return "http://127.0.0.1:" + http.getAddress().getPort();
 *       }
 *
 *       public int requestThreads() {
 *         return 1; // the server's default executor: the dispatcher thread
 *       }
 *
 *       public void stop() {
 *         http.stop(0);
 *       }
 *     };
 *   }
 * }
 * }</pre>
 *
 * <p>The application routes a factory serves behind the adapter, each answering any method:
 *
 * <ul>
 *   <li>{@code /vary}: sets {@code Vary: Accept-Encoding}, then answers 200;
 *   <li>{@code /four-oh-four}: answers 404 the server's way of sending an error ({@code
 *       sendError(404)} on a servlet container);
 *   <li>{@code /five-hundred}: throws, as an application that fails does (on a server that answers
 *       an exception with a 500; see {@link #answersExceptionsWith500()});
 *   <li>every other path: 200, {@code text/plain}, the body {@code METHOD path}.
 * </ul>
 *
 * <p>{@link #startRouted(CorsPolicy)} gives the same server with the two applications of {@link
 * RoutingPaths} behind the adapter, chosen by the server's own routing, for the path corpus; {@link
 * #reads(RoutingPaths.Entry)} says how the server reads a path of it.
 *
 * <p>What is the same on every server is proved here; an adapter's own tests keep what only its
 * server has (a servlet container's error pages and async dispatches, the JDK server's contexts).
 */
public abstract class AdapterContract {
  /** The origin the policies of this contract allow. */
  protected static final String APP_ORIGIN = "https://app.example.com";

  /** A running server. */
  public interface Server {
    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    String base();

    /**
     * At least as many threads as the server runs requests on at once: the contract sends one more
     * request than this whose origin function has not completed, to see that none of them holds a
     * thread.
     */
    int requestThreads();

    /** Stops the server and what it started. */
    void stop() throws Exception;

    /** The server at {@code base}, of {@code requestThreads} threads, that {@code stop} stops. */
    static Server of(String base, int requestThreads, AutoCloseable stop) {
      return new Server() {
        @Override
        public String base() {
          return base;
        }

        @Override
        public int requestThreads() {
          return requestThreads;
        }

        @Override
        public void stop() throws Exception {
          stop.close();
        }
      };
    }
  }

  private final HttpClient client = Requests.client();
  private Server server;

  /** For subclasses. */
  protected AdapterContract() {}

  /**
   * Starts the adapter's server on 127.0.0.1, an ephemeral port, with {@code policy} applied to
   * every path in front of the application routes of this contract.
   */
  protected abstract Server start(CorsPolicy policy) throws Exception;

  /**
   * Starts the adapter's server as {@link #start(CorsPolicy)} does, with {@code policy} (the routes
   * of {@link RoutingPaths#policy()}) in front of the two applications of {@link RoutingPaths},
   * chosen by the server's own routing as an application would route them: {@code /api/admin} and
   * below to the admin application, the rest of {@code /api} to the API, each naming its route
   * ({@link RoutingPaths#ADMIN_ROUTE}, {@link RoutingPaths#API_ROUTE}) in the response header
   * {@link RoutingPaths#SERVED}; no application for any other path ({@code /nowhere}): the server's
   * own 404 there.
   */
  protected abstract Server startRouted(CorsPolicy policy) throws Exception;

  /**
   * How the server reads {@code entry}'s path when it chooses the application of {@link
   * #startRouted(CorsPolicy)}; by default as the JDK server does ({@link
   * RoutingPaths#decodedOnly}).
   */
  protected RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return RoutingPaths.decodedOnly(entry);
  }

  /**
   * Whether the server answers an exception of the application with a 500 response; the JDK's
   * server closes the connection instead, so there is no response to keep CORS headers on.
   */
  protected boolean answersExceptionsWith500() {
    return true;
  }

  /**
   * The {@link HostileRequests#cases() hostile requests}, by name, that the server's own HTTP
   * parser answers with a 5xx before any filter or handler runs, so that no adapter can change the
   * answer; none by default. The adapter's own test must show each on the server without the
   * adapter. For these the check is that the 5xx carries no {@code Access-Control-*} header.
   */
  protected Set<String> hostileRequestsTheServerFails() {
    return Set.of();
  }

  /**
   * Whether the application of {@link #start(CorsPolicy)} answers its errors through the server's
   * own error pages or error handlers, which the factory registers for 404 and 500 (a servlet
   * container's error pages, Vert.x's {@code router.errorHandler}, Javalin's {@code error(status)},
   * a Jakarta REST {@code ExceptionMapper}), each answering with the body {@code error page
   * STATUS}: then {@code /four-oh-four} and {@code /five-hundred} are answered by them. A server
   * without such a thing (the JDK's, Netty) leaves this false, and the check is skipped.
   */
  protected boolean errorPages() {
    return false;
  }

  /**
   * Whether a request whose origin or options function has not completed waits without holding a
   * thread. Jakarta REST filters are synchronous, so {@code jcors-jaxrs} waits on the request
   * thread (with a bound, which its own tests check); the two checks that no thread is held are
   * skipped for such an adapter.
   */
  protected boolean waitsWithoutAThread() {
    return true;
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private String serve(CorsPolicy policy) throws Exception {
    if (server != null) {
      server.stop(); // a check that starts a second server (ConcurrentLoad) stops the first
    }
    server = start(policy);
    return server.base();
  }

  /**
   * Checks one path on the server of {@link #startRouted(CorsPolicy)} with {@link
   * RoutingPaths#policy()}, for a case of the adapter's own beyond the corpus: {@link
   * RoutingPaths#check(String, RoutingPaths.Entry, RoutingPaths.Reading)}.
   *
   * @return the route that served the request, or null
   */
  protected String checkRouted(RoutingPaths.Entry entry, RoutingPaths.Reading reading)
      throws Exception {
    return RoutingPaths.check(serveRouted(RoutingPaths.policy()), entry, reading);
  }

  private String serveRouted(CorsPolicy policy) throws Exception {
    if (server != null) {
      server.stop();
    }
    server = startRouted(policy);
    return server.base();
  }

  private static CorsPolicy app(boolean credentials) {
    return CorsPolicy.of(
        CorsOptions.builder().origin(Origins.of(APP_ORIGIN)).credentials(credentials).build());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(20)).build(), ofString());
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static HttpRequest.Builder preflight(String url, String origin) {
    return Requests.preflight(url, origin, "PUT")
        .header("Access-Control-Request-Headers", "x-token");
  }

  @Test
  void preflight_defaults_answered204_emptyBody() throws Exception {
    String base = serve(CorsPolicy.defaults());
    HttpResponse<String> response = send(preflight(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(204);
    // The adapter sets Content-Length: 0 as Express does; Tomcat and Jetty drop it from a 204
    // (RFC 9110 section 8.6), the JDK server keeps it.
    assertThat(header(response, "Content-Length")).isIn(null, "0");
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(response, "Access-Control-Allow-Methods"))
        .isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
    assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("x-token");
    assertThat(header(response, "Vary")).isEqualTo("Access-Control-Request-Headers");
  }

  @Test
  void preflight_optionsSuccessStatus200_answered200_contentLengthZero() throws Exception {
    String base = serve(CorsPolicy.of(CorsOptions.builder().optionsSuccessStatus(200).build()));
    HttpResponse<String> response = send(preflight(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Length")).isEqualTo("0");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void preflight_preflightContinue_reachesTheApplicationWithCorsHeaders() throws Exception {
    String base = serve(CorsPolicy.of(CorsOptions.builder().preflightContinue(true).build()));
    HttpResponse<String> response = send(preflight(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("OPTIONS /data");
    assertThat(header(response, "Access-Control-Allow-Methods"))
        .isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
  }

  @Test
  void actual_allowedOrigin_reachesTheApplicationWithCorsHeaders() throws Exception {
    String base = serve(app(true));
    HttpResponse<String> response = send(get(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void actual_noOrigin_reachesTheApplicationWithoutAllowOrigin_stillVaries() throws Exception {
    String base = serve(app(false));
    HttpResponse<String> response = send(get(base + "/data", null));
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void actual_refusedOrigin_reachesTheApplicationWithoutAllowOrigin() throws Exception {
    String base =
        serve(
            CorsPolicy.of(
                CorsOptions.builder().origin(Origins.of(APP_ORIGIN, "https://b.example")).build()));
    HttpResponse<String> response = send(get(base + "/data", "https://evil.example"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void vary_setByTheApplication_keepsTheCorsNames() throws Exception {
    String base = serve(app(false));
    HttpResponse<String> response = send(get(base + "/vary", APP_ORIGIN));
    assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding, Origin");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void error_404_keepsAllowOriginAndVary() throws Exception {
    String base =
        serve(
            CorsPolicy.of(
                CorsOptions.builder().origin(Origins.of(APP_ORIGIN, "https://b.example")).build()));
    HttpResponse<String> response = send(get(base + "/four-oh-four", "https://b.example"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://b.example");
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void preflight_credentials_allowedOrigin_getsOriginAndCredentials() throws Exception {
    String base = serve(app(true));
    HttpResponse<String> response =
        send(preflight(base + "/data", APP_ORIGIN).header("Cookie", "session=1"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
  }

  @Test
  void preflight_refusedOrigin_answeredWithoutAllowOrigin() throws Exception {
    String base = serve(app(true));
    HttpResponse<String> response = send(preflight(base + "/data", "https://evil.example"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty(); // the application is not reached
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }

  /** An origin function that answers later ({@link OriginFunctions#delayed}). */
  @Test
  void originFunction_answeringLater_allowsRefusesAndAnswersPreflights() throws Exception {
    String base =
        serve(CorsPolicy.of(CorsOptions.builder().origin(OriginFunctions.delayed(50)).build()));
    HttpResponse<String> allowed = send(get(base + "/data", APP_ORIGIN));
    assertThat(allowed.body()).isEqualTo("GET /data");
    assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    HttpResponse<String> refused = send(get(base + "/data", "https://evil.test"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).isEqualTo("GET /data");
    assertThat(header(refused, "Access-Control-Allow-Origin")).isNull();
    HttpResponse<String> preflight = send(preflight(base + "/data", APP_ORIGIN));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void originFunction_failingLater_givesA500_andTheServerGoesOn() throws Exception {
    String base =
        serve(CorsPolicy.of(CorsOptions.builder().origin(OriginFunctions.delayed(20)).build()));
    HttpResponse<String> failed = send(get(base + "/data", "https://fail.example.com"));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).doesNotContain("GET /data");
    assertThat(header(failed, "Access-Control-Allow-Origin")).isNull();
    assertThat(send(get(base + "/data", APP_ORIGIN)).statusCode()).isEqualTo(200);
  }

  @Test
  void originFunction_throwingAtOnce_givesA500WithoutCorsHeaders() throws Exception {
    String base =
        serve(
            CorsPolicy.of(
                CorsOptions.builder()
                    .origin(
                        origin -> {
                          throw new IllegalStateException("broken");
                        })
                    .build()));
    HttpResponse<String> response = send(get(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void originFunction_failing_givesA500WithoutCorsHeaders() throws Exception {
    String base =
        serve(
            CorsPolicy.of(
                CorsOptions.builder()
                    .origin(
                        origin -> CompletableFuture.failedFuture(new IllegalStateException("down")))
                    .build()));
    HttpResponse<String> response = send(get(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }

  /**
   * More requests than the server has threads wait for an origin function; a request that needs no
   * function is still answered at once, so none of the waiting ones holds a thread.
   */
  @Test
  void asyncOriginFunction_pendingOnEveryThreadAndOneMore_holdsNoThread() throws Exception {
    Assumptions.assumeTrue(waitsWithoutAThread(), "the adapter waits on the request thread");
    ConcurrentLinkedQueue<CompletableFuture<Origins>> pending = new ConcurrentLinkedQueue<>();
    CorsPolicy later =
        CorsPolicy.of(CorsOptions.builder().origin(origin -> waitingIn(pending)).build());
    List<HttpResponse<String>> answered =
        waitAndComplete(later, pending, false, f -> f.complete(Origins.of(APP_ORIGIN)));
    for (int i = 0; i < answered.size(); i++) {
      HttpResponse<String> response = answered.get(i);
      assertThat(response.body()).isEqualTo("GET /slow/" + i);
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
      assertThat(header(response, "Vary")).isEqualTo("Origin");
    }
  }

  /** The same with an options function ({@code cors(function (req, callback))}), for preflights. */
  @Test
  void asyncOptionsFunction_pendingOnEveryThreadAndOneMore_holdsNoThread() throws Exception {
    Assumptions.assumeTrue(waitsWithoutAThread(), "the adapter waits on the request thread");
    ConcurrentLinkedQueue<CompletableFuture<CorsOptions>> pending = new ConcurrentLinkedQueue<>();
    CorsPolicy later = CorsPolicy.of(request -> waitingIn(pending));
    CorsOptions options = CorsOptions.builder().origin(Origins.of(APP_ORIGIN)).maxAge(60).build();
    for (HttpResponse<String> response :
        waitAndComplete(later, pending, true, f -> f.complete(options))) {
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
      assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("60");
    }
  }

  private static <T> CompletableFuture<T> waitingIn(ConcurrentLinkedQueue<CompletableFuture<T>> q) {
    CompletableFuture<T> result = new CompletableFuture<>();
    q.add(result);
    return result;
  }

  /**
   * Sends one request more than the server has threads to {@code /slow/i}, where {@code later}
   * leaves each waiting in {@code pending}; checks that all of them wait at once and that a request
   * on another route is answered meanwhile (which fails if a waiting request holds a thread); then
   * completes every function and gives the answers, in order.
   */
  private <T> List<HttpResponse<String>> waitAndComplete(
      CorsPolicy later,
      ConcurrentLinkedQueue<CompletableFuture<T>> pending,
      boolean preflights,
      java.util.function.Consumer<CompletableFuture<T>> complete)
      throws Exception {
    String base =
        serve(CorsPolicy.builder().route("/slow/**", later).route("/**", app(false)).build());
    int waiting = server.requestThreads() + 1;
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < waiting; i++) {
      String url = base + "/slow/" + i;
      HttpRequest.Builder request = preflights ? preflight(url, APP_ORIGIN) : get(url, APP_ORIGIN);
      slow.add(client.sendAsync(request.timeout(Duration.ofSeconds(30)).build(), ofString()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (pending.size() < waiting && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pending).as("requests waiting for the function").hasSize(waiting);

    HttpResponse<String> fast =
        client.send(
            get(base + "/fast", APP_ORIGIN).timeout(Duration.ofSeconds(5)).build(), ofString());
    assertThat(fast.body()).isEqualTo("GET /fast");

    pending.forEach(complete);
    List<HttpResponse<String>> answered = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : slow) {
      answered.add(response.get(20, TimeUnit.SECONDS));
    }
    return answered;
  }

  @Test
  void optionsFunction_failingLater_givesA500WithoutCorsHeaders() throws Exception {
    String base =
        serve(
            CorsPolicy.of(
                request ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw new IllegalStateException("config store down");
                        })));
    HttpResponse<String> response = send(preflight(base + "/data", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    // The server goes on: the next request is answered too, with a 500 again.
    assertThat(send(get(base + "/data", APP_ORIGIN)).statusCode()).isEqualTo(500);
  }

  @Test
  void error_exceptionInTheApplication_500_keepsAllowOriginAndVary() throws Exception {
    Assumptions.assumeTrue(answersExceptionsWith500(), "the server answers no exception");
    String base = serve(app(true));
    HttpResponse<String> response = send(get(base + "/five-hundred", APP_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  /** An error page or error handler of the server answers the application's 404 and 500. */
  @Test
  void error_errorPage_keepsAllowOriginAndVary() throws Exception {
    Assumptions.assumeTrue(errorPages(), "the server has no error pages");
    String base = serve(app(true));
    List<String> paths =
        answersExceptionsWith500()
            ? List.of("/four-oh-four", "/five-hundred")
            : List.of("/four-oh-four");
    for (String path : paths) {
      int status = path.equals("/four-oh-four") ? 404 : 500;
      HttpResponse<String> response = send(get(base + path, APP_ORIGIN));
      assertThat(response.statusCode()).as(path).isEqualTo(status);
      assertThat(response.body()).as(path).isEqualTo("error page " + status);
      assertThat(header(response, "Access-Control-Allow-Origin")).as(path).isEqualTo(APP_ORIGIN);
      assertThat(header(response, "Access-Control-Allow-Credentials")).as(path).isEqualTo("true");
      assertThat(header(response, "Vary")).as(path).isEqualTo("Origin");
    }
  }

  /**
   * A path no application of {@link #startRouted(CorsPolicy)} has: the 404 of the server's own
   * routing (its router, its container, or the application's own dispatch) keeps the CORS headers
   * of a policy for every path.
   */
  @Test
  void error_404FromTheRouting_keepsAllowOriginAndVary() throws Exception {
    String base = serveRouted(app(true));
    for (String method : List.of("GET", "DELETE")) {
      HttpResponse<String> response =
          send(
              get(base + "/nowhere", APP_ORIGIN)
                  .method(method, HttpRequest.BodyPublishers.noBody()));
      assertThat(response.statusCode()).as(method).isEqualTo(404);
      assertThat(header(response, "Access-Control-Allow-Origin")).as(method).isEqualTo(APP_ORIGIN);
      assertThat(header(response, "Access-Control-Allow-Credentials")).as(method).isEqualTo("true");
      assertThat(header(response, "Vary")).as(method).isEqualTo("Origin");
    }
  }

  @Test
  void error_404_preflightAnsweredStill_andOptionsWithoutRequestMethodReachesTheApplication()
      throws Exception {
    String base = serve(app(false));
    HttpResponse<String> options =
        send(
            HttpRequest.newBuilder(URI.create(base + "/data"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP_ORIGIN));
    assertThat(options.body()).isEqualTo("OPTIONS /data"); // not a preflight (Fetch)
    assertThat(header(options, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(send(preflight(base + "/four-oh-four", APP_ORIGIN)).statusCode()).isEqualTo(204);
  }

  /** Hostile bytes over a raw socket (S15-S18, S26): {@link HostileRequests}. */
  @ParameterizedTest(name = "{1}")
  @MethodSource("io.jcors.testsupport.HostileRequests#cases")
  void hostileRequest_noServerError_noInvalidByte_noAllowOrigin(
      boolean mayMatch, String name, String head) throws Exception {
    HostileRequests.checkHostileRequest(
        serve(HostileRequests.policy()),
        mayMatch,
        name,
        head,
        hostileRequestsTheServerFails().contains(name));
  }

  @Test
  void hostile_duplicateOrigin_attackerFirst_getsNoAllowOrigin() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerFirst(serve(HostileRequests.policy()));
  }

  @Test
  void hostile_duplicateOrigin_attackerSecond_reflectsOnlyTheFirst() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerSecond(serve(HostileRequests.policy()));
  }

  @Test
  void hostile_afterTheOnslaught_aNormalPreflightStillWorks() throws Exception {
    HostileRequests.checkNormalPreflightAfterAll(serve(HostileRequests.policy()));
  }

  /** One policy shared by many connections (S24): {@link ConcurrentLoad}. */
  @Test
  void concurrency_differentOrigins_eachResponseCarriesOnlyItsOwnOrigin() throws Exception {
    ConcurrentLoad.checkEachResponseCarriesOnlyItsOwnOrigin(this::serve);
  }

  @Test
  void concurrency_reloadUnderLoad_losesNoRequest_mixesNoPolicies() throws Exception {
    ConcurrentLoad.checkReloadUnderLoad(this::serve);
  }

  /**
   * Every path of {@link RoutingPaths}, on one server for them all: the CORS headers of the route
   * whose application the server chose, or none ({@link RoutingPaths#check(String,
   * RoutingPaths.Entry, RoutingPaths.Reading)}).
   */
  @TestFactory
  Stream<DynamicTest> routingPath_getsTheCorsHeadersOfTheRouteServed_orNone() throws Exception {
    String base = serveRouted(RoutingPaths.policy());
    return RoutingPaths.entries().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.toString(), () -> RoutingPaths.check(base, entry, reads(entry))));
  }
}
