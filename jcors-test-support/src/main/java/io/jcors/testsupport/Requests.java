package io.jcors.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import io.jcors.Origins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The requests of the adapters' own tests, sent with {@code java.net.http} over HTTP/1.1: a client
 * that gives up connecting after ten seconds, a request that after twenty, and a header's values as
 * one line; and, to compare with, what a policy itself writes for a GET ({@link #policyHeaders}).
 */
public final class Requests {
  private Requests() {}

  /**
   * The requests of a test to one server: {@code path}s are relative to {@code base}.
   *
   * @param client the client that sends them
   * @param base {@code http://127.0.0.1:PORT}, no trailing slash
   */
  public record Site(HttpClient client, String base) {
    /** {@code GET path}, to change before sending. */
    public HttpRequest.Builder request(String path) {
      return Requests.get(base + path, null);
    }

    /** Sends {@code request}; the body as text. */
    public HttpResponse<String> send(HttpRequest.Builder request)
        throws java.io.IOException, InterruptedException {
      return Requests.send(client, request);
    }

    /** {@code GET path} from {@code origin}. */
    public HttpResponse<String> get(String path, String origin)
        throws java.io.IOException, InterruptedException {
      return send(Requests.get(base + path, origin));
    }

    /** A preflight to {@code path} from {@code origin} for {@code method}. */
    public HttpResponse<String> preflight(String path, String origin, String method)
        throws java.io.IOException, InterruptedException {
      return send(Requests.preflight(base + path, origin, method));
    }
  }

  /** An HTTP/1.1 client that gives up connecting after ten seconds. */
  public static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** {@code GET url}, with {@code Origin: origin} unless it is null. */
  public static HttpRequest.Builder get(String url, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    return origin == null ? request : request.header("Origin", origin);
  }

  /** A preflight to {@code url} from {@code origin} for {@code method}. */
  public static HttpRequest.Builder preflight(String url, String origin, String method) {
    return get(url, origin)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Access-Control-Request-Method", method);
  }

  /** Sends {@code request} with {@code client}; the body as text. */
  public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws java.io.IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code GET url} from {@code origin} over HTTP/1.1 and checks that the application
   * answered {@code body} with {@code Access-Control-Allow-Origin: origin}, as a documentation
   * example promises.
   *
   * @return the response, for further checks
   */
  public static HttpResponse<String> assertAllowed(String url, String origin, String body)
      throws java.io.IOException, InterruptedException {
    HttpResponse<String> response = send(client(), get(url, origin));
    assertThat(response.body()).as("body of GET %s", url).isEqualTo(body);
    assertThat(header(response, "Access-Control-Allow-Origin"))
        .as("Access-Control-Allow-Origin of GET %s", url)
        .isEqualTo(origin);
    return response;
  }

  /**
   * The CORS headers {@code policy} writes for a GET of {@code path} from {@code origin}, asked of
   * the policy itself, with no server: the expected side of a comparison with a server's answer.
   * Names are compared ignoring case.
   *
   * @throws AssertionError when the policy has not decided within ten seconds, or failed
   */
  public static Map<String, String> policyHeaders(CorsPolicy policy, String path, String origin) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    CorsRequest request =
        new CorsRequest() {
          @Override
          public String method() {
            return "GET";
          }

          @Override
          public String path() {
            return path;
          }

          @Override
          public String header(String name) {
            return name.equalsIgnoreCase("Origin") ? origin : null;
          }
        };
    CorsDecision decision;
    try {
      decision = policy.decide(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the policy decided", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no decision for a GET of " + path + " from " + origin, e);
    }
    decision.writeTo(
        request,
        new CorsHeaders() {
          @Override
          public String get(String name) {
            return headers.get(name);
          }

          @Override
          public void set(String name, String value) {
            headers.put(name, value);
          }
        });
    return headers;
  }

  /**
   * The policy of the adapters' tests behind an authentication layer: {@code origin} alone, with
   * credentials, and {@code Authorization} the one header a preflight may ask for. Its answers to
   * actual requests are what {@link #assertCredentialedCors} checks.
   */
  public static CorsPolicy credentialedPolicy(String origin) {
    return CorsPolicy.of(
        CorsOptions.builder()
            .origin(Origins.of(origin))
            .credentials(true)
            .allowedHeaders("Authorization")
            .build());
  }

  /**
   * The options of the adapters' own tests for one page: {@code https://app.example.com} alone,
   * with credentials, exposing {@code X-Total}.
   */
  public static CorsOptions appOnly() {
    return CorsOptions.builder()
        .origin(Origins.of("https://app.example.com"))
        .credentials(true)
        .exposedHeaders("X-Total")
        .build();
  }

  /**
   * Checks that {@code response} allows {@code origin} with credentials, {@code Vary: Origin}, each
   * in one header line.
   */
  public static void assertCredentialedCors(RawHttp.Response response, String origin) {
    assertThat(response.lines("Access-Control-Allow-Origin")).containsExactly(origin);
    assertThat(response.lines("Access-Control-Allow-Credentials")).containsExactly("true");
    assertThat(response.lines("Vary")).containsExactly("Origin");
  }

  /** The values of every {@code name} header of {@code response}, joined by ", "; null: none. */
  public static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
