package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jcors.CorsPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of jcors-demo, verbatim, run and checked. */
class JavadocExamplesTest {
  JavadocExamplesTest() {}

  @Test
  void demoApi_install() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DemoApi.install(server, "http://localhost:5500");
    server.start();

    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data"))
                      .header("Origin", "http://localhost:5500")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("http://localhost:5500");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void tutorial() {
    Tutorial tutorial = new Tutorial("http://localhost:5500");
    CorsPolicy policy =
        DemoApi.cors("http://localhost:5500", DemoApi.partnerLookup(Set.of()), tutorial);
    tutorial.fix(1); // GET /tutorial/greeting is now allowed for the page

    assertThat(policy).isNotNull();
    assertThat(tutorial.fixed(1)).isTrue();
  }

  @Test
  void demo_start() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      try (Demo demo = Demo.start(0, 0)) {
        System.out.println(demo.pageUrl());
      }
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).matches("http://localhost:[0-9]+\\R");
  }
}
