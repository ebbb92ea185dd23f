/**
 * The {@code jcors} command: CORS config files in JSON and YAML, a mock API behind a policy ({@code
 * serve}), a linter ({@code lint}), the browser's side of CORS ({@code check}) and the demo. Run it
 * with {@code java -jar jcors.jar} or {@code ./jcors}. Provides the JSON and YAML {@link
 * io.jcors.ConfigFileReader} that the servlet filter's {@code config} init-param uses.
 */
module io.jcors.cli {
  requires io.jcors.jdk;
  requires io.jcors.jdbc;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires io.jcors.check;
  requires io.jcors.demo;

  opens io.jcors.cli to
      info.picocli;

  provides io.jcors.ConfigFileReader with
      io.jcors.cli.JacksonConfigFileReader;
}
