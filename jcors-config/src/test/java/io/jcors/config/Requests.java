package io.jcors.config;

import io.jcors.CorsOutcome;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import io.jcors.CorsResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a policy answers to a GET with an {@code Origin}: the one place these tests ask a policy.
 */
final class Requests {
  private Requests() {}

  /** The {@code Access-Control-Allow-Origin} a GET of {@code path} from {@code origin} gets. */
  static String allowOrigin(CorsPolicy policy, String path, String origin) throws Exception {
    return headers(policy, path, origin).get("access-control-allow-origin");
  }

  /** Every CORS header a GET of {@code path} from {@code origin} gets, by lower-case name. */
  static Map<String, String> headers(CorsPolicy policy, String path, String origin)
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
    CorsResponse response =
        new CorsResponse() {
          @Override
          public void setHeader(String name, String value) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
          }

          @Override
          public void addVary(String name) {
            headers.merge("vary", name, (a, b) -> a + ", " + b);
          }
        };
    CorsOutcome outcome = policy.apply(request, response);
    if (outcome.action() == CorsOutcome.Action.PENDING) {
      outcome.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    return headers;
  }
}
