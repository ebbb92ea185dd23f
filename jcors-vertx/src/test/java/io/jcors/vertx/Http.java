package io.jcors.vertx;

import io.jcors.testsupport.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Real HTTP/1.1 requests for the tests, and the header lines of their responses. */
final class Http {
  private static final HttpClient CLIENT = Requests.client();

  private Http() {}

  /** Sends {@code method url} with the header name/value pairs {@code headers}. */
  static HttpResponse<String> send(String method, String url, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A preflight for {@code PUT} with {@code x-token}. */
  static HttpResponse<String> preflight(String url, String origin) throws Exception {
    return send(
        "OPTIONS",
        url,
        "Origin",
        origin,
        "Access-Control-Request-Method",
        "PUT",
        "Access-Control-Request-Headers",
        "x-token");
  }

  /** Every line of header {@code name}, in order. */
  static List<String> lines(HttpResponse<?> response, String name) {
    return response.headers().allValues(name);
  }

  /** The lines of header {@code name} joined with {@code ", "}; null when there is none. */
  static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
