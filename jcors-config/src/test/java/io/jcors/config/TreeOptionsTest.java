package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsConfig;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TreeOptionsTest {
  TreeOptionsTest() {}

  /** The subclass a framework hands over, as the starter and jcors-quarkus declare theirs. */
  static final class Options extends TreeOptions<Options> {
    Options(Map<String, Object> options) {
      super(options);
    }
  }

  /**
   * {@link TreeOptions#customized} over {@code tree}, adding to {@code paths} each path it is
   * given.
   */
  private static Map<String, Object> customized(
      Map<String, Object> tree, List<String> paths, Consumer<Options> customize) {
    return TreeOptions.customized(
        tree,
        Options::new,
        (path, options) -> {
          paths.add(path);
          customize.accept(options);
        });
  }

  @Test
  void setters_writeTheConfigFileNames_andChainOnTheSubclass() {
    Map<String, Object> tree = new LinkedHashMap<>();
    Options options =
        new Options(tree)
            .origin(List.of("https://a.example", Pattern.compile("^https://b\\.example$")))
            .methods("GET", "PUT")
            .allowedHeaders("X-A")
            .exposedHeaders("X-B")
            .credentials(true)
            .maxAge(600)
            .preflightContinue(true)
            .optionsSuccessStatus(200)
            .strict(true)
            .debug(true);
    // Every option of the core's list has a setter, writing the option's config file name.
    assertThat(tree)
        .containsOnlyKeys(
            Arrays.stream(CorsConfig.Option.values()).map(CorsConfig.Option::key).toList())
        .containsEntry("methods", List.of("GET", "PUT"))
        .containsEntry("maxAge", 600L)
        .containsEntry("optionsSuccessStatus", 200);
    assertThat(options.get("credentials")).isEqualTo(true);
    assertThat(options.origin("*").get("origin")).isEqualTo("*");
    assertThat(options.origin(false).get("origin")).isEqualTo(false);
    assertThat(options.get("vary")).isNull();
  }

  @Test
  void origin_listIsCopied() {
    List<Object> origins = new ArrayList<>(List.of("https://a.example"));
    Options options = new Options(new LinkedHashMap<>()).origin(origins);
    origins.add("https://evil.example");
    assertThat(options.get("origin")).isEqualTo(List.of("https://a.example"));
  }

  @Test
  void customized_onePolicy_isCalledWithEveryPath_andTheTreeReadStaysAsItWas() throws Exception {
    Map<String, Object> tree = Map.of("origin", "https://a.example");
    List<String> paths = new ArrayList<>();
    Map<String, Object> customized =
        customized(
            tree,
            paths,
            options ->
                options.origin(origin -> CompletableFuture.completedFuture(Origins.reflect())));
    assertThat(paths).containsExactly("/**");
    assertThat(tree).containsEntry("origin", "https://a.example");
    CorsPolicy policy = CorsConfig.read(customized).policy();
    assertThat(Requests.allowOrigin(policy, "/x", "https://b.example"))
        .isEqualTo("https://b.example");
  }

  @Test
  void customized_routes_eachRouteWithCorsOnce_withItsPath() throws Exception {
    Map<String, Object> tree =
        Map.of(
            "routes",
            List.of(
                Map.of("path", "/api/**", "cors", Map.of("origin", "https://a.example")),
                Map.of("path", "/internal/**"),
                Map.of("path", "/**", "cors", Map.of("origin", "https://c.example"))));
    List<String> paths = new ArrayList<>();
    Map<String, Object> customized =
        customized(
            tree,
            paths,
            options -> {
              if (paths.get(paths.size() - 1).equals("/api/**")) {
                options.origin("https://b.example");
              }
            });
    assertThat(paths).containsExactly("/api/**", "/**");
    CorsPolicy policy = CorsConfig.read(customized).policy();
    assertThat(Requests.allowOrigin(policy, "/api/x", "https://b.example"))
        .isEqualTo("https://b.example");
    // A single origin is sent as it is, whatever the request's (as Express does): the one set.
    assertThat(Requests.allowOrigin(policy, "/api/x", "https://a.example"))
        .isEqualTo("https://b.example");
    assertThat(Requests.allowOrigin(policy, "/other", "https://c.example"))
        .isEqualTo("https://c.example");
    assertThat(Requests.allowOrigin(policy, "/internal/x", "https://c.example")).isNull();
  }
}
