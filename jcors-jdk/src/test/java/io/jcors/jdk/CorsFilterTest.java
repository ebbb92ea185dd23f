package io.jcors.jdk;

import static io.jcors.testsupport.DelayedOrigins.delayed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorsFilterTest {
  private static final String APP_ORIGIN = "https://app.example.com";
  private static final String THREAD_PREFIX = "jdk-request-";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private ExecutorService executor;
  private String base;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** The application: echoes method and path; some paths answer with errors or set Vary. */
  private static void app(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    String body = exchange.getRequestMethod() + " " + path;
    switch (path) {
      case "/five-hundred":
        status = 500;
        body = "Error: nope";
        break;
      case "/four-oh-one":
        status = 401;
        body = "unauthorized";
        break;
      case "/four-oh-four":
        status = 404;
        break;
      case "/vary":
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        break;
      case "/vary-add":
        exchange.getResponseHeaders().add("Vary", "Accept-Language");
        break;
      case "/cors-headers":
        // What a handler may do with the lines CORS wrote: read them, add to one, remove two
        // (one by emptying its list, which sends no line).
        body = exchange.getResponseHeaders().getFirst("access-control-allow-origin");
        exchange.getResponseHeaders().get("Access-Control-Allow-Origin").clear();
        exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "X-Page");
        exchange.getResponseHeaders().remove("Access-Control-Allow-Credentials");
        break;
      default:
        break;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** A server whose request threads are {@code threads} named ones; filters on context "/". */
  private HttpContext start(int threads, String contextPath, Filter... filters) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger count = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            threads, task -> new Thread(task, THREAD_PREFIX + count.incrementAndGet()));
    server.setExecutor(executor);
    HttpContext context = server.createContext(contextPath, CorsFilterTest::app);
    context.getFilters().addAll(List.of(filters));
    if (!contextPath.equals("/")) {
      server.createContext("/", CorsFilterTest::app); // the rest of the application, no CORS
    }
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    return context;
  }

  private void start(Filter... filters) throws IOException {
    start(4, "/", filters);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String origin) throws Exception {
    return send(request(path).header("Origin", origin));
  }

  private HttpResponse<String> preflight(String path, String origin, String method)
      throws Exception {
    return send(
        request(path)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method));
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static CorsOptions appOnly() {
    return CorsOptions.builder()
        .origin(Origins.of(APP_ORIGIN))
        .credentials(true)
        .exposedHeaders("X-Total")
        .build();
  }

  @Nested
  class Preflight {
    @Test
    void credentialed_allowedOrigin_getsOriginAndCredentials() throws Exception {
      start(new CorsFilter(appOnly()));
      HttpResponse<String> response =
          send(
              request("/data")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", APP_ORIGIN)
                  .header("Cookie", "session=1")
                  .header("Access-Control-Request-Method", "DELETE"));
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
      assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    @Test
    void refusedOrigin_answeredWithoutAllowOrigin() throws Exception {
      start(new CorsFilter(appOnly()));
      HttpResponse<String> response = preflight("/data", "https://evil.example", "PUT");
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    }
  }

  @Nested
  class Actual {
    @Test
    void perRoute_onlyTheFilteredContextGetsCors() throws Exception {
      start(4, "/products", new CorsFilter(CorsPolicy.defaults()));
      assertThat(header(get("/products/7", "https://a.example"), "Access-Control-Allow-Origin"))
          .isEqualTo("*");
      HttpResponse<String> other = get("/orders/7", "https://a.example");
      assertThat(other.body()).isEqualTo("GET /orders/7");
      assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
      assertThat(preflight("/orders/7", "https://a.example", "PUT").body())
          .isEqualTo("OPTIONS /orders/7");
    }

    @Test
    void routes_policyChoosesByPath() throws Exception {
      start(
          new CorsFilter(
              CorsPolicy.builder()
                  .route("/api/**", appOnly())
                  .route("/public/**", CorsOptions.defaults())
                  .build()));
      assertThat(header(get("/api/users", APP_ORIGIN), "Access-Control-Allow-Origin"))
          .isEqualTo(APP_ORIGIN);
      assertThat(header(get("/public/logo", "https://b.example"), "Access-Control-Allow-Origin"))
          .isEqualTo("*");
      assertThat(header(get("/internal/x", APP_ORIGIN), "Access-Control-Allow-Origin")).isNull();
    }
  }

  @Nested
  class Vary {
    @Test
    void setByApplicationAfterFilter_keepsBothNames() throws Exception {
      start(new CorsFilter(appOnly()));
      assertThat(get("/vary", APP_ORIGIN).headers().allValues("Vary"))
          .containsExactly("Accept-Encoding, Origin");
      assertThat(String.join(", ", get("/vary-add", APP_ORIGIN).headers().allValues("Vary")))
          .isEqualTo("Origin, Accept-Language");
    }

    @Test
    void handlerReadsAddsToAndRemovesCorsLines_seesThem_addsAndTheRemovedOnesAreBack()
        throws Exception {
      start(new CorsFilter(appOnly()));
      HttpResponse<String> response = get("/cors-headers", APP_ORIGIN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(APP_ORIGIN);
      assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
          .containsExactly(APP_ORIGIN);
      assertThat(response.headers().allValues("Access-Control-Expose-Headers"))
          .containsExactly("X-Total", "X-Page");
      assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
    }

    @Test
    void setByEarlierFilter_keepsBothNames() throws Exception {
      Filter earlier =
          Filter.beforeHandler(
              "sets Vary",
              exchange -> exchange.getResponseHeaders().set("Vary", "Accept-Encoding"));
      start(earlier, new CorsFilter(appOnly()));
      assertThat(get("/data", APP_ORIGIN).headers().allValues("Vary"))
          .containsExactly("Accept-Encoding, Origin");
    }
  }

  /** The three cases of the Express package's test/error-response.js. */
  @Nested
  class ErrorResponses {
    @Test
    void status500_keepsAllowOrigin() throws Exception {
      start(new CorsFilter(CorsPolicy.defaults()));
      HttpResponse<String> response = send(postFrom("/five-hundred"));
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("Error: nope");
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void status401_keepsAllowOrigin() throws Exception {
      start(new CorsFilter(CorsPolicy.defaults()));
      HttpResponse<String> response = send(postFrom("/four-oh-one"));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("unauthorized");
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    private HttpRequest.Builder postFrom(String path) {
      return request(path)
          .POST(HttpRequest.BodyPublishers.noBody())
          .header("Origin", "https://a.example");
    }
  }

  @Nested
  class Functions {

    @Test
    void asyncOrigin_completesLater_allowsRefusesAndAnswersPreflights() throws Exception {
      start(new CorsFilter(CorsOptions.builder().origin(delayed(50)).build()));
      HttpResponse<String> allowed = get("/data", APP_ORIGIN);
      assertThat(allowed.body()).isEqualTo("GET /data");
      assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
      HttpResponse<String> refused = get("/data", "https://evil.test");
      assertThat(refused.statusCode()).isEqualTo(200);
      assertThat(header(refused, "Access-Control-Allow-Origin")).isNull();
      HttpResponse<String> preflight = preflight("/data", APP_ORIGIN, "PUT");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(header(preflight, "Content-Length")).isEqualTo("0");
      assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    }

    @Test
    void asyncOrigin_failsLater_gives500_andServerGoesOn() throws Exception {
      start(new CorsFilter(CorsOptions.builder().origin(delayed(20)).build()));
      HttpResponse<String> failed = get("/data", "https://fail.example.com");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("Internal Server Error\n");
      assertThat(get("/data", APP_ORIGIN).statusCode()).isEqualTo(200);
    }

    @Test
    void originFunction_failsAtOnce_gives500() throws Exception {
      OriginResolver broken =
          origin -> {
            throw new IllegalStateException("broken");
          };
      start(new CorsFilter(CorsOptions.builder().origin(broken).build()));
      assertThat(get("/data", APP_ORIGIN).statusCode()).isEqualTo(500);
    }
  }
}
