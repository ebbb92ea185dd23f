package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyNamesTest {
  @Test
  void kebab_theJavadocExample() {
    String name = PropertyNames.kebab("routes[0].cors.preflightContinue");
    // name is "routes[0].cors.preflight-continue"
    assertThat(name).isEqualTo("routes[0].cors.preflight-continue");
  }

  @Test
  void kebab_everyUpperCaseLetter_nameAlreadyKebab_andPlainNamesUnchanged() {
    assertThat(PropertyNames.kebab("origin.jdbc.refreshSeconds"))
        .isEqualTo("origin.jdbc.refresh-seconds");
    assertThat(PropertyNames.kebab("optionsSuccessStatus")).isEqualTo("options-success-status");
    assertThat(PropertyNames.kebab("max-age")).isEqualTo("max-age");
    assertThat(PropertyNames.kebab("routes[12].path")).isEqualTo("routes[12].path");
    assertThat(PropertyNames.kebab("")).isEmpty();
  }
}
