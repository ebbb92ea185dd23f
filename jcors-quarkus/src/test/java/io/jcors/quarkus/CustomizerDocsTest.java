package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsHeaders;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import io.jcors.Origins;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code JcorsCustomizer} examples of its Javadoc and of docs/quarkus.md, verbatim, applied to
 * the {@code jcors.*} properties as the extension applies them.
 */
class CustomizerDocsTest {
  CustomizerDocsTest() {}

  /**
   * Stand-ins for the CDI annotations of the examples, so that the {@code @QuarkusTest}
   * applications of this module, which index the test classes, do not take the examples for beans
   * of theirs (with an injection point nothing satisfies).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @interface ApplicationScoped {}

  @Retention(RetentionPolicy.RUNTIME)
  @interface Inject {}

  /** The store of the Javadoc example. */
  interface PartnerRepository {
    CompletionStage<Boolean> exists(String origin);
  }

  /** The store of the docs example. */
  interface PartnerClient {
    CompletionStage<Boolean> exists(String origin);
  }

  static final String PARTNER = "https://partner.example";

  static CompletionStage<Boolean> known(String origin) {
    // Completes later, on another thread, as a remote store's answer would.
    return CompletableFuture.supplyAsync(
        () -> PARTNER.equals(origin), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
  }

  static final class FromJavadoc {
    @ApplicationScoped
    public class PartnerOrigins implements JcorsCustomizer {
      @Inject PartnerRepository partners;

      @Override
      public void customize(String path, Options options) {
        if (path.equals("/api/**")) {
          // Runs off the event loop; the request is paused until the stage completes.
          options.origin(
              origin ->
                  partners
                      .exists(origin) // a CompletionStage<Boolean>
                      .thenApply(known -> known ? Origins.reflect() : Origins.none()));
        }
      }
    }
  }

  static final class FromGuide {
    @ApplicationScoped
    public class PartnerOrigins implements JcorsCustomizer {
      @Inject PartnerClient partners; // returns CompletionStage<Boolean>, never blocks

      @Override
      public void customize(String path, Options options) {
        if (path.equals("/api/**")) {
          options.origin(
              origin ->
                  partners
                      .exists(origin)
                      .thenApply(known -> known ? Origins.reflect() : Origins.none()));
        }
      }
    }
  }

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "jcors.routes[0].path", "/api/**",
          "jcors.routes[0].cors.origin", "https://app.example.com",
          "jcors.routes[1].path", "/**",
          "jcors.routes[1].cors.origin", "https://app.example.com");

  @Test
  void javadocExample_originFunctionOnApiRoutesOnly() throws Exception {
    FromJavadoc.PartnerOrigins customizer = new FromJavadoc().new PartnerOrigins();
    customizer.partners = CustomizerDocsTest::known;
    assertPartnersOnApiOnly(customizer);
  }

  @Test
  void guideExample_originFunctionOnApiRoutesOnly() throws Exception {
    FromGuide.PartnerOrigins customizer = new FromGuide().new PartnerOrigins();
    customizer.partners = CustomizerDocsTest::known;
    assertPartnersOnApiOnly(customizer);
  }

  private static void assertPartnersOnApiOnly(JcorsCustomizer customizer) throws Exception {
    CorsPolicy policy =
        ApplicationProperties.policy(
            PROPERTIES, List.of(customizer), CustomizerDocsTest.class.getClassLoader());
    assertThat(allowOrigin(policy, "/api/orders", PARTNER)).isEqualTo(PARTNER);
    assertThat(allowOrigin(policy, "/api/orders", "https://app.example.com")).isNull();
    // Elsewhere the properties' one origin stays, sent as it is whatever the request's (Express).
    assertThat(allowOrigin(policy, "/home", PARTNER)).isEqualTo("https://app.example.com");
  }

  /** The {@code Access-Control-Allow-Origin} a GET of {@code path} from {@code origin} gets. */
  private static String allowOrigin(CorsPolicy policy, String path, String origin)
      throws Exception {
    Map<String, String> headers = new TreeMap<>();
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
    CorsHeaders response =
        new CorsHeaders() {
          @Override
          public String get(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
          }

          @Override
          public void set(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
          }
        };
    policy
        .decide(request)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .writeTo(request, response);
    return headers.get("access-control-allow-origin");
  }
}
