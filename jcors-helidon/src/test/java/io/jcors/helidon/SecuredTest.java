package io.jcors.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.jcors.CorsPolicy;
import io.jcors.testsupport.RawHttp;
import io.jcors.testsupport.Requests;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * jcors in front of a filter that answers 401, on a real Helidon server: a filter the routing adds
 * after the feature, and a feature of the security feature's weight (800) registered before jcors.
 * ({@code helidon-webserver-security} is not published for Helidon 4.5.0, so its {@code
 * SecurityFeature} is stood in for by a feature of the same weight whose filter answers 401.)
 */
class SecuredTest {
  private static final String APP = "https://app.example.com";
  private static final CorsPolicy POLICY = Requests.credentialedPolicy(APP);

  /** Answers 401 to a request without {@code Authorization}, as an authentication filter does. */
  private static final Filter AUTHENTICATION =
      (chain, req, res) -> {
        if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
          chain.proceed();
        } else {
          res.status(Status.UNAUTHORIZED_401)
              .header(HeaderNames.WWW_AUTHENTICATE, "Bearer")
              .send("log in");
        }
      };

  /**
   * A feature of {@code SecurityFeature}'s weight, 800, whose filter is {@link #AUTHENTICATION}.
   */
  private static final class Security implements HttpFeature, Weighted {
    @Override
    public void setup(HttpRouting.Builder routing) {
      routing.addFilter(AUTHENTICATION);
    }

    @Override
    public double weight() {
      return 800;
    }
  }

  private WebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static RawHttp.Response send(String base, String method, String more) throws IOException {
    return RawHttp.send(
        base, method + " /private HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n" + more);
  }

  private static void check401BehindJcors(String base) throws IOException {
    RawHttp.Response preflight =
        send(
            base,
            "OPTIONS",
            "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.lines("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(preflight.lines("Access-Control-Allow-Headers")).containsExactly("Authorization");

    RawHttp.Response get = send(base, "GET", "");
    assertThat(get.status()).isEqualTo(401);
    assertThat(get.lines("WWW-Authenticate")).containsExactly("Bearer");
    Requests.assertCredentialedCors(get, APP);

    RawHttp.Response authorized = send(base, "GET", "Authorization: Bearer t\r\n");
    assertThat(authorized.status()).isEqualTo(200);
    assertThat(authorized.lines("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(authorized.lines("Vary")).containsExactly("Origin");
  }

  @Test
  void filterAddedByTheRouting_preflightAnsweredBeforeIt_401KeepsTheCorsHeaders()
      throws IOException {
    server =
        Servers.start(
            POLICY,
            routing ->
                routing
                    .addFilter(AUTHENTICATION)
                    .get("/private", (req, res) -> res.send("secret")));
    check401BehindJcors(Servers.base(server));
  }

  /** Weight, not the order of registration, puts jcors (850) ahead of security (800). */
  @Test
  void featureOfTheSecurityWeight_registeredFirst_stillRunsAfterJcors() throws IOException {
    server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                routing ->
                    routing
                        .addFeature(new Security())
                        .addFeature(JcorsFeature.create(POLICY))
                        .get("/private", (req, res) -> res.send("secret")))
            .build()
            .start();
    check401BehindJcors(Servers.base(server));
  }
}
