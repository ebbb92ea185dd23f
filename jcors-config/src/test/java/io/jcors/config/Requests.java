package io.jcors.config;

import io.jcors.CorsHeaders;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
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
    CorsHeaders response =
        new CorsHeaders() {
          @Override
          public String get(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
          }

          @Override
          public void set(String name, String value) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
          }
        };
    policy
        .decide(request)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .writeTo(request, response);
    return headers;
  }
}
