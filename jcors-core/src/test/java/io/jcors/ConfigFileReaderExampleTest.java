package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Javadoc example of {@link ConfigFileReader}, with a reader registered for the tests. */
class ConfigFileReaderExampleTest {
  /** Reads {@code cors.json} as a fixed tree; registered in META-INF/services for this test. */
  public static final class NamedFileReader implements ConfigFileReader {
    static final AtomicInteger READS = new AtomicInteger();

    /** The ServiceLoader's constructor. */
    public NamedFileReader() {}

    @Override
    public boolean reads(Path file) {
      return file.getFileName().toString().equals("cors.json");
    }

    @Override
    public Map<String, ?> read(Path file) {
      READS.incrementAndGet();
      return Map.of("origin", "https://app.example.com");
    }
  }

  @Test
  void serviceLoaderFindsAReaderForTheFile() throws Exception {
    int before = NamedFileReader.READS.get();
    Path file = Path.of("cors.json");
    for (ConfigFileReader reader : ServiceLoader.load(ConfigFileReader.class)) {
      if (reader.reads(file)) {
        CorsPolicy policy = CorsConfig.read(reader.read(file)).policy();
      }
    }
    assertThat(NamedFileReader.READS.get()).isEqualTo(before + 1);
  }
}
