package io.jcors.benchmarks;

import io.jcors.OriginList;
import io.jcors.Origins;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one request origin against a list of a SaaS's tenants, as the rows of a table are
 * compiled ({@link OriginList}): {@code exact} lists {@code https://tenantN.example.com}, {@code
 * pattern} lists {@code https://*.tenantN.example.com}. The origin looked up is a copy of the
 * middle tenant's ({@code allowed}) or one of no tenant ({@code refused}). The time should not grow
 * with {@code size}: exact origins are one hash lookup, patterns one lookup per label of the
 * request's host. {@code -prof gc} shows 0 B/op.
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-core,jcors-benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -Xmx2g -jar jcors-benchmarks/target/benchmarks.jar OriginsAtScaleBenchmark \
 *     -p kind=exact -p size=1,1000000 -f 3 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * java -Xmx2g -jar jcors-benchmarks/target/benchmarks.jar OriginsAtScaleBenchmark \
 *     -p kind=pattern -p size=1,100000 -f 3 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class OriginsAtScaleBenchmark {
  /** {@code exact}: origins; {@code pattern}: one subdomain wildcard per tenant. */
  @Param({"exact", "pattern"})
  public String kind;

  /** How many tenants the list holds. */
  @Param({"1", "100000", "1000000"})
  public int size;

  /** {@code allowed}: a tenant's origin; {@code refused}: an origin of no tenant. */
  @Param({"allowed", "refused"})
  public String scenario;

  private Origins origins;
  private String origin;

  /** Public for JMH. */
  public OriginsAtScaleBenchmark() {}

  /** Compiles the list and picks the origin once. */
  @Setup(Level.Trial)
  public void setUp() {
    boolean exact = kind.equals("exact");
    if (!exact && !kind.equals("pattern")) {
      throw new IllegalArgumentException("unknown kind: " + kind);
    }
    OriginList list =
        OriginList.check(
            OriginsFootprint.rows(exact ? "https://tenant" : "https://*.tenant", size),
            "origin",
            true,
            true);
    if (list.size() != size) {
      throw new IllegalStateException("kept " + list.size() + " of " + size);
    }
    origins = list.origins();
    int tenant = scenario.equals("allowed") ? size / 2 : size;
    // A copy, as a parsed request has: the lookup must compare characters, not references.
    origin =
        new String(
            ((exact ? "https://" : "https://app.") + "tenant" + tenant + ".example.com")
                .toCharArray());
    if (origins.allows(origin) != scenario.equals("allowed")) {
      throw new IllegalStateException(origin + " is not " + scenario);
    }
  }

  /** One lookup. */
  @Benchmark
  public boolean allows() {
    return origins.allows(origin);
  }
}
