package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CorsOptions} as a plain value: {@code toBuilder()} round-trips, equal options are equal,
 * and every problem of the one validation pass carries its rule.
 */
class CorsOptionsValueTest {
  CorsOptionsValueTest() {}

  private static final OriginResolver FUNCTION =
      origin -> CompletableFuture.completedFuture(Origins.reflect());

  static Stream<CorsOptions.Builder> builders() {
    return Stream.of(
        CorsOptions.builder(),
        CorsOptions.builder().origin("https://app.example.com").credentials(true),
        CorsOptions.builder().origin("https://*.example.com"),
        CorsOptions.builder().origin(true),
        CorsOptions.builder().origin(false),
        CorsOptions.builder()
            .origin(Pattern.compile("^https://a\\.example$", Pattern.CASE_INSENSITIVE)),
        CorsOptions.builder()
            .origin(List.of("https://a.example", "http://localhost:*", Pattern.compile("b")))
            .credentials(true),
        CorsOptions.builder().origin(Origins.of("https://a.example")),
        CorsOptions.builder().origin(FUNCTION),
        CorsOptions.builder().methods("GET, PUT").allowedHeaders("X-A, X-B"),
        CorsOptions.builder().methods(List.of()).allowedHeaders(List.of()).exposedHeaders("ETag"),
        CorsOptions.builder().methods("GET", "TRACE").exposedHeaders(List.of("ETag", "X-Total")),
        CorsOptions.builder()
            .maxAge(0)
            .preflightContinue(true)
            .optionsSuccessStatus(200)
            .debug(true),
        CorsOptions.builder().maxAge(600).strict(true));
  }

  @ParameterizedTest
  @MethodSource("builders")
  void toBuilder_roundTrips_toEqualOptions_withTheSameProblems(CorsOptions.Builder builder) {
    CorsOptions options = builder.build();
    CorsOptions again = options.toBuilder().build();

    assertThat(again).isEqualTo(options).hasSameHashCodeAs(options);
    assertThat(again.toString()).isEqualTo(options.toString());
    assertThat(options.toBuilder().problems().toString()).isEqualTo(builder.problems().toString());
  }

  @Test
  void emptyOrigin_isKeptAsExpressReadsIt_false() {
    CorsOptions options = CorsOptions.builder().origin("").build();
    assertThat(options.origin()).isSameAs(Origins.none());
    assertThat(options.toBuilder().build()).isEqualTo(options);
    assertThat(CorsOptions.builder().origin(false).build()).isEqualTo(options);
  }

  @Test
  void options_thatDiffer_areNotEqual() {
    CorsOptions base = CorsOptions.builder().origin("https://a.example").build();
    assertThat(base.toBuilder().credentials(true).build()).isNotEqualTo(base);
    assertThat(base.toBuilder().origin("https://b.example").build()).isNotEqualTo(base);
    assertThat(base.toBuilder().methods("GET").build()).isNotEqualTo(base);
    assertThat(base.toBuilder().allowedHeaders("X-A").build()).isNotEqualTo(base);
    assertThat(base.toBuilder().maxAge(5).build()).isNotEqualTo(base);
    assertThat(CorsOptions.builder().origin(Pattern.compile("a")).build())
        .isNotEqualTo(
            CorsOptions.builder().origin(Pattern.compile("a", Pattern.CASE_INSENSITIVE)).build());
  }

  @Test
  void accessors_giveTheOptionsAsWritten() {
    CorsOptions options =
        CorsOptions.builder()
            .origin(List.of("https://a.example", "https://*.b.example"))
            .methods("GET, PUT")
            .exposedHeaders("ETag")
            .maxAge(600)
            .build();
    Origins origin = (Origins) options.origin();
    assertThat(origin.kind()).isEqualTo(Origins.Kind.LIST);
    assertThat(origin.entries()).containsExactly("https://a.example", "https://*.b.example");
    assertThat(options.methods()).containsExactly("GET", "PUT");
    assertThat(options.allowedHeaders()).isNull();
    assertThat(options.exposedHeaders()).containsExactly("ETag");
    assertThat(options.maxAge()).hasValue(600);
    assertThat(CorsOptions.builder().origin(true).build().origin()).isEqualTo(Origins.reflect());
    assertThat(CorsOptions.builder().origin(FUNCTION).build().origin()).isSameAs(FUNCTION);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(CorsOptions.builder().origin(true).credentials(true), CorsRule.S1),
        Arguments.of(CorsOptions.builder().credentials(true), CorsRule.S2),
        Arguments.of(CorsOptions.builder().origin(List.of("null")), CorsRule.S3),
        Arguments.of(
            CorsOptions.builder().origin(Pattern.compile("^https://a.example$")), CorsRule.S6),
        Arguments.of(
            CorsOptions.builder().origin(Pattern.compile("^https://a\\.example")), CorsRule.S7),
        Arguments.of(
            CorsOptions.builder().origin(List.of("http://a.example")).credentials(true),
            CorsRule.S10),
        Arguments.of(
            CorsOptions.builder().origin(List.of("https://*.github.io")).credentials(true),
            CorsRule.S11),
        Arguments.of(CorsOptions.builder().origin(List.of("https://a.example/")), CorsRule.S15),
        Arguments.of(CorsOptions.builder().origin(List.of("https://bücher.example")), CorsRule.S16),
        Arguments.of(CorsOptions.builder().exposedHeaders("Set-Cookie"), CorsRule.S20),
        Arguments.of(CorsOptions.builder().maxAge(9000), CorsRule.S25),
        Arguments.of(CorsOptions.builder().optionsSuccessStatus(301), CorsRule.F15),
        Arguments.of(CorsOptions.builder().methods("GET, NOT A METHOD"), CorsRule.F17),
        Arguments.of(CorsOptions.builder().methods("put"), CorsRule.F18),
        Arguments.of(
            CorsOptions.builder().allowedHeaders("*").origin("https://a.example").credentials(true),
            CorsRule.F21),
        Arguments.of(CorsOptions.builder().maxAge(-1), CorsRule.F22),
        Arguments.of(CorsOptions.builder().methods("TRACE"), CorsRule.F26),
        Arguments.of(CorsOptions.builder().allowedHeaders("Cookie"), CorsRule.F29),
        Arguments.of(CorsOptions.builder().origin(List.of("https://*.a.*")), CorsRule.C3),
        Arguments.of(CorsOptions.builder().optionsSuccessStatus(42), CorsRule.C3),
        Arguments.of(CorsOptions.builder().origin(""), CorsRule.C6),
        Arguments.of(CorsOptions.builder().origin(List.of("*")), CorsRule.C6));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyProblem_namesItsRule(CorsOptions.Builder builder, CorsRule rule) {
    assertThat(builder.problems()).extracting(CorsProblem::rule).first().isEqualTo(rule);
  }

  @Test
  void configProblems_nameTheirRules() {
    CorsConfig config =
        CorsConfig.read(
            Map.of(
                "routes",
                List.of(
                    Map.of("path", "/api/**", "cors", Map.of("orign", "*")),
                    Map.of("path", "/api/x", "cors", Map.of("credentials", "yes")),
                    Map.of("path", "api"))));
    assertThat(config.problems())
        .extracting(CorsProblem::option, CorsProblem::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("routes[0].cors.orign", CorsRule.C1),
            org.assertj.core.groups.Tuple.tuple("routes[1].path", CorsRule.C4),
            org.assertj.core.groups.Tuple.tuple("routes[1].cors.credentials", CorsRule.C2),
            org.assertj.core.groups.Tuple.tuple("routes[2].path", CorsRule.C3));
  }
}
