package io.jcors.benchmarks;

import io.jcors.jdbc.JdbcOrigins;
import java.time.Duration;

/**
 * How long a table of allowed origins takes to load, as {@code jcors serve} loads it: the first
 * load (connect, query, fetch, check and compile every row), then full refreshes of the same table,
 * and the heap kept after a full GC with the list minus before it. The table is made by {@code
 * jcors-benchmarks/scripts/at-scale.sh}.
 *
 * <pre>
 * java -Xmx1g -cp jcors-benchmarks/target/benchmarks.jar io.jcors.benchmarks.JdbcLoadTime \
 *     jdbc:sqlite:/tmp/jcors-scale/origins.db "SELECT origin FROM cors_origins"
 * </pre>
 */
public final class JdbcLoadTime {
  private JdbcLoadTime() {}

  /**
   * Prints the figures.
   *
   * @param args the JDBC URL, the query, and optionally the user and password
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 4) {
      System.err.println("usage: JdbcLoadTime URL QUERY [USER PASSWORD]");
      System.exit(2);
    }
    String user = args.length == 4 ? args[2] : null;
    String password = args.length == 4 ? args[3] : null;
    long empty = HeapUse.afterGc();
    long start = System.nanoTime();
    JdbcOrigins origins = refreshingBackToBack(args[0], user, password, args[1]);
    try {
      long first = System.nanoTime() - start;
      if (origins.lastError().isPresent()) {
        throw origins.lastError().get();
      }
      System.out.printf(
          "first load: %d rows in use, %d skipped, %d ms%n",
          origins.lastLoadSize(), origins.lastLoadSkipped().size(), first / 1_000_000);
      // Back-to-back full refreshes (1 ms apart): the time between two loads is one load.
      java.time.Instant seen = origins.lastLoadTime().orElseThrow();
      for (int i = 0; i < 5; i++) {
        long from = System.nanoTime();
        while (origins.lastLoadTime().orElseThrow().equals(seen)) {
          Thread.sleep(1);
        }
        seen = origins.lastLoadTime().orElseThrow();
        System.out.printf("refresh %d: %d ms%n", i + 1, (System.nanoTime() - from) / 1_000_000);
      }
    } finally {
      origins.close(); // the list stays: it is measured below
    }
    long kept = HeapUse.afterGc() - empty;
    System.out.printf(
        "heap kept with the list: %.1f B per origin%n", (double) kept / origins.lastLoadSize());
  }

  /**
   * The table's origins as {@code jcors serve} loads them (limits raised for 1 M rows), refreshed 1
   * ms after each load, so that the time between two loads is one load; started, first load done.
   */
  static JdbcOrigins refreshingBackToBack(String url, String user, String password, String query) {
    return JdbcOrigins.builder(url, user, password)
        .query(query)
        .maxRows(2_000_000)
        .maxBytes(128L << 20)
        .queryTimeout(Duration.ofSeconds(60))
        .firstLoadWait(Duration.ofSeconds(60))
        .refreshInterval(Duration.ofMillis(1))
        .start();
  }
}
