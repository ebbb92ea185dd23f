package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.check.CheckReport;
import io.jcors.check.CheckRequest;
import io.jcors.check.CorsCheck;
import io.jcors.check.Verdict;
import io.jcors.config.ConfigReader;
import io.jcors.config.OriginSources;
import io.jcors.jdbc.JdbcOrigins;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void config_readsTheJsonFile_theServletFilterLoads_andTheJdbcSourceIsFoundByItsKey(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("cors.json");
    Files.writeString(file, "{\"origin\": \"" + ORIGIN + "\", \"credentials\": true}");
    try (OriginSources sources = OriginSources.open(ConsumerTest.class.getClassLoader())) {
      CorsPolicy policy = ConfigReader.read(file, sources).policy();

      assertNotNull(new io.jcors.servlet.CorsFilter(policy));
      assertTrue(sources.keys().contains("jdbc"), sources.keys().toString());
    }
    assertNotNull(JdbcOrigins.builder("jdbc:sqlite:" + dir.resolve("origins.db"), null, null));
  }

  @Test
  void nettyHandler_answersAPreflight_inAPipeline() {
    io.netty.channel.embedded.EmbeddedChannel channel =
        new io.netty.channel.embedded.EmbeddedChannel(
            new io.jcors.netty.CorsHandler(CorsOptions.builder().origin(ORIGIN).build()));
    io.netty.handler.codec.http.FullHttpRequest preflight =
        new io.netty.handler.codec.http.DefaultFullHttpRequest(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            io.netty.handler.codec.http.HttpMethod.OPTIONS,
            "/items");
    preflight.headers().set("Origin", ORIGIN).set("Access-Control-Request-Method", "PUT");
    channel.writeInbound(preflight);
    io.netty.handler.codec.http.HttpResponse response = channel.readOutbound();

    assertEquals(204, response.status().code());
    assertEquals(ORIGIN, response.headers().get("Access-Control-Allow-Origin"));
    channel.finishAndReleaseAll();
  }
}
