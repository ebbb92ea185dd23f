package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jcors.internal.FuzzInput;
import io.jcors.internal.NaiveTokens;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzz test of the per-request decision on hostile requests (S15, S17, S18, S26): whatever the
 * method, {@code Origin}, {@code Access-Control-Request-Method} and {@code
 * Access-Control-Request-Headers}, the decision never throws, never reflects a value that is not a
 * well-formed bounded token list or an allowed origin, and never writes a control or non-ASCII
 * byte. Input lines: policy (a digit), method, Origin, ACRM, ACRH; a line {@code ~} means the
 * header is absent. The corpus is in {@code
 * src/test/resources/io/jcors/DecisionFuzzTestInputs/hostileRequest/}.
 */
class DecisionFuzzTest {
  DecisionFuzzTest() {}

  private static final String APP = "https://app.example.com";

  private static final List<CorsOptions> POLICIES =
      List.of(
          CorsOptions.defaults(),
          CorsOptions.builder()
              .origin(List.of(APP, "https://*.example.org", "http://localhost:*"))
              .credentials(true)
              .exposedHeaders("X-Total")
              .build(),
          CorsOptions.builder().origin(true).build(),
          CorsOptions.builder()
              .origin(Pattern.compile("^https://[a-z]+\\.example\\.net$"))
              .allowedHeaders("Content-Type", "X-Api-Key")
              .build(),
          CorsOptions.builder().origin(APP).maxAge(600).build());

  @FuzzTest(maxDuration = "60s")
  void hostileRequest(byte[] data) {
    List<String> fields = FuzzInput.fields(data, 5);
    String selector = fields.get(0);
    CorsOptions options =
        POLICIES.get(selector.isEmpty() ? 0 : Math.floorMod(selector.charAt(0), POLICIES.size()));
    String origin = absentIfTilde(fields.get(2));
    String requestMethod = absentIfTilde(fields.get(3));
    String requestHeaders = absentIfTilde(fields.get(4));
    TestRequest request = TestRequest.of(fields.get(1), "/r");
    if (origin != null) {
      request.origin(origin);
    }
    if (requestMethod != null) {
      request.header("Access-Control-Request-Method", requestMethod);
    }
    if (requestHeaders != null) {
      request.header("Access-Control-Request-Headers", requestHeaders);
    }

    TestResponse response = new TestResponse();
    TestOutcome outcome = TestOutcome.apply(CorsPolicy.of(options), request, response);
    assertThat(outcome.action()).isNotEqualTo(TestOutcome.Action.PENDING);

    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      // RFC 9110 section 5.5: a field value is visible ASCII, spaces and tabs (a reflected list
      // may keep the tabs of its optional whitespace; input tab-in-request-headers).
      assertThat(header.getValue().chars().allMatch(c -> c == '\t' || (c > 0x1f && c < 0x7f)))
          .as("%s: \"%s\" is visible ASCII, spaces and tabs", header.getKey(), header.getValue())
          .isTrue();
    }
    String allowOrigin = response.header("Access-Control-Allow-Origin");
    if (allowOrigin != null && !allowOrigin.equals("*") && !allowOrigin.equals(APP)) {
      assertThat(allowOrigin).isEqualTo(origin);
      assertThat(((Origins) options.origin()).allows(origin)).isTrue();
      assertThat(origin.length()).isLessThanOrEqualTo(326);
    }
    Origins.Kind kind = ((Origins) options.origin()).kind();
    if (allowOrigin != null && (kind == Origins.Kind.LIST || kind == Origins.Kind.REFLECT)) {
      assertThat(allowOrigin).isEqualTo(origin);
    }
    String allowHeaders = response.header("Access-Control-Allow-Headers");
    if (allowHeaders != null && options.allowedHeaders() == null) {
      assertThat(allowHeaders).isEqualTo(requestHeaders);
      assertThat(allowHeaders.length()).isLessThanOrEqualTo(Decision.MAX_REFLECTED_REQUEST_HEADERS);
      assertThat(NaiveTokens.isTokenList(allowHeaders, Decision.MAX_REFLECTED_REQUEST_HEADERS))
          .as("reflected \"%s\" is a token list", allowHeaders)
          .isTrue();
    }
  }

  private static String absentIfTilde(String field) {
    return field.equals("~") ? null : field;
  }
}
