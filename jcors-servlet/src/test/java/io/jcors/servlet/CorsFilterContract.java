package io.jcors.servlet;

import static io.jcors.testsupport.Requests.appOnly;
import static io.jcors.testsupport.Requests.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.OriginResolver;
import io.jcors.Origins;
import io.jcors.testsupport.OriginFunctions;
import io.jcors.testsupport.Requests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the filter does in a real container; one subclass per container. */
abstract class CorsFilterContract {
  private static final String APP_ORIGIN = "https://app.example.com";

  private final HttpClient client = Requests.client();
  private Container container;
  private Requests.Site site;

  abstract Container.Kind kind();

  @AfterEach
  void stop() throws Exception {
    if (container != null) {
      container.close();
    }
  }

  // ---- setup ----

  private void start(Consumer<ServletContext> setup) throws Exception {
    start(kind().create(), setup);
  }

  private void start(Container c, Consumer<ServletContext> setup) throws Exception {
    container = c;
    site = new Requests.Site(client, container.start(setup));
  }

  /** The filter on every path, before the application: app.use(cors(...)). */
  private static Consumer<ServletContext> global(CorsFilter filter) {
    return context -> {
      filter.addTo(context, "/*");
      app(context, true);
    };
  }

  private static void app(ServletContext context, boolean async) {
    ServletRegistration.Dynamic app = context.addServlet("app", new App());
    app.addMapping("/");
    app.setAsyncSupported(async);
  }

  // ---- preflight and actual requests ----

  @Test
  void perRoute_onlyTheMappedPathGetsCors() throws Exception {
    start(
        context -> {
          new CorsFilter(CorsPolicy.defaults()).addTo(context, "/products/*");
          app(context, true);
        });
    assertThat(header(site.get("/products/7", "https://a.example"), "Access-Control-Allow-Origin"))
        .isEqualTo("*");
    HttpResponse<String> other = site.get("/orders/7", "https://a.example");
    assertThat(other.body()).isEqualTo("GET /orders/7");
    assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
    HttpResponse<String> preflight = site.preflight("/orders/7", "https://a.example", "PUT");
    assertThat(preflight.body()).isEqualTo("OPTIONS /orders/7");
  }

