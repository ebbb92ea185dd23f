package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision's allocation per request on hostile input (S8, S17, S18), measured with {@link
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)} rather than a timer: a 1 MiB
 * {@code Origin} or {@code Access-Control-Request-Headers} costs no more memory than a normal
 * preflight. The request and response are allocation-free fakes, so the bytes counted are the
 * decision's own.
 */
class HostileAllocationTest {
  private static final int MIB = 1 << 20;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 2_000;

  /** Per request: a regex search allocates its matcher; nothing else may allocate. */
  private static final long BUDGET_BYTES = 512;

  private static com.sun.management.ThreadMXBean threads;

  HostileAllocationTest() {}

  @BeforeAll
  static void allocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  private static final CorsPolicy REFLECTING =
      CorsPolicy.of(
          CorsOptions.builder()
              .origin(
                  List.of(
                      "https://app.example.com",
                      "https://*.example.org",
                      Pattern.compile("^https://(a+)+\\.example\\.net$")))
              .credentials(true)
              .build());

  /** A preflight for PUT on {@code /r} with these fixed values. */
  private static CorsRequest preflight(String origin, String requestHeaders) {
    return new FixedRequest("OPTIONS", "/r", origin, "PUT", requestHeaders);
  }

  /** Counts what is written, keeping nothing. */
  private static final class Sink implements CorsHeaders {
    int headers;

    @Override
    public String get(String name) {
      return null;
    }

    @Override
    public void set(String name, String value) {
      headers += value.length() > 0 ? 1 : 0;
    }
  }

  private static long bytesPerRequest(CorsRequest request) {
    return bytesPerRequest(request, WARMUP, MEASURED);
  }

  private static long bytesPerRequest(CorsRequest request, int warmup, int measured) {
    Sink sink = new Sink();
    for (int i = 0; i < warmup; i++) {
      REFLECTING.decideNow(request).writeTo(request, sink); // what an adapter calls
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < measured; i++) {
      REFLECTING.decideNow(request).writeTo(request, sink);
    }
    long after = threads.getThreadAllocatedBytes(id);
    assertThat(sink.headers).isPositive();
    return (after - before) / measured;
  }

  @Test
  void hostilePreflights_allocateNoMoreThanANormalOne() {
    long normal = bytesPerRequest(preflight("https://app.example.com", "content-type,x-key"));
    String[][] hostile = {
      {"https://" + "a".repeat(MIB) + ".example.org", "content-type"},
      {"https://app.example.com", ",".repeat(MIB)},
      {"https://app.example.com", "accept,".repeat(MIB / 7)},
      {"https://app.example.com", "accept," + " ".repeat(MIB) + "content-type"},
      {"https://app.example.com", "a".repeat(MIB)},
      {"https://app.example.com\r\nSet-Cookie: x=1", "x-a\r\nx-b"},
    };
    for (String[] input : hostile) {
      long bytes = bytesPerRequest(preflight(input[0], input[1]));
      assertThat(bytes)
          .as("bytes per request for Origin %s", Decision.abbreviate(input[0]))
          .isLessThanOrEqualTo(Math.max(normal, 0) + 64)
          .isLessThanOrEqualTo(BUDGET_BYTES);
    }
  }

  @Test
  void catastrophicRegex_allocationIsBoundedByTheSearchBudget() {
    // java.util.regex keeps per-search state (group arrays, the positions a nested loop has
    // visited) that grows with the work done; the read budget of RegexSearch caps the work, so
    // an origin twice as long costs no more.
    long shorter = bytesPerRequest(preflight("https://" + "a".repeat(150) + "!", "x"), 200, 100);
    long longer = bytesPerRequest(preflight("https://" + "a".repeat(300) + "!", "x"), 200, 100);
    assertThat(shorter).isLessThanOrEqualTo(32 * 1024);
    assertThat(longer).isLessThanOrEqualTo(32 * 1024);
  }
}
