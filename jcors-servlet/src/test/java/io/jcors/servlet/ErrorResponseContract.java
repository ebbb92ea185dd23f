package io.jcors.servlet;

import io.jcors.CorsOptions;
import io.jcors.testsupport.Requests;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error response keeps the CORS headers and {@code Vary: Origin}, whether the origin is fixed
 * or reflected, on every error path (sendError with and without a message, an exception, a path no
 * servlet maps), with the container's error pages and without. Jetty 12 drops {@code Vary} when it
 * resets the content for an error and no ERROR dispatch follows, so a cache could serve one
 * origin's error to another. One subclass per container.
 */
abstract class ErrorResponseContract {
  private static final String APP_ORIGIN = "https://app.example.com";

  private final HttpClient client = Requests.client();
  private Container container;

  abstract Container.Kind kind();

  /** Whether the container runs the filters for a path that no servlet maps. */
  abstract boolean filtersRunOnUnmappedPaths();

  @AfterEach
  void stop() throws Exception {
    if (container != null) {
      container.close();
    }
  }

  static Stream<Arguments> origins() {
    CorsOptions fixed = CorsOptions.builder().origin(APP_ORIGIN).credentials(true).build();
    CorsOptions reflectAny = CorsOptions.builder().origin(true).build();
    CorsOptions list =
        CorsOptions.builder()
            .origin(List.of("https://other.example", APP_ORIGIN))
            .credentials(true)
            .build();
    return Stream.of(false, true)
        .flatMap(
            pages ->
                Stream.of(
                    Arguments.of("fixed origin", fixed, pages),
                    Arguments.of("origin: true", reflectAny, pages),
                    Arguments.of("origin list", list, pages)));
  }

  @ParameterizedTest(name = "{0}, error pages: {2}")
  @MethodSource("origins")
  void everyErrorPath_keepsCorsHeadersAndVaryOrigin(
      String name, CorsOptions options, boolean errorPages) throws Exception {
    container = kind().create();
    if (errorPages) {
      container.errorPage(404, "/error-page").errorPage(401, "/error-page");
      container.errorPage(500, "/error-page");
    }
    CorsFilter filter = new CorsFilter(options);
    String base =
        container.start(
            context -> {
              filter.addTo(context, "/*");
              context.addServlet("failing", new Failing()).addMapping("/app/*");
              context.addServlet("error-page", new ErrorPage()).addMapping("/error-page");
            });
    SoftAssertions softly = new SoftAssertions();
    for (String method : List.of("GET", "DELETE")) {
      for (String path :
          List.of("/app/send-error-404", "/app/send-error-401", "/app/throw", "/app/throw-io")) {
        HttpResponse<String> response = send(base, method, path);
        String at = method + " " + path;
        softly.assertThat(response.statusCode()).as(at).isGreaterThanOrEqualTo(400);
        assertCors(softly, at, options, response);
        if (errorPages && method.equals("GET")) {
          softly.assertThat(response.body()).as(at).startsWith("error page");
        }
      }
      HttpResponse<String> unmapped = send(base, method, "/nothing-here");
      softly.assertThat(unmapped.statusCode()).as(method + " unmapped").isBetween(404, 405);
      if (filtersRunOnUnmappedPaths()) {
        assertCors(softly, method + " unmapped", options, unmapped);
      } else {
        // The container answers before any filter: no CORS headers, and no Vary needed for them.
        softly.assertThat(header(unmapped, "Access-Control-Allow-Origin")).isNull();
      }
    }
    softly.assertAll();
  }

  private static void assertCors(
      SoftAssertions softly, String at, CorsOptions options, HttpResponse<String> response) {
    softly
        .assertThat(header(response, "Access-Control-Allow-Origin"))
        .as("Access-Control-Allow-Origin for %s", at)
        .isEqualTo(APP_ORIGIN);
    softly
        .assertThat(String.join(", ", response.headers().allValues("Vary")))
        .as("Vary for %s", at)
        .isEqualTo("Origin");
    softly
        .assertThat(header(response, "Access-Control-Allow-Credentials"))
        .as("Access-Control-Allow-Credentials for %s", at)
        .isEqualTo(options.credentials() ? "true" : null);
  }

  private HttpResponse<String> send(String base, String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Origin", APP_ORIGIN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** Fails in each way a servlet can. */
  static final class Failing extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      switch (String.valueOf(request.getPathInfo())) {
        case "/send-error-404":
          response.sendError(404);
          return;
        case "/send-error-401":
          response.sendError(401, "unauthorized");
          return;
        case "/throw":
          throw new ServletException("failed");
        case "/throw-io":
          throw new IllegalStateException("failed");
        default:
          response.getWriter().write("ok");
      }
    }
  }

  /** The error page of the container's ERROR dispatch. */
  static final class ErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain");
      response
          .getWriter()
          .write("error page " + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    }
  }
}
