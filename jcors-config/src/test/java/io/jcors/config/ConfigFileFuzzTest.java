package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz test of the config reader (Jackson for JSON and YAML; properties files) and the core's
 * checks behind it, on arbitrary bytes: it either reads the file, with every problem placed and
 * explained on one line, or refuses it with problems that say why; nothing escapes. The first byte
 * picks the file name ({@code .json}, {@code .yaml}, or no extension: sniffed). The corpus is in
 * {@code src/test/resources/io/jcors/config/ConfigFileFuzzTestInputs/}.
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
      readsOrExplains(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The same for {@code .properties} files: the flat keys and their values. */
  @FuzzTest(maxDuration = "30s")
  void arbitraryProperties(byte[] data) throws IOException {
    Path file = DIR.resolve("cors.properties");
    Files.write(file, data);
    try {
      readsOrExplains(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void readsOrExplains(Path file) {
    // No origin sources: a fuzzed {"jdbc": ...} must not open connections.
    LoadedConfig config = ConfigReader.read(file, OriginSources.none());
    for (ConfigProblem problem : config.problems()) {
      assertThat(problem.reason()).isNotBlank();
      assertThat(problem.toString()).isNotBlank().doesNotContain("\n", "\r");
    }
    if (config.hasErrors()) {
      assertThat(config.problems()).isNotEmpty();
    } else {
      assertThat(config.policy()).isNotNull();
    }
  }
}
