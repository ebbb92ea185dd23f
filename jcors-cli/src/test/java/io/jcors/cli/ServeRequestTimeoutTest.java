package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --request-timeout} outside 1 to 3600 seconds is refused before anything starts. */
public class ServeRequestTimeoutTest {
  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServeRequestTimeoutTest() {}

  @ParameterizedTest(name = "--request-timeout {0}")
  @ValueSource(strings = {"0", "-5", "3601"})
  void outOfRange_exit2_namesTheRange(String seconds) {
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute("serve", "--config", "cors.json", "--request-timeout", seconds);

    assertThat(code).isEqualTo(Main.ERRORS);
    assertThat(err.toString())
        .isEqualTo(
            "jcors serve: --request-timeout "
                + seconds
                + " is not a number of seconds from 1 to 3600; the default is 10"
                + System.lineSeparator());
  }
}
