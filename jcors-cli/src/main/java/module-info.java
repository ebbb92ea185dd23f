/**
 * The {@code jcors} command: CORS config files in JSON and YAML, a mock API behind a policy ({@code
 * serve}) and a linter ({@code lint}). Run it with {@code java -jar jcors.jar} or {@code ./jcors}.
 */
module io.jcors.cli {
  requires io.jcors.jdk;
  requires io.jcors.jdbc;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;

  opens io.jcors.cli to
      info.picocli;
}
