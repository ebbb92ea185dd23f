package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The problems of a read configuration, as the tests look at them. */
final class Problems {
  private Problems() {}

  /** The one problem of {@code config}; fails the test unless there is exactly one. */
  static ConfigProblem only(LoadedConfig config) {
    List<ConfigProblem> problems = config.problems();
    assertThat(problems).as("the problems of %s", config.source()).hasSize(1);
    return problems.get(0);
  }
}
