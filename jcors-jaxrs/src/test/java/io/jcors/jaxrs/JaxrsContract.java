package io.jcors.jaxrs;

import static io.jcors.jaxrs.Apps.APP_ORIGIN;
import static io.jcors.testsupport.Requests.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.Requests;
import io.jcors.testsupport.RoutingPaths;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What only Jakarta REST has, on each implementation's real server: the preflight answered before
 * an authentication filter, CORS headers on a 401 another filter aborted with, on an {@code
 * ExceptionMapper}'s response and on an unmapped exception's 500, the feature as a scanned
 * provider, the bounded wait for a function, and routes chosen on the path the runtime matches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JaxrsContract {
  private final HttpClient client = Requests.client();
  private final List<AdapterContract.Server> started = new ArrayList<>();

  /** The server of the path corpus, started once for the class. */
  private AdapterContract.Server routed;

  abstract Runtime runtime();

  @AfterEach
  void stopServers() throws Exception {
    for (AdapterContract.Server server : started) {
      server.stop();
    }
    started.clear();
  }

  @AfterAll
  void stopRouted() throws Exception {
    if (routed != null) {
      routed.stop();
    }
  }

  private String serve(Object... components) throws Exception {
    AdapterContract.Server server = runtime().start(List.of(components));
    started.add(server);
    return server.base();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder get(String url) {
    return Requests.get(url, APP_ORIGIN);
  }

  private static HttpRequest.Builder preflight(String url) {
    return Requests.preflight(url, APP_ORIGIN, "PUT")
        .header("Access-Control-Request-Headers", "authorization");
  }

  @Test
  void authenticationFilter_preflightAnsweredBeforeIt() throws Exception {
    String base =
        serve(
            ContractResource.class, new Apps.Authentication(), new JcorsFeature(Apps.appPolicy()));
    HttpResponse<String> response = send(preflight(base + "/data"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("authorization");
    assertThat(header(response, "WWW-Authenticate")).isNull();
  }

  @Test
  void authenticationFilter_401_carriesCorsHeaders_oneVaryOrigin() throws Exception {
    String base =
        serve(
            ContractResource.class, new Apps.Authentication(), new JcorsFeature(Apps.appPolicy()));
    HttpResponse<String> refused = send(get(base + "/data"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(header(refused, "WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(header(refused, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(refused, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(refused.headers().allValues("Vary")).containsExactly("Origin");

    HttpResponse<String> allowed = send(get(base + "/data").header("Authorization", "Bearer t"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("GET /data");
    assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void exceptionMapper_response_carriesCorsHeaders_varyMerged() throws Exception {
    String base =
        serve(Apps.Errors.class, Apps.TeapotMapper.class, new JcorsFeature(Apps.appPolicy()));
    HttpResponse<String> response = send(get(base + "/errors/teapot"));
    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.body()).isEqualTo("teapot");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Vary")).isEqualTo("Accept-Language, Origin");
  }

  @Test
  void unmappedException_500_carriesCorsHeaders() throws Exception {
    String base =
        serve(Apps.Errors.class, Apps.TeapotMapper.class, new JcorsFeature(Apps.appPolicy()));
    HttpResponse<String> response = send(get(base + "/errors/unmapped"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
  }

  @Test
  void unmappedException_theApplicationsOwnThrowableMapperWinsOverTheFallback() throws Exception {
    String base =
        serve(Apps.Errors.class, Apps.EveryException.class, new JcorsFeature(Apps.appPolicy()));
    HttpResponse<String> response = send(get(base + "/errors/unmapped"));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(header(response, "X-Mapped")).isEqualTo("application");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void provider_aSubclassRegisteredAsAClass_appliesItsPolicy() throws Exception {
    String base = serve(ContractResource.class, io.jcors.jaxrs.example.Cors.class);
    HttpResponse<String> response = send(get(base + "/data"));
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    assertThat(header(response, "Vary")).isEqualTo("Origin");
    assertThat(send(preflight(base + "/data")).statusCode()).isEqualTo(204);
  }

  @Test
  void originFunction_completingWithinTheWait_isAwaitedOnTheRequestThread() throws Exception {
    CorsPolicy later =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(
                    origin ->
                        CompletableFuture.supplyAsync(
                            () -> Origins.of(APP_ORIGIN),
                            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)))
                .build());
    String base = serve(ContractResource.class, new JcorsFeature(later, Duration.ofSeconds(10)));
    HttpResponse<String> response = send(get(base + "/data"));
    assertThat(response.body()).isEqualTo("GET /data");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void originFunction_notCompletingWithinTheWait_500WithoutCorsHeaders_threadFreed()
      throws Exception {
    CorsPolicy never =
        CorsPolicy.builder()
            .route(
                "/slow/**",
                CorsPolicy.of(
                    CorsOptions.builder().origin(origin -> new CompletableFuture<>()).build()))
            .route("/**", Apps.appPolicy())
            .build();
    String base = serve(ContractResource.class, new JcorsFeature(never, Duration.ofMillis(300)));
    // As many waiting requests as the server has threads: each gives its thread back at the bound.
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < Runtime.THREADS; i++) {
      slow.add(
          client.sendAsync(
              get(base + "/slow/" + i).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> pending : slow) {
      HttpResponse<String> response = pending.get(20, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
      assertThat(header(response, "Vary")).isNull();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    HttpResponse<String> fast = send(get(base + "/fast"));
    assertThat(fast.body()).isEqualTo("GET /fast");
    assertThat(header(fast, "Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
  }

  @Test
  void wait_notPositive_isRefusedWithTheFix() {
    assertThatThrownBy(() -> new JcorsFeature(CorsPolicy.defaults(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wait: PT0S is not positive; give how long a request may wait, e.g. PT5S");
  }

  /**
   * A request target the server answers with its own 500 before any filter (the path corpus runs in
   * {@link JaxrsAdapterContract}) gets that same 500 without jcors: no CORS header on it.
   */
  @Test
  void routingPath_rejectedByTheServer_theSame500WithoutJcors() throws Exception {
    String without = serve(Apps.Routed.class);
    for (RoutingPaths.Entry entry : RoutingPaths.entries()) {
      if (runtime().reads(entry) != RoutingPaths.Reading.REJECTED) {
        continue;
      }
      RoutingPaths.check(routed(), entry, RoutingPaths.Reading.REJECTED);
      RawHttp.Response response =
          RawHttp.send(
              without,
              "GET "
                  + entry.rawPath()
                  + " HTTP/1.1\r\nHost: x\r\nOrigin: "
                  + RoutingPaths.PARTNER
                  + "\r\n");
      assertThat(response.status()).as("status for %s", entry).isEqualTo(500);
    }
  }

  /**
   * The finding: Jersey and RESTEasy match {@code /api/%61dmin/users} on the path as received, and
   * serve it from the API resource, while its decoded form {@code /api/admin/users} is the admin
   * route's; the admin origin got the admin route's {@code Access-Control-Allow-Origin} and
   * credentials on the API resource's response. A path that encodes a letter, digit or {@code -._~}
   * now gets no CORS headers from routes.
   */
  @Test
  void routingPath_encodedLetter_fromTheAdminOrigin_getsNoCorsHeadersOnTheApiResource()
      throws Exception {
    RawHttp.Response response =
        RawHttp.send(
            routed(),
            "GET /api/%61dmin/users HTTP/1.1\r\nHost: x\r\nOrigin: " + RoutingPaths.ADMIN + "\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header(RoutingPaths.SERVED)).isEqualTo(RoutingPaths.API_ROUTE);
    assertThat(corsHeaders(response)).isEmpty();
  }

  private static List<String> corsHeaders(RawHttp.Response response) {
    List<String> names = new ArrayList<>();
    for (String[] line : response.headers()) {
      if (line[0].regionMatches(true, 0, "Access-Control-", 0, 15)
          || line[0].equalsIgnoreCase("Vary")) {
        names.add(line[0] + ": " + line[1]);
      }
    }
    return names;
  }

  private String routed() throws Exception {
    if (routed == null) {
      routed = runtime().start(List.of(Apps.Routed.class, new JcorsFeature(RoutingPaths.policy())));
    }
    return routed.base();
  }
}
