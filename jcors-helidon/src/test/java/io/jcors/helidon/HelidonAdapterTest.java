package io.jcors.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.HostileRequests;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.RoutingPaths;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The adapter test kit's contract on a real Helidon 4 SE server. Helidon runs each request on a
 * virtual thread of its own, so the checks that waiting requests hold no thread send {@value
 * #PENDING} requests whose function has not completed, all waiting at once.
 *
 * <p>Helidon's HTTP/1 parser answers a request line whose method is not a token ({@code G(T}) with
 * 500 before any filter runs ({@code Method.create} throws an {@code IllegalArgumentException},
 * which the connection answers as an internal error, where RFC 9112 section 3 has a 400): {@link
 * #methodWithSeparators_isAnswered500ByHelidonWithoutJcorsToo} shows it on a server without jcors.
 */
class HelidonAdapterTest extends AdapterContract {
  /** Requests left waiting at once for an origin or options function (one more is sent). */
  static final int PENDING = 200;

  private static final String METHOD_WITH_SEPARATORS = "method with separators";

  @Override
  protected Server start(CorsPolicy policy) {
    WebServer server = Servers.start(policy, Servers::contractRoutes);
    return Server.of(Servers.base(server), PENDING, server::stop);
  }

  /**
   * Helidon's own routes {@code /api/admin}, {@code /api/admin/*}, {@code /api}, {@code /api/*}.
   */
  @Override
  protected Server startRouted(CorsPolicy policy) {
    WebServer server =
        Servers.start(
            policy,
            routing ->
                routing
                    .get("/api/admin", (req, res) -> served(res, RoutingPaths.ADMIN_ROUTE))
                    .get("/api/admin/*", (req, res) -> served(res, RoutingPaths.ADMIN_ROUTE))
                    .get("/api", (req, res) -> served(res, RoutingPaths.API_ROUTE))
                    .get("/api/*", (req, res) -> served(res, RoutingPaths.API_ROUTE)));
    return Server.of(Servers.base(server), PENDING, server::stop);
  }

  private static void served(ServerResponse res, String route) {
    res.header(RoutingPaths.SERVED, route).send(route);
  }

  /** The contract's application answers its 404 and 500 through Helidon error handlers. */
  @Override
  protected boolean errorPages() {
    return true;
  }

  @Override
  protected Set<String> hostileRequestsTheServerFails() {
    return Set.of(METHOD_WITH_SEPARATORS);
  }

  @Test
  void methodWithSeparators_isAnswered500ByHelidonWithoutJcorsToo() throws Exception {
    String head =
        HostileRequests.cases()
            .map(Arguments::get)
            .filter(arguments -> arguments[1].equals(METHOD_WITH_SEPARATORS))
            .map(arguments -> (String) arguments[2])
            .findFirst()
            .orElseThrow();
    WebServer bare =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(routing -> routing.any((req, res) -> res.send("served")))
            .build()
            .start();
    try {
      assertThat(RawHttp.send(Servers.base(bare), head).status()).isEqualTo(500);
    } finally {
      bare.stop();
    }
  }
}
