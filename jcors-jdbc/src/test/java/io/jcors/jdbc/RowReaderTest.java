package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows are read on the load's thread and handed to the sink in batches on the caller's: every
 * row arrives once and in order across many batches, and a sink that fails ends the load's thread
 * instead of leaving it blocked on a full queue.
 */
class RowReaderTest {
  /** More rows than the queue and a partly filled last batch hold. */
  private static final int ROWS = RowReader.BATCH * (RowReader.QUEUED + 3) + 17;

  @TempDir Path dir;

  private String url;

  RowReaderTest() {}

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("rows.db");
    Sql sql = new Sql(url, null);
    sql.run("CREATE TABLE cors_origins (n INTEGER, origin TEXT)");
    sql.run(
        "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < "
            + ROWS
            + ") INSERT INTO cors_origins SELECT i, CASE WHEN i % 1000 = 7 THEN NULL ELSE"
            + " ' https://tenant' || i || '.example.com ' END FROM c");
  }

  private RowReader reader() {
    return new RowReader(
        () -> DriverManager.getConnection(url),
        "SELECT origin FROM cors_origins ORDER BY n",
        Duration.ofSeconds(30),
        Integer.MAX_VALUE,
        Long.MAX_VALUE,
        1000,
        "test");
  }

  @Test
  void everyRow_arrivesOnce_inOrder_stripped_nullsLeftOut() throws Exception {
    List<String> rows = reader().read();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (i % 1000 != 7) {
        expected.add("https://tenant" + i + ".example.com");
      }
    }
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void aSinkThatFails_failsTheRead_andTheLoadThreadEnds() throws Exception {
    RowReader reader = reader();
    assertThatThrownBy(
            () ->
                reader.read(
                    () ->
                        new RowReader.Sink<Void>() {
                          private int seen;

                          @Override
                          public void add(String value) {
                            if (++seen == RowReader.BATCH + 1) {
                              throw new IllegalStateException("sink full");
                            }
                          }

                          @Override
                          public Void result() {
                            return null;
                          }
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sink full");

    Eventually.await(
        "the load's thread to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("jcors-jdbc-load test")));
    // The abandoned load ended, so it no longer counts against new loads.
    assertThat(reader.read(() -> new CountingSink())).isEqualTo(ROWS - ROWS / 1000 - 1);
  }

  /** Counts the rows. */
  private static final class CountingSink implements RowReader.Sink<Integer> {
    private int count;

    @Override
    public void add(String value) {
      count++;
    }

    @Override
    public Integer result() {
      return count;
    }
  }
}
