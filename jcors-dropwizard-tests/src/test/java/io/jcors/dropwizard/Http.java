package io.jcors.dropwizard;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Real HTTP/1.1 to a test's Dropwizard application: ten seconds to connect, twenty to answer. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  /** A request to {@code path} of {@code app}, to complete before sending. */
  static HttpRequest.Builder request(DropwizardAppExtension<?> app, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path));
  }

  /** Sends {@code request}; the body as text. */
  static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The values of every {@code name} header of {@code response}, joined by ", "; null: none. */
  static String header(HttpResponse<?> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
