package io.jcors.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.testsupport.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application's {@code ErrorHandler} answers with the CORS headers still on, and a {@code Vary}
 * it sets gets {@code Origin} back, on a real Helidon server.
 */
class ErrorHandlerTest {
  private static final String APP = "https://app.example.com";

  /** What the application throws when a product is out of stock. */
  private static final class OutOfStock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStock() {
      super("out of stock");
    }
  }

  private WebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void errorHandlersAnswer_keepsTheCorsHeaders_andOriginInItsVary() throws IOException {
    server =
        Servers.start(
            CorsPolicy.of(CorsOptions.builder().origin(Origins.of(APP)).credentials(true).build()),
            routing ->
                routing
                    .get(
                        "/order",
                        (req, res) -> {
                          throw new OutOfStock();
                        })
                    .error(
                        OutOfStock.class,
                        (req, res, e) ->
                            res.status(Status.CONFLICT_409)
                                .header(HeaderNames.VARY, "Accept-Language")
                                .send(e.getMessage())));
    RawHttp.Response response =
        RawHttp.send(
            Servers.base(server), "GET /order HTTP/1.1\r\nHost: x\r\nOrigin: " + APP + "\r\n");
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.lines("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(response.lines("Access-Control-Allow-Credentials")).containsExactly("true");
    assertThat(response.lines("Vary")).containsExactly("Accept-Language, Origin");
  }
}
