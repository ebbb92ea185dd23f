package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quarkus's own CORS turned on beside jcors: one warning at startup, naming the property. */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class StartupLogTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClasses(StartupLogTest.classes()))
          .overrideConfigKey("jcors.origin", "https://app.example.com")
          .overrideConfigKey("quarkus.http.cors.enabled", "true")
          .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.jcors"))
          .assertLogRecords(
              records ->
                  assertThat(records)
                      .map(LogRecord::getMessage)
                      .filteredOn(message -> message.startsWith("jcors: Quarkus's own CORS"))
                      .singleElement()
                      .asString()
                      .contains("quarkus.http.cors.enabled=true", "docs/quarkus.md"));

  /** The module's own classes: a QuarkusUnitTest application holds what its archive holds. */
  static Class<?>[] classes() {
    return new Class<?>[] {
      JcorsFilter.class,
      ApplicationProperties.class,
      CorsHandler.class,
      ContextView.class,
      JcorsConfigurationException.class,
      JcorsCustomizer.class
    };
  }

  @Test
  void quarkusCorsOn_warnsOnce() {
    // The log records are checked after the application stops (assertLogRecords).
  }
}
