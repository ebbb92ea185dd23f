package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fuzz test of the config-file reader {@link CorsConfig#read(Map)} on arbitrary trees of maps,
 * lists, strings, numbers, booleans and nulls, leaning towards the option names and value shapes it
 * knows: it never throws, reports every problem with a path and a reason, and a configuration it
 * accepts answers requests. The corpus is in {@code
 * src/test/resources/io/jcors/CorsConfigFuzzTestInputs/arbitraryTree/}.
 */
class CorsConfigFuzzTest {
  CorsConfigFuzzTest() {}

  /**
   * The option names, then the other keys a tree has and a misspelt one; in this order, so that the
   * corpus's inputs pick the same keys.
   */
  private static final String[] KEYS =
      Stream.concat(
              Arrays.stream(CorsConfig.Option.values()).map(CorsConfig.Option::key),
              Stream.of("routes", "path", "cors", "jdbc", "orign"))
          .toArray(String[]::new);

  private static final String[] STRINGS = {
    "*",
    "https://app.example.com",
    "https://*.example.com",
    "http://localhost:*",
    "null",
    "file://",
    "/^https:\\/\\/a\\.example$/i",
    "/(/",
    "/x/g",
    "/api/**",
    "/",
    "GET,PUT",
    "Content-Type, X-Key",
    "Set-Cookie",
    "",
    "https://*.github.io",
    "http://app.example.com",
  };

  @FuzzTest(maxDuration = "60s")
  void arbitraryTree(FuzzedDataProvider data) {
    Map<String, Object> tree = map(data, 0);
    CorsConfig config = CorsConfig.read(tree);
    boolean anyError = false;
    for (CorsProblem problem : config.problems()) {
      assertThat(problem.option()).isNotNull();
      assertThat(problem.reason()).isNotBlank();
      assertThat(problem.toString()).isNotBlank();
      anyError |= problem.severity() == CorsProblem.Severity.ERROR;
    }
    assertThat(config.hasErrors()).as("problems %s", config.problems()).isEqualTo(anyError);
    if (config.hasErrors()) {
      return;
    }
    CorsPolicy policy = config.policy();
    for (TestRequest request :
        List.of(
            TestRequest.get("/api/x").origin("https://app.example.com"),
            TestRequest.preflight("/api/x", "https://a.example.com", "PUT")
                .header("Access-Control-Request-Headers", "x-key"),
            TestRequest.get("/").origin("null"))) {
      TestOutcome outcome = TestOutcome.apply(policy, request, new TestResponse());
      assertThat(outcome.action()).isNotEqualTo(TestOutcome.Action.PENDING);
    }
  }

  private static Map<String, Object> map(FuzzedDataProvider data, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = data.consumeInt(0, 4);
    for (int i = 0; i < size; i++) {
      String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(12);
      map.put(key, value(data, depth + 1));
    }
    return map;
  }

  private static Object value(FuzzedDataProvider data, int depth) {
    int kind = data.consumeInt(0, depth > 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return data.pickValue(STRINGS);
      case 1:
        return data.consumeString(40);
      case 2:
        return data.consumeBoolean();
      case 3:
        switch (data.consumeInt(0, 4)) {
          case 0:
            return data.consumeInt();
          case 1:
            return data.consumeLong();
          case 2:
            return data.consumeDouble();
          case 3:
            return new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt(-5, 5));
          default:
            return BigInteger.valueOf(data.consumeLong()).shiftLeft(data.consumeInt(0, 80));
        }
      case 4:
        return null;
      case 5:
        return data.pickValue(STRINGS);
      case 6:
        List<Object> list = new ArrayList<>();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
          list.add(value(data, depth + 1));
        }
        return list;
      default:
        return map(data, depth);
    }
  }
}
