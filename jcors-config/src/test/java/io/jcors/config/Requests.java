package io.jcors.config;

import io.jcors.CorsPolicy;
import java.util.Map;

/**
 * What a policy answers to a GET with an {@code Origin}: the one place these tests ask a policy.
 */
final class Requests {
  private Requests() {}

  /** The {@code Access-Control-Allow-Origin} a GET of {@code path} from {@code origin} gets. */
  static String allowOrigin(CorsPolicy policy, String path, String origin) {
    return headers(policy, path, origin).get("Access-Control-Allow-Origin");
  }

  /** Every CORS header a GET of {@code path} from {@code origin} gets; names ignore case. */
  static Map<String, String> headers(CorsPolicy policy, String path, String origin) {
    return io.jcors.testsupport.Requests.policyHeaders(policy, path, origin);
  }
}
