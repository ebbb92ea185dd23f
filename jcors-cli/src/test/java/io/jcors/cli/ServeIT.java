package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.ConcurrentLoad;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jcors serve} run from the jar and answered over HTTP: for each Express option, the status,
 * body and every CORS header an Express 4 app with {@code app.options(path, cors(opts))} and {@code
 * app.all(path, cors(opts), handler)} sends, apart from the deliberate differences of
 * docs/express-mapping.md (marked "difference N").
 */
public class ServeIT {
  private static final String APP = "https://app.example.com";
  private static final String DEFAULT_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

  /** The headers compared with Express's answer: CORS's, and the route that answered. */
  private static final List<String> HEADERS =
      Stream.concat(ConcurrentLoad.CORS_HEADERS.stream(), Stream.of("X-Route")).toList();

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServeIT() {}

  static Path resource(String name) {
    return Path.of("src/test/resources/serve", name).toAbsolutePath();
  }

  /** A request and the answer Express gives it. */
  record Case(
      String description,
      String method,
      String path,
      Map<String, String> requestHeaders,
      int status,
      Map<String, String> headers,
      String body) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** Builds a case: {@code on("GET", "/x").origin(APP).expect(200).h(...).body(...)}. */
  static final class C {
    private final String method;
    private final String path;
    private final Map<String, String> request = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status;
    private String body = "";

    private C(String method, String path) {
      this.method = method;
      this.path = path;
    }

    static C on(String method, String path) {
      return new C(method, path);
    }

    static C preflight(String path, String origin, String requestMethod) {
      return on("OPTIONS", path)
          .header("Origin", origin)
          .header("Access-Control-Request-Method", requestMethod);
    }

    C origin(String origin) {
      return header("Origin", origin);
    }

    C header(String name, String value) {
      request.put(name, value);
      return this;
    }

    C expect(int expectedStatus) {
      this.status = expectedStatus;
      return this;
    }

    C h(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** 200 from the route's handler: X-Route and the JSON body. */
    C handled(String route) {
      this.status = 200;
      headers.put("X-Route", route);
      body = "{\"route\":\"" + route + "\",\"method\":\"" + method + "\"}";
      return this;
    }

    Case as(String description) {
      return new Case(description, method, path, request, status, headers, body);
    }
  }

