package io.jcors.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a {@code java.util.logging} logger and those under it publish at {@code WARNING} or above
 * while this is installed, one line a record ({@code logger: message thrown}): for the tests that a
 * server logs no error (Vert.x and Quarkus log through JUL, the JDK's {@code System.Logger} does by
 * default), and for their controls that it does.
 */
public final class LoggedWarnings extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LoggedWarnings(Logger logger) {
    this.logger = logger;
  }

  /** Installed on the logger {@code name} ({@code ""} for the root) until {@link #close()}. */
  public static LoggedWarnings on(String name) {
    LoggedWarnings warnings = new LoggedWarnings(Logger.getLogger(name));
    warnings.logger.addHandler(warnings);
    return warnings;
  }

  /** The lines so far, oldest first. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Forgets the lines so far. */
  public void clear() {
    lines.clear();
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      Throwable thrown = record.getThrown();
      lines.add(
          record.getLoggerName()
              + ": "
              + record.getMessage()
              + (thrown == null ? "" : " " + thrown));
    }
  }

  @Override
  public void flush() {}

  /** Uninstalls it. */
  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
