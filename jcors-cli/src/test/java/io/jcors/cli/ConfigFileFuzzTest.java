package io.jcors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzz test of the CLI's config-file reader (Jackson, JSON and YAML) and the core's checks behind
 * it, on arbitrary bytes: it either reads the file, with every finding placed and explained, or
 * refuses it with a {@link ConfigFileException} that says why; nothing else escapes. The first byte
 * picks the file name ({@code .json}, {@code .yaml}, or no extension: sniffed). The corpus is in
 * {@code src/test/resources/io/jcors/cli/ConfigFileFuzzTestInputs/arbitraryBytes/}.
 */
public class ConfigFileFuzzTest {
  private static final Path DIR = tempDir();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ConfigFileFuzzTest() {}

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("jcors-config-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void arbitraryBytes(byte[] data) throws IOException {
    String name =
        data.length == 0
            ? "cors"
            : new String[] {"cors.json", "cors.yaml", "cors"}[(data[0] & 0xff) % 3];
    Path file = DIR.resolve(name);
    Files.write(file, data);
    try {
      // No origin sources: a fuzzed {"jdbc": ...} must not open connections.
      LoadedConfig config = LoadedConfig.load(file, Map.of());
      for (Finding finding : config.findings()) {
        assertThat(finding.reason()).isNotBlank();
        assertThat(finding.toText(name)).isNotBlank();
      }
      if (!config.hasErrors()) {
        assertThat(config.policy()).isNotNull();
      }
    } catch (ConfigFileException e) {
      assertThat(e.reason()).isNotBlank();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
