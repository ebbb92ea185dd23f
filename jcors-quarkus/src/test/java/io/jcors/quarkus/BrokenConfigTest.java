package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broken application.properties stops a real Quarkus application while it starts, with every
 * problem in one message (Quarkus prints a ConfigurationException's message, no stack trace).
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class BrokenConfigTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClasses(StartupLogTest.classes()))
          .overrideConfigKey("jcors.origin", "*")
          .overrideConfigKey("jcors.credentials", "true")
          .overrideConfigKey("jcors.max-age", "soon")
          .overrideConfigKey("jcors.orign", "https://app.example.com")
          .assertException(
              e -> {
                Throwable root = e;
                while (root.getCause() != null) {
                  root = root.getCause();
                }
                // The application's class loader has its own copy of the class: compared by name.
                assertThat(root.getClass().getName())
                    .isEqualTo(JcorsConfigurationException.class.getName());
                assertThat(root.getMessage().lines())
                    .containsExactly(
                        "The CORS configuration of jcors (application.properties) has 3 problems:",
                        "  jcors.orign: is not a known option. Fix: did you mean \"origin\"?",
                        "  jcors.max-age: \"soon\" is not a whole number. Fix: write a number such"
                            + " as 600",
                        "  jcors.credentials: true cannot be combined with origin \"*\": browsers"
                            + " refuse Access-Control-Allow-Origin: * on credentialed requests (S2)."
                            + " Fix: list the origins that may send credentials, e.g. origin:"
                            + " [\"https://app.example.com\"]",
                        "Fix each property listed above (application.properties, a profile or the"
                            + " environment); see docs/quarkus.md, or set jcors.enabled=false.");
                // Quarkus prints the message of a ConfigurationException, without a stack trace.
                assertThat(root.getClass().getSuperclass().getName())
                    .isEqualTo("io.quarkus.runtime.configuration.ConfigurationException");
              });

  @Test
  void startupFails_listingEveryProblem() {
    fail("the application started with a broken jcors configuration");
  }
}
