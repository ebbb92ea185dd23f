package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcors demo} run from the jar: it prints both URLs, serves the page and the API on them,
 * and stops on SIGTERM; a port in use is reported with the option that changes it.
 */
public class DemoIT {
  private static final Pattern API = Pattern.compile("^  API   (http://localhost:\\d+) ");
  private static final Pattern PAGE = Pattern.compile("^  page  (http://localhost:\\d+) ");

  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path dir;

  /** Needed by JUnit on the class path with -Xlint:all. */
  public DemoIT() {}

  @Test
  void freePorts_printsBothUrls_servesPageAndApi_stopsOnSigterm() throws Exception {
    Path err = dir.resolve("err.txt");
    Process process =
        JcorsProcess.builder(dir, "demo", "--api-port", "0", "--page-port", "0")
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> banner = new ArrayList<>();
      String apiUrl = null;
      String pageUrl = null;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        banner.add(line);
        Matcher api = API.matcher(line);
        Matcher page = PAGE.matcher(line);
        if (api.find()) {
          apiUrl = api.group(1);
        } else if (page.find()) {
          pageUrl = page.group(1);
        }
        if (line.equals("Press Ctrl-C to stop.")) {
          break;
        }
      }
      assertThat(apiUrl).as("API URL in %s / %s", banner, Files.readString(err)).isNotNull();
      assertThat(pageUrl).as("page URL in %s", banner).isNotNull().isNotEqualTo(apiUrl);

      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(pageUrl + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("<title>jcors demo: CORS in your browser</title>");

      // /data allows the page's origin only: the API knows where the page is.
      HttpResponse<String> data =
          client.send(
              HttpRequest.newBuilder(URI.create(apiUrl + "/data"))
                  .header("Origin", pageUrl)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(data.statusCode()).isEqualTo(200);
      assertThat(data.headers().firstValue("Access-Control-Allow-Origin")).hasValue(pageUrl);

      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(Files.readString(err)).isEqualTo("jcors demo: stopped\n");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void apiPortInUse_2_namesThePortAndTheFlag() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      JcorsProcess.Result result =
          JcorsProcess.run(dir, "demo", "--api-port", Integer.toString(port), "--page-port", "0");

      assertThat(result.exit2Stderr())
          .isEqualTo(
              "jcors demo: port "
                  + port
                  + " is already in use; stop the program using it or choose another port with"
                  + " --api-port (e.g. --api-port "
                  + (port + 1)
                  + ")\n");
    }
  }

  @Test
  void pagePortInUse_2_namesThePageFlag() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      JcorsProcess.Result result =
          JcorsProcess.run(dir, "demo", "--api-port", "0", "--page-port", Integer.toString(port));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .startsWith("jcors demo: port " + port + " is already in use;")
          .contains("with --page-port (e.g. --page-port ");
    }
  }
}
