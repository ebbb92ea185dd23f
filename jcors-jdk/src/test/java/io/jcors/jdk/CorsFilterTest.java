package io.jcors.jdk;

import static io.jcors.testsupport.Requests.appOnly;
import static io.jcors.testsupport.Requests.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.Requests;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorsFilterTest {
  private static final String APP_ORIGIN = "https://app.example.com";
  private static final String THREAD_PREFIX = "jdk-request-";

  private final HttpClient client = Requests.client();
  private HttpServer server;
  private ExecutorService executor;
  private Requests.Site site;

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
    site = new Requests.Site(client, "http://127.0.0.1:" + server.getAddress().getPort());
    return context;
  }

  private void start(Filter... filters) throws IOException {
    start(4, "/", filters);
  }

  @Nested
  class Actual {
    @Test
    void perRoute_onlyTheFilteredContextGetsCors() throws Exception {
      start(4, "/products", new CorsFilter(CorsPolicy.defaults()));
      assertThat(
              header(site.get("/products/7", "https://a.example"), "Access-Control-Allow-Origin"))
          .isEqualTo("*");
      HttpResponse<String> other = site.get("/orders/7", "https://a.example");
      assertThat(other.body()).isEqualTo("GET /orders/7");
      assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
      assertThat(site.preflight("/orders/7", "https://a.example", "PUT").body())
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
      assertThat(header(site.get("/api/users", APP_ORIGIN), "Access-Control-Allow-Origin"))
          .isEqualTo(APP_ORIGIN);
      assertThat(
              header(site.get("/public/logo", "https://b.example"), "Access-Control-Allow-Origin"))
          .isEqualTo("*");
      assertThat(header(site.get("/internal/x", APP_ORIGIN), "Access-Control-Allow-Origin"))
          .isNull();
    }
  }

  @Nested
  class Vary {
    @Test
    void setByApplicationAfterFilter_keepsBothNames() throws Exception {
      start(new CorsFilter(appOnly()));
      assertThat(site.get("/vary", APP_ORIGIN).headers().allValues("Vary"))
          .containsExactly("Accept-Encoding, Origin");
      assertThat(String.join(", ", site.get("/vary-add", APP_ORIGIN).headers().allValues("Vary")))
          .isEqualTo("Origin, Accept-Language");
    }

    @Test
    void handlerReadsAddsToAndRemovesCorsLines_seesThem_addsAndTheRemovedOnesAreBack()
        throws Exception {
      start(new CorsFilter(appOnly()));
      HttpResponse<String> response = site.get("/cors-headers", APP_ORIGIN);
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
      assertThat(site.get("/data", APP_ORIGIN).headers().allValues("Vary"))
          .containsExactly("Accept-Encoding, Origin");
    }
  }

  /** The three cases of the Express package's test/error-response.js. */
  @Nested
  class ErrorResponses {
    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource({"/five-hundred, 500, 'Error: nope'", "/four-oh-one, 401, unauthorized"})
    void errorStatus_keepsAllowOrigin(String path, int status, String body) throws Exception {
      start(new CorsFilter(CorsPolicy.defaults()));
      HttpResponse<String> response = site.send(postFrom(path));
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.body()).isEqualTo(body);
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    private HttpRequest.Builder postFrom(String path) {
      return site.request(path)
          .POST(HttpRequest.BodyPublishers.noBody())
          .header("Origin", "https://a.example");
    }
  }
}
