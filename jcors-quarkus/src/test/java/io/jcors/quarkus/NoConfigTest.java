package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No jcors.* property: no filter, no CORS header, and one log line saying so. */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class NoConfigTest {
  static {
    // A JVM property under jcors that is no jcors property, as a build may set: not read.
    System.setProperty("jcors.version", "0.1.0");
  }

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClasses(StartupLogTest.classes()))
          .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.jcors"))
          .assertLogRecords(
              records ->
                  assertThat(records)
                      .map(LogRecord::getMessage)
                      .containsExactly(
                          "jcors: no jcors.* properties and no CorsPolicy bean, so no CORS filter:"
                              + " responses get no CORS headers (set jcors.origin to allow a site,"
                              + " see docs/quarkus.md)"));

  @TestHTTPResource("/")
  URL root;

  @Test
  void noProperties_noCorsHeaders() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(root.toString()))
                    .header("Origin", "https://app.example.com")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().allValues("Vary")).isEmpty();
  }
}
