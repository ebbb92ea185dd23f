package io.jcors.quarkus;

import io.jcors.CorsPolicy;
import io.jcors.quarkus.app.ContractRoutes;
import io.jcors.testsupport.AdapterContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;

/**
 * The adapter test kit's contract, and the path corpus, on a real Quarkus application: Quarkus
 * starts once for the class (one application per test class), so {@link #start(CorsPolicy)} gives
 * the {@link CorsHandler} registered at {@link CorsHandler#PRIORITY} the test's policy ({@link
 * ContractRoutes}) instead of starting a server; the kit's routes are Vert.x routes after Quarkus
 * REST's, the corpus's routes are Quarkus REST resources ({@code RoutedResource}).
 */
@QuarkusTest
@TestProfile(QuarkusContractTest.Contract.class)
class QuarkusContractTest extends AdapterContract {
  /** The kit's routes and handler on, the jcors.* properties of application.properties off. */
  public static class Contract implements QuarkusTestProfile {
    /** The event loops the kit's requests run on (its routes never leave the event loop). */
    static final int EVENT_LOOPS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "jcors.enabled", "false",
          "jcors-test.contract", "true",
          "quarkus.vertx.event-loops-pool-size", String.valueOf(EVENT_LOOPS));
    }
  }

  @TestHTTPResource("/")
  URL url;

  private String base() {
    return url.toString().replaceAll("/$", "");
  }

  @Override
  protected Server start(CorsPolicy policy) {
    ContractRoutes.ROUTED.set(false);
    return server(policy);
  }

  private Server server(CorsPolicy policy) {
    ContractRoutes.POLICY.set(policy);
    // Quarkus stops after the class; the next start swaps the policy, as a reload does.
    return Server.of(base(), Contract.EVENT_LOOPS, () -> {});
  }

  /**
   * The same application, with only its Quarkus REST resources: the corpus's routes. Quarkus REST
   * dispatches on the decoded path, matrix parameters removed, and Vert.x resolves dot segments
   * before: the adapter gives a path with parameters, dot or empty segments no CORS headers from
   * routes (the kit's default reading), every other path those of the route served.
   */
  @Override
  protected Server startRouted(CorsPolicy policy) {
    ContractRoutes.ROUTED.set(true);
    return server(policy);
  }
}
