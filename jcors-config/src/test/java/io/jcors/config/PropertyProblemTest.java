package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyProblemTest {
  @Test
  void toString_theJavadocExample() {
    String line =
        new PropertyProblem("jcors.max-age", "\"ten\"", "is not a number", "write seconds")
            .toString();
    // line is: jcors.max-age: "ten" is not a number. Fix: write seconds
    assertThat(line).isEqualTo("jcors.max-age: \"ten\" is not a number. Fix: write seconds");
  }

  @Test
  void toString_withoutValueOrFix() {
    assertThat(new PropertyProblem("jcors.cros", null, "is not a jcors property", null).toString())
        .isEqualTo("jcors.cros: is not a jcors property");
  }
}