  @Test
  void routes_policyChoosesByPathInsideTheApplication() throws Exception {
    CorsPolicy routes =
        CorsPolicy.builder()
            .route("/api/**", appOnly())
            .route("/public/**", CorsOptions.defaults())
            .build();
    start(global(new CorsFilter(routes)));
    assertThat(header(site.get("/api/users", APP_ORIGIN), "Access-Control-Allow-Origin"))
        .isEqualTo(APP_ORIGIN);
    assertThat(header(site.get("/public/logo", "https://b.example"), "Access-Control-Allow-Origin"))
        .isEqualTo("*");
    assertThat(header(site.get("/internal/x", APP_ORIGIN), "Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void routes_productsById_oneSegment_trailingSlashIsTheSameRoute() throws Exception {
    CorsPolicy routes = CorsPolicy.builder().route("/products/:id", appOnly()).build();
    start(global(new CorsFilter(routes)));
    for (String path : List.of("/products/42", "/products/42/", "/products/4%32")) {
      assertThat(header(site.get(path, APP_ORIGIN), "Access-Control-Allow-Origin"))
          .as(path)
          .isEqualTo(APP_ORIGIN);
    }
    for (String path : List.of("/products", "/products/42/reviews", "/Products/42")) {
      assertThat(header(site.get(path, APP_ORIGIN), "Access-Control-Allow-Origin"))
          .as(path)
          .isNull();
    }
    assertThat(
            header(
                site.preflight("/products/42", APP_ORIGIN, "PUT"), "Access-Control-Allow-Origin"))
        .isEqualTo(APP_ORIGIN);
  }

  @Test
  void initParams_noArgumentFilter_readsExpressOptionNames() throws Exception {
    start(
        context -> {
          var cors = context.addFilter("cors", CorsFilter.class);
          cors.setInitParameter("origin", "https://app.example.com, /\\.example\\.org$/");
          cors.setInitParameter("credentials", "true");
          cors.setInitParameter("maxAge", "600");
          cors.setAsyncSupported(true);
          cors.addMappingForUrlPatterns(
              EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
              false,
              "/*");
          app(context, true);
        });
    HttpResponse<String> preflight = site.preflight("/", "https://api.example.org", "PUT");
    assertThat(header(preflight, "Access-Control-Allow-Origin"))
        .isEqualTo("https://api.example.org");
    assertThat(header(preflight, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("600");
    assertThat(header(site.get("/", "https://evil.example"), "Access-Control-Allow-Origin"))
        .isNull();
  }

  // ---- Vary ----

  @Test
  void vary_setByApplicationAfterFilter_keepsBothNames() throws Exception {
    start(global(new CorsFilter(appOnly())));
    assertThat(site.get("/vary", APP_ORIGIN).headers().allValues("Vary"))
        .containsExactly("Accept-Encoding, Origin");
    assertThat(String.join(", ", site.get("/vary-add", APP_ORIGIN).headers().allValues("Vary")))
        .isEqualTo("Origin, Accept-Language, Accept-Encoding");
  }

  @Test
  void vary_setInTheApplicationsOwnAsyncDispatch_keepsBothNames() throws Exception {
    start(global(new CorsFilter(appOnly())));
    HttpResponse<String> response = site.get("/async-vary", APP_ORIGIN);
    assertThat(header(response, "X-Dispatch")).isEqualTo("ASYNC");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(response.headers().allValues("Vary")).containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void vary_setByEarlierFilter_keepsBothNames() throws Exception {
    start(
        context -> {
          context
              .addFilter(
                  "vary",
                  (req, res, chain) -> {
                    ((jakarta.servlet.http.HttpServletResponse) res)
                        .setHeader("Vary", "Accept-Encoding");
                    chain.doFilter(req, res);
                  })
              .addMappingForUrlPatterns(null, false, "/*");
          global(new CorsFilter(appOnly())).accept(context);
        });
    assertThat(site.get("/data", APP_ORIGIN).headers().allValues("Vary"))
        .containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void reset_byApplication_keepsCorsHeaders() throws Exception {
    start(global(new CorsFilter(appOnly())));
    HttpResponse<String> response = site.get("/reset", APP_ORIGIN);
    assertThat(header(response, "X-Before-Reset")).isNull();
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  // ---- error responses (the Express package's test/error-response.js, and error pages) ----

  @Test
  void error_status401_keepsAllowOrigin() throws Exception {
    start(global(new CorsFilter(CorsPolicy.defaults())));
    HttpResponse<String> response = site.send(postFrom("/four-oh-one"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("unauthorized");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void error_sendError404And401_keepAllowOrigin() throws Exception {
    start(global(new CorsFilter(CorsPolicy.defaults())));
    HttpResponse<String> notFound = site.send(postFrom("/four-oh-four"));
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(header(notFound, "Access-Control-Allow-Origin")).isEqualTo("*");
    HttpResponse<String> unauthorized = site.send(postFrom("/send-error-401"));
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(header(unauthorized, "Access-Control-Allow-Origin")).isEqualTo("*");
  }

  private HttpRequest.Builder postFrom(String path) {
    return site.request(path)
        .POST(HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://a.example");
  }

  // ---- origin and options functions ----

  @Test
  void asyncOrigin_completesLater_allowsAndRefuses() throws Exception {
    start(
        global(new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(50)).build())));
    HttpResponse<String> allowed = site.get("/data", APP_ORIGIN);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("GET /data");
    assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    // Resumed in an ASYNC dispatch, but the first the rest of the chain sees: filters that skip
    // ASYNC dispatches (Spring Security's OncePerRequestFilters) must still run on it.
    assertThat(header(allowed, "X-Dispatch")).as("seen downstream").isEqualTo("REQUEST");
    HttpResponse<String> refused = site.get("/data", "https://evil.test");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(header(refused, "Access-Control-Allow-Origin")).isNull();
    HttpResponse<String> preflight = site.preflight("/data", APP_ORIGIN, "PUT");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.body()).isEmpty();
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(preflight, "X-Dispatch")).isNull();
  }

  @Test
  void asyncOrigin_completedAtOnce_proceedsInTheSameDispatch() throws Exception {
    OriginResolver known = origin -> CompletableFuture.completedFuture(Origins.reflect());
    start(global(new CorsFilter(CorsOptions.builder().origin(known).build())));
    HttpResponse<String> response = site.get("/data", APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "X-Dispatch")).isEqualTo("REQUEST");
  }

  @Test
  void originFunction_failsAtOnce_givesServer500() throws Exception {
    OriginResolver broken =
        origin -> {
          throw new IllegalStateException("broken");
        };
    start(global(new CorsFilter(CorsOptions.builder().origin(broken).build())));
    assertThat(site.get("/data", APP_ORIGIN).statusCode()).isEqualTo(500);
  }

  @Test
  void asyncOrigin_servletWithoutAsyncSupport_stillResumesAsync() throws Exception {
    // The request supports async at the filter; only the servlet does not, and it never starts any.
    start(
        context -> {
          new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(20)).build())
              .addTo(context, "/*");
          app(context, false);
        });
    HttpResponse<String> response = site.get("/data", APP_ORIGIN);
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "X-Dispatch")).isEqualTo("REQUEST");
  }

  @Test
  void asyncOrigin_completesLater_laterFilterSeesTheFirstDispatchOnce() throws Exception {
    // A filter after jcors that skips ASYNC dispatches, as a OncePerRequestFilter does: it must
    // run once on a request jcors resumed, and its own attribute must not be there yet.
    start(
        context -> {
          new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(30)).build())
              .addTo(context, "/*");
          var once =
              context.addFilter(
                  "once",
                  (req, res, chain) -> {
                    if (req.getDispatcherType() != DispatcherType.ASYNC
                        && req.getAttribute("once") == null) {
                      req.setAttribute("once", "x");
                      ((jakarta.servlet.http.HttpServletResponse) res)
                          .addHeader("X-Once", req.getDispatcherType().name());
                    }
                    chain.doFilter(req, res);
                  });
          once.setAsyncSupported(true);
          once.addMappingForUrlPatterns(
              EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
              true,
              "/*");
          app(context, true);
        });
    HttpResponse<String> response = site.get("/data", APP_ORIGIN);
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(response.headers().allValues("X-Once")).containsExactly("REQUEST");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void asyncOrigin_completesLater_applicationsOwnAsyncStillAsync() throws Exception {
    // After the resume the application starts async itself, with the request it was given (as
    // Spring's Callable and DeferredResult do) or the unwrapped one: its own dispatch is ASYNC.
    start(
        global(new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(30)).build())));
    for (String path : List.of("/async-vary", "/async-wrapped")) {
      HttpResponse<String> response = site.get(path, APP_ORIGIN);
      assertThat(response.body()).as(path).isEqualTo("GET " + path);
      assertThat(header(response, "X-Dispatch")).as(path).isEqualTo("ASYNC");
      assertThat(header(response, "X-First-Dispatch")).as(path).isEqualTo("REQUEST");
      assertThat(header(response, "Access-Control-Allow-Origin")).as(path).isEqualTo(APP_ORIGIN);
      assertThat(response.headers().allValues("Vary"))
          .as(path)
          .containsExactly("Accept-Encoding, Origin");
    }
  }

  @Test
  void asyncOrigin_completesLater_errorPageIsAnErrorDispatch() throws Exception {
    start(
        kind().create().errorPage(500, "/error-page"),
        global(new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(30)).build())));
    HttpResponse<String> response = site.get("/five-hundred", APP_ORIGIN);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("error page 500");
    assertThat(header(response, "X-Dispatch")).isEqualTo("ERROR");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Vary")).isEqualTo("Origin");
  }

  @Test
  void asyncOrigin_earlierFilterWithoutAsyncSupport_waitsOnTheRequestThread() throws Exception {
    start(
        context -> {
          var plain = context.addFilter("plain", (req, res, chain) -> chain.doFilter(req, res));
          plain.setAsyncSupported(false);
          plain.addMappingForUrlPatterns(null, false, "/*");
          new CorsFilter(CorsOptions.builder().origin(OriginFunctions.delayed(20)).build())
              .addTo(context, "/*");
          app(context, true);
        });
    HttpResponse<String> response = site.get("/data", APP_ORIGIN);
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "X-Dispatch")).isEqualTo("REQUEST");
    assertThat(site.get("/data", "https://fail.example.com").statusCode()).isEqualTo(500);
  }
}
