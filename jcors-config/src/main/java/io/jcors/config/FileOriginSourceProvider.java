package io.jcors.config;

import io.jcors.OriginResolver;
import io.jcors.OriginSourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code file} origin source, {@code {"file": "tenants.txt"}}: the origins listed in a file,
 * one per line ({@link OriginFile}), kept fresh with {@code refreshSeconds} ({@link FileOrigins}).
 * Built into jcors-config, so that every reader of config files has it.
 */
final class FileOriginSourceProvider implements OriginSourceProvider {
  /** The key that names this source in a config file. */
  static final String KEY = "file";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Source open() {
    List<FileOrigins> opened = new ArrayList<>();
    return new Source() {
      @Override
      public OriginResolver create(Map<String, ?> settings) {
        return create(settings, false, false);
      }

      @Override
      public OriginResolver create(Map<String, ?> settings, boolean credentials, boolean strict) {
        FileOrigins origins =
            new FileOrigins(OriginFile.Settings.of(settings), credentials, strict);
        synchronized (opened) {
          opened.add(origins);
        }
        return origins;
      }

      @Override
      public void close() {
        synchronized (opened) {
          opened.forEach(FileOrigins::close);
          opened.clear();
        }
      }
    };
  }

  /**
   * Checks the settings, and reads the file within its bounds: a local file is no connection, and a
   * file that {@code serve} could not read is an error of the configuration for {@code lint} too.
   */
  @Override
  public void check(Map<String, ?> settings) {
    try {
      OriginFile.read(OriginFile.Settings.of(settings));
    } catch (java.io.IOException | IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public List<String> readOnce(Map<String, ?> settings) throws Exception {
    return lines(settings).stream().map(OriginFile.Line::value).toList();
  }

  /** The entries of the file with their lines, within its bounds, read once. */
  static List<OriginFile.Line> lines(Map<String, ?> settings) throws Exception {
    return OriginFile.read(OriginFile.Settings.of(settings));
  }
}
