package io.jcors.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * A path that gets no CORS headers because it is ambiguous, or not in its normal form, logs one
 * escaped line in debug mode (the path corpus itself runs in {@link JdkAdapterTest}).
 */
class RefusedPathLogTest {
  @Test
  void refusedPath_debugMode_logsOneEscapedLine() throws Exception {
    AdapterContract.Server debugServer =
        JdkAdapterTest.startRoutedServer(RoutingPaths.policy(true));
    Logger logger = Logger.getLogger("io.jcors");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      String debugBase = debugServer.base();
      RoutingPaths.Kind[] kinds = {
        RoutingPaths.Kind.AMBIGUOUS, RoutingPaths.Kind.RESOLVED, RoutingPaths.Kind.DECODED
      };
      String[] paths = {"/api%2Fadmin/users", "/api//admin/users", "/api/admin/x"};
      for (int i = 0; i < paths.length; i++) {
        RoutingPaths.check(
            debugBase,
            new RoutingPaths.Entry(paths[i], paths[i], kinds[i], RoutingPaths.ADMIN_ROUTE),
            false);
      }
    } finally {
      logger.removeHandler(handler);
      debugServer.stop();
    }
    List<String> lines =
        records.stream()
            .map(record -> new SimpleFormatter().formatMessage(record))
            .filter(line -> line.contains("request path"))
            .toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "CORS: request path \"/api%2Fadmin/users\" gets no CORS headers: it has an encoded /"
                + " (%2F), which servers read as a separator or inside a segment (routes are chosen"
                + " on the path the server dispatches on)");
    assertThat(lines.get(1))
        .startsWith("CORS: request path \"/api//admin/users\" gets no CORS headers:")
        .contains("not on its normal form \"/api/admin/users\"");
  }
}
