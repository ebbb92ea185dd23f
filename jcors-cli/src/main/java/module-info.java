/**
 * The {@code jcors} command: CORS config files in JSON and YAML, a mock API behind a policy ({@code
 * serve}), a linter ({@code lint}), the browser's side of CORS ({@code check}) and the demo. Run it
 * with {@code java -jar jcors.jar} or {@code ./jcors}. Config files are read by jcors-config;
 * origin sources (jcors-jdbc) are found by it with {@link java.util.ServiceLoader}.
 */
module io.jcors.cli {
  requires io.jcors.jdk;
  requires io.jcors.config;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires io.jcors.check;
  requires io.jcors.demo;

  opens io.jcors.cli to
      info.picocli;
}
