package io.jcors.benchmarks;

import io.jcors.CorsConfig;
import io.jcors.CorsDecision;
import io.jcors.CorsPolicy;
import io.jcors.OriginList;
import io.jcors.Origins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * An actual request on a route whose {@code origin} list merges static origins with an origin
 * source ({@code ["https://static0.example", ..., {"source": {}}]}, the source answering from a
 * list it holds, as the {@code file} and {@code jdbc} sources do), against the same static origins
 * as a plain list: what the merge costs when the static part allows the origin ({@code
 * static-allowed}: the target is the plain list's time and 0 B/op), when only the source does
 * ({@code source-allowed}), and when none does ({@code refused}).
 *
 * <p>Each request is decided as an adapter decides it: {@link CorsPolicy#decideNow}, and {@link
 * CorsPolicy#decide} only when that returns null. Run (build first with {@code ./mvnw -q -pl
 * jcors-benchmarks -am package -DskipTests}):
 *
 * <pre>
 * java -jar jcors-benchmarks/target/benchmarks.jar MergedOriginsBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MergedOriginsBenchmark {
  /** Which origin the request comes from. */
  @Param({"static-allowed", "source-allowed", "refused"})
  public String scenario;

  /** {@code list}: the static origins alone; {@code merged}: with the source after them. */
  @Param({"list", "merged"})
  public String shape;

  private CorsPolicy policy;
  private CorsDecisionBenchmark.RequestView request;
  private final CorsDecisionBenchmark.BlackholeResponse response =
      new CorsDecisionBenchmark.BlackholeResponse();

  /** Public for JMH. */
  public MergedOriginsBenchmark() {}

  /** Builds the policy through the config reader, as a config file's list is built. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Object> origin = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      origin.add("https://static" + i + ".example");
    }
    if (shape.equals("merged")) {
      origin.add(Map.of("source", Map.of()));
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add("https://tenant" + i + ".example");
    }
    CompletableFuture<Origins> held =
        CompletableFuture.completedFuture(OriginList.check(rows, "origin", true, false).origins());
    CorsConfig.OriginSource source = settings -> requestOrigin -> held;
    policy =
        CorsConfig.read(
                Map.of("origin", origin, "credentials", true, "methods", "GET,POST"),
                Map.of("source", source))
            .policy();
    String from =
        switch (scenario) {
          case "static-allowed" -> "https://static50.example";
          case "source-allowed" -> "https://tenant50.example";
          case "refused" -> "https://evil.example";
          default -> throw new IllegalArgumentException("unknown scenario: " + scenario);
        };
    request = new CorsDecisionBenchmark.RequestView(new Fixture("actual-allowed", 1), from);
  }

  /** One decision, written into a sink. */
  @Benchmark
  public CorsDecision apply(Blackhole blackhole) {
    response.blackhole = blackhole;
    CorsDecision decision = policy.decideNow(request);
    if (decision == null) {
      decision = policy.decide(request).toCompletableFuture().join();
    }
    decision.writeTo(request, response);
    return decision;
  }
}
