package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Values from a config file, a request or an application's function reach logs and the messages
 * that adapters log escaped: none can start a new line.
 */
class LoggedValuesTest {
  private static final String FORGED = "x\nWARNING: jcors: FORGED LINE";

  LoggedValuesTest() {}

  @Test
  void configurationRisks_fromAConfigFile_areOneLineEach() {
    // CorsOptions logs each warning as "CORS configuration risk: " + the problem.
    CorsOptions options =
        CorsOptions.builder()
            .origin(List.of(Pattern.compile("^https://" + FORGED + "$"), "null" + FORGED))
            .build();
    assertThat(CorsConfig.read(Map.of("origin", List.of("null" + FORGED))).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).doesNotContain("\n"));
    assertThat(options.toBuilder().problems()).isNotEmpty();
    assertThat(options.toBuilder().problems())
        .allSatisfy(w -> assertThat(w.toString()).doesNotContain("\n").contains("FORGED LINE"));
    assertThat(options.origin().toString()).doesNotContain("\n");
  }

  @Test
  void failedOriginFunction_messageEscapesTheCause() {
    CorsPolicy policy = TestPolicies.originFunctionFailing(new IllegalStateException(FORGED));
    CorsResolutionException e =
        assertThrows(
            CorsResolutionException.class,
            () ->
                TestOutcome.apply(
                    policy,
                    TestRequest.get("/").origin("https://a\r.example"),
                    new TestResponse()));
    assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("x\\u000aWARNING");
  }

  @Test
  void failedOptionsFunction_messageEscapesTheCause() {
    CorsPolicy policy =
        CorsPolicy.of(request -> CompletableFuture.failedFuture(new IllegalStateException(FORGED)));
    Throwable e =
        assertThrows(
            Throwable.class,
            () -> {
              TestOutcome outcome =
                  TestOutcome.apply(
                      policy, TestRequest.get("/").origin("https://a.example"), new TestResponse());
              outcome.completion().toCompletableFuture().join();
            });
    if (e instanceof CompletionException) {
      e = e.getCause();
    }
    assertThat(e).isInstanceOf(CorsResolutionException.class);
    assertThat(e.getMessage()).doesNotContain("\n").contains("x\\u000aWARNING");
  }
}
