package io.jcors.benchmarks;

import io.jcors.OriginList;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.AbstractList;
import java.util.List;

/**
 * What a list of many origins costs outside the request path: the heap it keeps (used heap after a
 * full GC with the list, minus without it), what checking and compiling it allocates, and how long
 * that takes. The entries are made one by one as they are read, as a JDBC driver makes its rows'
 * strings, so that only the list itself is measured; what making the strings allocates is measured
 * apart and subtracted.
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-core,jcors-benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -Xmx2g -cp jcors-benchmarks/target/benchmarks.jar io.jcors.benchmarks.OriginsFootprint \
 *     exact 1000000
 * java -Xmx2g -cp jcors-benchmarks/target/benchmarks.jar io.jcors.benchmarks.OriginsFootprint \
 *     pattern 100000
 * </pre>
 */
public final class OriginsFootprint {
  private OriginsFootprint() {}

  /**
   * Prints the figures of one list.
   *
   * @param args {@code exact N} ({@code https://tenantN.example.com}) or {@code pattern N} ({@code
   *     https://*.tenantN.example.com})
   */
  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("exact") || args[0].equals("pattern"))) {
      System.err.println("usage: OriginsFootprint exact|pattern COUNT");
      System.exit(2);
    }
    String prefix = args[0].equals("exact") ? "https://tenant" : "https://*.tenant";
    int count = Integer.parseInt(args[1]);
    List<String> rows = rows(prefix, count);
    // Warm up the checks' code, so that the timed run is compiled code, as a refresh is.
    for (int i = 0; i < 3; i++) {
      OriginList.check(rows(prefix, Math.min(count, 100_000)), "origin", true, true);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    long length = 0;
    for (String row : rows) {
      length += row.length();
    }
    long making = threads.getCurrentThreadAllocatedBytes() - before;

    long empty = HeapUse.afterGc();
    before = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    OriginList list = OriginList.check(rows, "origin", true, true);
    long nanos = System.nanoTime() - start;
    long allocated = threads.getCurrentThreadAllocatedBytes() - before - making;
    long kept = HeapUse.afterGc() - empty;
    Reference.reachabilityFence(list);
    if (list.size() != count) {
      throw new IllegalStateException("kept " + list.size() + " of " + count + " entries");
    }
    System.out.printf(
        "%s x %d (%.1f chars on average): check and compile %d ms; heap kept %.1f B per entry;"
            + " allocated %.1f B per entry (%.2fx what is kept)%n",
        args[0],
        count,
        (double) length / count,
        nanos / 1_000_000,
        (double) kept / count,
        (double) allocated / count,
        (double) allocated / kept);
  }

  /** The rows, made as they are read. */
  static List<String> rows(String prefix, int count) {
    return new AbstractList<>() {
      @Override
      public String get(int i) {
        return prefix + i + ".example.com";
      }

      @Override
      public int size() {
        return count;
      }
    };
  }
}
