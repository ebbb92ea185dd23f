package io.jcors.spring.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The configuration warnings logged at startup, kept for the {@code jcors} Actuator endpoint. */
final class StartupWarnings {
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  void add(String warning) {
    warnings.add(warning);
  }

  List<String> all() {
    return List.copyOf(warnings);
  }
}
