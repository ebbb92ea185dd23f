package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.SlowClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code jcors serve} holds slow clients: 500 connections that send their headers one byte at a
 * time do not delay other requests, and are closed by the request timeout. Once, 17 such
 * connections took all 16 worker threads of the JDK server, which waited on them forever, and a
 * normal request waited as long as they lasted.
 */
public class ServeSlowClientsIT {
  private static final int SLOW = 500;

  /** The bound on one normal request while the slow clients hold their connections. */
  private static final Duration PROMPT = Duration.ofSeconds(2);

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(PROMPT).build();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServeSlowClientsIT() {}

  @Test
  void fiveHundredSlowClients_normalRequestsStayPrompt_andTheSlowOnesAreClosedByTheTimeout()
      throws Exception {
    Path config = ServeIT.resource("single.yaml");
    try (JcorsProcess.Server server = JcorsProcess.Server.start(config, "--request-timeout", "3");
        SlowClients slow = SlowClients.open(server.url, SLOW, Duration.ofMillis(500))) {
      Thread.sleep(500); // every slow connection has sent bytes and holds its request open
      assertThat(slow.closedByServer()).isZero();

      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response =
            CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.url + "/api/items/" + i))
                    .header("Origin", "https://app.example.com")
                    .timeout(PROMPT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
            .hasValue("https://app.example.com");
        assertThat(took).isLessThan(PROMPT);
      }
      // Every slow connection is closed by the 3 s request timeout (checked every second).
      assertThat(slow.awaitClosedByServer(Duration.ofSeconds(8))).isEqualTo(SLOW);
      assertThat(server.process.isAlive()).isTrue();
    }
  }
}
