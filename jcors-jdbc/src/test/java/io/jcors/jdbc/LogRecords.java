package io.jcors.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The messages logged on the jcors loggers while it is open, formatted as a log file shows them.
 */
final class LogRecords implements AutoCloseable {
  /** The parent of io.jcors.jdbc too: one handler there sees every record once. */
  private static final List<String> NAMES = List.of("io.jcors");

  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          messages.add(record.getLevel() + ": " + formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogRecords() {
    handler.setLevel(Level.ALL);
    for (String name : NAMES) {
      Logger.getLogger(name).addHandler(handler);
    }
  }

  /** Every message so far, {@code LEVEL: text}. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  /** How many messages so far contain {@code text}. */
  long count(String text) {
    return messages.stream().filter(m -> m.contains(text)).count();
  }

  @Override
  public void close() {
    for (String name : NAMES) {
      Logger.getLogger(name).removeHandler(handler);
    }
  }
}
