package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jcors.ConfigFileReader;
import io.jcors.CorsConfig;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.check.CheckReport;
import io.jcors.check.CheckRequest;
import io.jcors.check.CorsCheck;
import io.jcors.check.Verdict;
import io.jcors.jdbc.JdbcOrigins;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every published jcors artifact, used from its jar as an application would. */
class ConsumerTest {
  private static final String ORIGIN = "https://app.example.com";

  ConsumerTest() {}

  @Test
  void jdkFilter_answersWithCors_andCheckSaysABrowserAllowsIt() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server
        .createContext(
            "/items",
            exchange -> {
              byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
        .getFilters()
        .add(new io.jcors.jdk.CorsFilter(CorsOptions.builder().origin(ORIGIN).build()));
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/items";
      CheckReport report = CorsCheck.create().run(CheckRequest.builder(url, ORIGIN).build());

      assertEquals(Verdict.ALLOWED, report.verdict(), report.toText());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void cli_providesTheJsonReader_theServletFilterAndJdbcSourceLoad(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("cors.json");
    Files.writeString(file, "{\"origin\": \"" + ORIGIN + "\", \"credentials\": true}");
    ConfigFileReader reader =
        ServiceLoader.load(ConfigFileReader.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(candidate -> candidate.reads(file))
            .findFirst()
            .orElseThrow();
    CorsPolicy policy = CorsConfig.read(reader.read(file)).policy();

    assertNotNull(new io.jcors.servlet.CorsFilter(policy));
    assertNotNull(JdbcOrigins.builder("jdbc:sqlite:" + dir.resolve("origins.db"), null, null));
    assertTrue(
        reader.getClass().getName().startsWith("io.jcors.cli."), reader.getClass().getName());
  }
}
