package io.jcors.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.RawHttp;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/micronaut.md, run: its YAML blocks as the application's configuration, its controller
 * ({@link ProductsController}) and its {@code CorsPolicy} bean ({@link Cors}), over HTTP.
 */
class MicronautDocsTest {
  private static final Pattern YAML =
      Pattern.compile("^```yaml[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL | Pattern.MULTILINE);

  private EmbeddedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      Servers.stop(server);
    }
  }

  /** The YAML blocks of docs/micronaut.md, in order. */
  private static List<String> yamlBlocks() throws IOException {
    Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/micronaut.md");
    Matcher m = YAML.matcher(Files.readString(docs, StandardCharsets.UTF_8));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private String serve(String yaml, Map<String, Object> more) throws IOException {
    Map<String, Object> properties =
        new HashMap<>(
            new YamlPropertySourceLoader()
                .read("docs", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    properties.putAll(more);
    server = Servers.start("docs", null, properties);
    return Servers.base(server);
  }

  private static RawHttp.Response send(String base, String head) throws IOException {
    return RawHttp.send(base, head + "Host: x\r\n");
  }

  @Test
  void applicationYml_andTheController() throws IOException {
    List<String> blocks = yamlBlocks();
    assertThat(blocks).hasSize(2);
    String base = serve(blocks.get(0), Map.of());
    RawHttp.Response preflight =
        send(
            base,
            "OPTIONS /products HTTP/1.1\r\nOrigin: https://shop.example.org\r\n"
                + "Access-Control-Request-Method: PUT\r\n");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://shop.example.org");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    RawHttp.Response get =
        send(base, "GET /products HTTP/1.1\r\nOrigin: https://shop.example.org\r\n");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.org");
    assertThat(get.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(get.header("Vary")).isEqualTo("Origin");
  }

  @Test
  void perPathYml() throws IOException {
    String base = serve(yamlBlocks().get(1), Map.of());
    RawHttp.Response api = send(base, "GET /api/x HTTP/1.1\r\nOrigin: https://app.example.com\r\n");
    assertThat(api.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(api.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
    RawHttp.Response open =
        send(base, "GET /public/x HTTP/1.1\r\nOrigin: https://other.example\r\n");
    assertThat(open.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void corsPolicyBean() throws IOException {
    String base =
        serve("", Map.of("test.docs-bean", "true", "jcors.origin", "https://ignored.example"));
    RawHttp.Response get =
        send(base, "GET /products HTTP/1.1\r\nOrigin: https://app.example.com\r\n");
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
  }
}
