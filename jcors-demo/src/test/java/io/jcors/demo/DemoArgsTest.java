package io.jcors.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoArgsTest {
  @Test
  void noArguments_useTheTutorialPorts() {
    assertThat(DemoArgs.parse()).isEqualTo(new DemoArgs(3000, 5500, false));
  }

  @Test
  void ports_asSeparateValuesOrAfterEquals() {
    assertThat(DemoArgs.parse("--api-port", "0", "--page-port=0"))
        .isEqualTo(new DemoArgs(0, 0, false));
  }

  @Test
  void help_isRecognized() {
    assertThat(DemoArgs.parse("--help").help()).isTrue();
  }

  @Test
  void portOutOfRange_namesTheOptionAndValue() {
    assertThatThrownBy(() -> DemoArgs.parse("--api-port", "70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--api-port: \"70000\" is not a port number (0 to 65535)");
  }

  @Test
  void missingValue_isReported() {
    assertThatThrownBy(() -> DemoArgs.parse("--page-port"))
        .hasMessage("--page-port needs a port number");
  }

  @Test
  void unknownArgument_isReported() {
    assertThatThrownBy(() -> DemoArgs.parse("--port", "1")).hasMessage("unknown argument: --port");
  }

  @Test
  void samePortForBoth_isRefused() {
    assertThatThrownBy(() -> DemoArgs.parse("--api-port", "8080", "--page-port", "8080"))
        .hasMessage(
            "--api-port and --page-port are both 8080; the page must be on another origin than"
                + " the API");
  }
}