  static Stream<Case> expressOptions() {
    List<Case> cases = new ArrayList<>();
    String acao = "Access-Control-Allow-Origin";
    String acac = "Access-Control-Allow-Credentials";
    String acam = "Access-Control-Allow-Methods";
    String acah = "Access-Control-Allow-Headers";
    String acrh = "Access-Control-Request-Headers";
    cases.add(
        C.on("GET", "/defaults").origin(APP).handled("/defaults").h(acao, "*").as("defaults: GET"));
    cases.add(
        C.on("POST", "/defaults")
            .handled("/defaults")
            .h(acao, "*")
            .as("defaults: POST without Origin still gets *"));
    cases.add(
        C.preflight("/defaults", APP, "PUT")
            .header(acrh, "x-a,x-b")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h(acah, "x-a,x-b")
            .h("Vary", acrh)
            .as("defaults: preflight reflects the requested headers"));
    cases.add(
        C.preflight("/defaults", APP, "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Vary", acrh)
            .as("defaults: preflight without requested headers"));
    cases.add(
        C.preflight("/defaults", APP, "PUT")
            .header(acrh, "x a")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Vary", acrh)
            .as(
                "defaults: requested headers that are not tokens are not reflected (difference 4)"));
    cases.add(
        C.on("options", "/defaults")
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Vary", acrh)
            .as("defaults: a lower-case options method is a preflight too"));
    cases.add(
        C.on("OPTIONS", "/defaults")
            .origin(APP)
            .handled("/defaults")
            .h(acao, "*")
            .as(
                "defaults: OPTIONS without Access-Control-Request-Method reaches the route"
                    + " (difference 1)"));
    cases.add(
        C.on("PUT", "/defaults").origin(APP).handled("/defaults").h(acao, "*").as("defaults: PUT"));
    cases.add(
        C.on("GET", "/origin-fixed")
            .origin("https://other.example.com")
            .handled("/origin-fixed")
            .h(acao, APP)
            .h("Vary", "Origin")
            .as("origin string: sent whatever the request's origin"));
    cases.add(
        C.on("GET", "/origin-true")
            .origin("https://evil.example")
            .handled("/origin-true")
            .h(acao, "https://evil.example")
            .h("Vary", "Origin")
            .as("origin true: reflects any origin"));
    cases.add(
        C.on("GET", "/origin-false")
            .origin(APP)
            .handled("/origin-false")
            .as("origin false: no CORS headers"));
    cases.add(
        C.preflight("/origin-false", APP, "PUT")
            .handled("/origin-false")
            .as("origin false: a preflight goes on to the route"));
    for (String allowed :
        List.of("https://a.example.com", "https://api.example.org", "https://x.example.net")) {
      cases.add(
          C.on("GET", "/origin-list/items")
              .origin(allowed)
              .handled("/origin-list/**")
              .h(acao, allowed)
              .h("Vary", "Origin")
              .as("origin list: " + allowed + " is reflected"));
    }
    for (String refused : List.of("https://example.org", "https://x.example.net.evil.example")) {
      cases.add(
          C.on("GET", "/origin-list/items")
              .origin(refused)
              .handled("/origin-list/**")
              .h("Vary", "Origin")
              .as("origin list: " + refused + " is refused"));
    }
    cases.add(
        C.preflight("/origin-list", "https://evil.example", "PUT")
            .header(acrh, "x-a")
            .expect(204)
            .h(acam, DEFAULT_METHODS)
            .h(acah, "x-a")
            .h("Vary", "Origin, Access-Control-Request-Headers")
            .as("origin list: a refused preflight still gets methods and headers, as in Express"));
    cases.add(
        C.on("GET", "/origin-regex")
            .origin(APP)
            .handled("/origin-regex")
            .h(acao, APP)
            .h("Vary", "Origin")
            .as("origin regex: match"));
    cases.add(
        C.on("GET", "/origin-regex")
            .origin("https://app.example.com.evil.example")
            .handled("/origin-regex")
            .h("Vary", "Origin")
            .as("origin regex: no match"));
    cases.add(
        C.preflight("/methods-list", APP, "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, "GET,PUT")
            .h("Vary", acrh)
            .as("methods list: joined with ,"));
    cases.add(
        C.preflight("/methods-string", APP, "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, "GET, PUT")
            .h("Vary", acrh)
            .as("methods string: sent as written"));
    cases.add(
        C.preflight("/allowed-headers", APP, "PUT")
            .header(acrh, "x-other")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h(acah, "Content-Type,X-Token")
            .as("allowedHeaders: sent instead of the requested ones, no Vary"));
    cases.add(
        C.on("GET", "/exposed-headers")
            .origin(APP)
            .handled("/exposed-headers")
            .h(acao, "*")
            .h("Access-Control-Expose-Headers", "X-Total,X-Page")
            .as("exposedHeaders: on actual requests"));
    cases.add(
        C.preflight("/exposed-headers", APP, "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Vary", acrh)
            .as("exposedHeaders: not on preflights (difference 3)"));
    cases.add(
        C.on("GET", "/credentials")
            .origin(APP)
            .handled("/credentials")
            .h(acao, APP)
            .h(acac, "true")
            .h("Vary", "Origin")
            .as("credentials: allowed origin"));
    cases.add(
        C.on("GET", "/credentials")
            .origin("https://evil.example")
            .handled("/credentials")
            .h(acac, "true")
            .h("Vary", "Origin")
            .as("credentials: refused origin, Allow-Credentials as in Express"));
    cases.add(
        C.preflight("/credentials", APP, "DELETE")
            .header(acrh, "content-type")
            .expect(204)
            .h(acao, APP)
            .h(acac, "true")
            .h(acam, DEFAULT_METHODS)
            .h(acah, "content-type")
            .h("Vary", "Origin, Access-Control-Request-Headers")
            .as("credentials: preflight"));
    cases.add(
        C.preflight("/max-age", APP, "PUT")
            .expect(204)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Access-Control-Max-Age", "600")
            .h("Vary", acrh)
            .as("maxAge: on preflights"));
    cases.add(
        C.on("GET", "/max-age")
            .origin(APP)
            .handled("/max-age")
            .h(acao, "*")
            .as("maxAge: not on" + " actual requests"));
    cases.add(
        C.preflight("/preflight-continue", APP, "PUT")
            .header(acrh, "x-a")
            .handled("/preflight-continue")
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h(acah, "x-a")
            .h("Vary", acrh)
            .as("preflightContinue: the route answers the preflight"));
    cases.add(
        C.preflight("/options-success-status", APP, "PUT")
            .expect(200)
            .h(acao, "*")
            .h(acam, DEFAULT_METHODS)
            .h("Vary", acrh)
            .as("optionsSuccessStatus: 200"));
    cases.add(C.on("GET", "/no-cors").origin(APP).handled("/no-cors").as("route without cors"));
    cases.add(
        C.preflight("/no-cors", APP, "PUT")
            .handled("/no-cors")
            .as("route without cors: preflight"));
    return cases.stream();
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Nested
  class ExpressOptions {
    private JcorsProcess.Server server;

    /** Needed by JUnit on the class path with -Xlint:all. */
    ExpressOptions() {}

    @BeforeAll
    void start() throws IOException {
      server = JcorsProcess.Server.start(resource("express-options.json"));
    }

    @AfterAll
    void stop() throws Exception {
      JcorsProcess.Result result = server.stop();
      server.close();
      assertThat(result.err()).contains("jcors serve: stopped").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jcors.cli.ServeIT#expressOptions")
    void answersAsExpress(Case c) throws Exception {
      HttpResponse<String> response = send(server.url, c.method(), c.path(), c.requestHeaders());

      assertThat(response.statusCode()).isEqualTo(c.status());
      Map<String, String> actual = new LinkedHashMap<>();
      Map<String, String> expected = new LinkedHashMap<>();
      for (String name : HEADERS) {
        actual.put(name, response.headers().firstValue(name).orElse(null));
        expected.put(name, c.headers().get(name));
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(response.body()).isEqualTo(c.body());
      if (c.status() != 200 || c.body().isEmpty()) {
        assertThat(response.headers().firstValue("Content-Length")).contains("0");
      }
    }

    @Test
    void head_noBody_corsHeaders() throws Exception {
      HttpResponse<String> response = send(server.url, "HEAD", "/defaults", Map.of("Origin", APP));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Route")).contains("/defaults");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(response.body()).isEmpty();
    }

    @Test
    void pathWithoutRoute_404_noCorsHeaders() throws Exception {
      HttpResponse<String> response = get(server.url, "/nowhere", APP);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().map().keySet())
          .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control"))
          .noneMatch(name -> name.equalsIgnoreCase("X-Route"));
    }
  }

  @Test
  void singleOptionsYaml_oneRouteForEveryPath() throws Exception {
    try (JcorsProcess.Server server = JcorsProcess.Server.start(resource("single.yaml"))) {
      HttpResponse<String> allowed = get(server.url, "/any/path", APP);
      HttpResponse<String> refused = get(server.url, "/", "https://evil.example");
      HttpResponse<String> preflight = preflight(server.url, "/x", APP, "POST");

      assertThat(allowed.body()).isEqualTo("{\"route\":\"/**\",\"method\":\"GET\"}");
      assertThat(allowed.headers().firstValue("X-Route")).contains("/**");
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(refused.headers().firstValue("Vary")).contains("Origin");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .contains("GET,POST");
      assertThat(server.stop().exitCode()).isNotZero(); // ended by SIGTERM
    }
  }

  /**
   * The cors README's {@code app.options('/products/:id', cors(corsOptions))} and {@code
   * app.get('/products/:id', cors(corsOptions), handler)}, as a config file: one segment, a
   * trailing / the same route, nothing else of /products.
   */
  @Test
  void productsById_routesOneSegment_trailingSlashIsTheSameRoute() throws Exception {
    String example = "http://example.com";
    try (JcorsProcess.Server server = JcorsProcess.Server.start(resource("products.yaml"))) {
      for (String path : List.of("/products/42", "/products/42/", "/products/%34%32")) {
        HttpResponse<String> get = get(server.url, path, example);
        assertThat(get.statusCode()).as(path).isEqualTo(200);
        assertThat(get.headers().firstValue("X-Route")).as(path).contains("/products/:id");
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
            .as(path)
            .contains(example);
      }
      HttpResponse<String> preflight = preflight(server.url, "/products/42", example, "DELETE");
      assertThat(preflight.statusCode()).isEqualTo(200); // optionsSuccessStatus
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(example);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .contains(DEFAULT_METHODS);
      for (String path : List.of("/products", "/products/42/reviews", "/Products/42")) {
        HttpResponse<String> none = get(server.url, path, example);
        assertThat(none.statusCode()).as(path).isEqualTo(404);
        assertThat(none.headers().map().keySet())
            .as(path)
            .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith("access-control"));
      }
    }
  }

  /**
   * The cors README's {@code app.options('*', cors())} (pre-flight on every path) beside a route of
   * its own: Express's {@code *} is {@code /**}, and the first route that matches wins.
   */
  @Test
  void preflightEverywhere_catchAllAfterAParameterRoute() throws Exception {
    try (JcorsProcess.Server server =
        JcorsProcess.Server.start(resource("preflight-everywhere.json"))) {
      HttpResponse<String> deep = preflight(server.url, "/any/deep/path", APP, "PUT");
      HttpResponse<String> product = get(server.url, "/products/42/", "http://example.com");
      HttpResponse<String> other = get(server.url, "/products", APP);

      assertThat(deep.statusCode()).isEqualTo(204);
      assertThat(deep.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(deep.headers().firstValue("Access-Control-Allow-Methods"))
          .contains(DEFAULT_METHODS);
      assertThat(product.headers().firstValue("X-Route")).contains("/products/{id}");
      assertThat(product.headers().firstValue("Access-Control-Allow-Origin"))
          .contains("http://example.com");
      assertThat(other.headers().firstValue("X-Route")).contains("/**");
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }
  }

  /** A GET of {@code path} from a page of {@code origin}. */
  static HttpResponse<String> get(String url, String path, String origin)
      throws IOException, InterruptedException {
    return send(url, "GET", path, Map.of("Origin", origin));
  }

  /** The preflight of a {@code method} request to {@code path} from a page of {@code origin}. */
  static HttpResponse<String> preflight(String url, String path, String origin, String method)
      throws IOException, InterruptedException {
    return send(
        url, "OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", method));
  }

  static HttpResponse<String> send(
      String url, String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .method(
                method,
                method.equals("PUT") || method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{\"a\":1}")
                    : HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
