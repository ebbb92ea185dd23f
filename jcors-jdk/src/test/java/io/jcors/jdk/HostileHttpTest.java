package io.jcors.jdk;

import com.sun.net.httpserver.HttpServer;
import io.jcors.testsupport.HostileRequests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HTTP against the filter in the JDK's HttpServer, sent over raw sockets (S15-S18, S26):
 * the requests and checks of {@link HostileRequests}.
 */
class HostileHttpTest {
  private HttpServer server;
  private String base;

  HostileHttpTest() {}

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server
        .createContext(
            "/",
            exchange -> {
              byte[] body = exchange.getRequestMethod().getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
        .getFilters()
        .add(new CorsFilter(HostileRequests.policy()));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("io.jcors.testsupport.HostileRequests#cases")
  void hostileRequest_noServerError_noInvalidByte_noAllowOrigin(
      boolean mayMatch, String name, String head) throws Exception {
    HostileRequests.checkHostileRequest(base, mayMatch, name, head);
  }

  @Test
  void duplicateOrigin_attackerFirst_getsNoAllowOrigin() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerFirst(base);
  }

  @Test
  void duplicateOrigin_attackerSecond_reflectsOnlyTheFirst() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerSecond(base);
  }

  @Test
  void afterTheOnslaught_aNormalPreflightStillWorks() throws Exception {
    HostileRequests.checkNormalPreflightAfterAll(base);
  }
}
