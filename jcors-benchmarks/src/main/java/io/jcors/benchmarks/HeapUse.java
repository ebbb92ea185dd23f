package io.jcors.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap a program keeps, as the footprint measurements read it before and after a load. */
final class HeapUse {
  private HeapUse() {}

  /**
   * The heap in use after a collection, the least of five: one {@code System.gc()} may leave
   * garbage a later one frees, and the least is what is really kept.
   */
  static long afterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
