package io.jcors.benchmarks;

import io.jcors.jdbc.JdbcOrigins;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

/**
 * What a full refresh of a table of allowed origins allocates per row, on every thread (the
 * driver's load thread and the refreshing one), and what the driver alone allocates to read the
 * same rows with {@code getString}: the difference is what jcors allocates to check and compile
 * them. Run it with the Epsilon collector, which never frees anything, so that the heap used grows
 * by exactly what is allocated:
 *
 * <pre>
 * java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xms10g -Xmx10g \
 *     -cp jcors-benchmarks/target/benchmarks.jar io.jcors.benchmarks.RefreshAllocation \
 *     jdbc:sqlite:/tmp/jcors-scale/origins.db "SELECT origin FROM cors_origins"
 * </pre>
 */
public final class RefreshAllocation {
  private RefreshAllocation() {}

  /**
   * Prints the figures.
   *
   * @param args the JDBC URL and the query
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: RefreshAllocation URL QUERY (with -XX:+UseEpsilonGC)");
      System.exit(2);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 2; i++) { // the second pass is the one compiled code reads
      long before = memory.getHeapMemoryUsage().getUsed();
      int rows = readWithTheDriverAlone(args[0], args[1]);
      long used = memory.getHeapMemoryUsage().getUsed() - before;
      System.out.printf("the driver alone, getString: %.1f B per row%n", (double) used / rows);
    }
    JdbcOrigins origins = JdbcLoadTime.refreshingBackToBack(args[0], null, null, args[1]);
    try {
      // Back-to-back full refreshes: what the heap grew by between two loads is one refresh.
      Instant seen = origins.lastLoadTime().orElseThrow();
      long at = memory.getHeapMemoryUsage().getUsed();
      for (int i = 0; i < 4; i++) {
        while (origins.lastLoadTime().orElseThrow().equals(seen)) {
          Thread.sleep(1);
        }
        seen = origins.lastLoadTime().orElseThrow();
        long now = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
            "refresh %d, every thread: %.1f B per row%n",
            i + 1, (double) (now - at) / origins.lastLoadSize());
        at = now;
      }
    } finally {
      origins.close();
    }
  }

  private static int readWithTheDriverAlone(String url, String query) throws Exception {
    int rows = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet results = s.executeQuery(query)) {
        while (results.next()) {
          if (results.getString(1) != null) {
            rows++;
          }
        }
      }
    }
    return rows;
  }
}
