package io.jcors.quarkus;

import io.jcors.quarkus.snippets.HelloRoute;
import io.quarkus.test.QuarkusUnitTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP to the applications of the doc snippets' tests. */
final class SnippetHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SnippetHttp() {}

  /** A GET of {@code url} from {@code origin}. */
  static HttpResponse<String> get(URL url, String origin) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url.toString()))
            .timeout(Duration.ofSeconds(20))
            .header("Origin", origin)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A preflight of {@code url} from {@code origin} for a PUT. */
  static HttpResponse<String> preflight(URL url, String origin) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url.toString()))
            .timeout(Duration.ofSeconds(20))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The one {@code Access-Control-Allow-Origin} of {@code response}, or null. */
  static String allowOrigin(HttpResponse<?> response) {
    return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
  }

  /**
   * The application, on 127.0.0.1 and a free port, of {@code snippet} and the class whose tests
   * check it.
   */
  static QuarkusUnitTest application(Class<?> checks, Class<?>... snippet) {
    return new QuarkusUnitTest()
        .withApplicationRoot(jar -> jar.addClasses(app(snippet)).addClass(checks))
        .overrideConfigKey("quarkus.http.host", "127.0.0.1")
        .overrideConfigKey("quarkus.http.test-port", "0");
  }

  /**
   * The classes of an application holding {@code snippet}: jcors-quarkus, a route, and this class
   * (the test runs in the application's class loader).
   */
  static Class<?>[] app(Class<?>... snippet) {
    Class<?>[] jcors = StartupLogTest.classes();
    Class<?>[] all = new Class<?>[jcors.length + snippet.length + 2];
    System.arraycopy(jcors, 0, all, 0, jcors.length);
    System.arraycopy(snippet, 0, all, jcors.length, snippet.length);
    all[all.length - 2] = HelloRoute.class;
    all[all.length - 1] = SnippetHttp.class;
    return all;
  }
}
