package io.jcors.benchmarks;

import io.jcors.internal.PathPattern;
import io.jcors.internal.RouteIndex;
import java.util.ArrayList;
import java.util.List;
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
 * Choosing the route of a request: the first of {@code routes} route paths that matches a
 * normalised request path, with the core's route index ({@code impl=index}, {@code
 * io.jcors.internal.RouteIndex}) or by trying each compiled route in turn ({@code impl=scan}, what
 * an index saves). The routes are a gateway's: per service {@code /svcN/items/:id}, {@code
 * /svcN/files/*.json} and {@code /svcN/admin/**}, then a catch-all {@code /**} (10 routes: 3
 * services; 1 000: 333). The path is one of the middle service's ({@code param}, {@code glob},
 * {@code prefix}: {@code /svcN/admin/users/7}), one of no service ({@code fallback}: the
 * catch-all), or a hostile one ({@code long}: the middle service's admin route with 2 000 more
 * segments). The index's time should not grow with {@code routes}; {@code -prof gc} shows 0 B/op.
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-core,jcors-benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar jcors-benchmarks/target/benchmarks.jar RouteBenchmark \
 *     -f 3 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class RouteBenchmark {
  /** {@code index}: the route index; {@code scan}: every route in turn. */
  @Param({"index", "scan"})
  public String impl;

  /** How many routes the list holds. */
  @Param({"10", "1000"})
  public int routes;

  /** Which request path is looked up. */
  @Param({"param", "glob", "prefix", "fallback", "long"})
  public String scenario;

  private RouteIndex index;
  private PathPattern[] patterns;
  private String path;
  private boolean scan;

  /** The route number the path must choose, checked in {@link #setUp()}. */
  int expected;

  /** Public for JMH. */
  public RouteBenchmark() {}

  /** The gateway's route paths for {@code count} routes: three per service, then {@code /**}. */
  static List<String> gateway(int count) {
    if (count < 4 || (count - 1) % 3 != 0) {
      throw new IllegalArgumentException("routes must be 3 per service plus 1: " + count);
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < (count - 1) / 3; i++) {
      paths.add("/svc" + i + "/items/:id");
      paths.add("/svc" + i + "/files/*.json");
      paths.add("/svc" + i + "/admin/**");
    }
    paths.add("/**");
    return paths;
  }

  /** Compiles the routes and builds the path once, and checks the route it chooses. */
  @Setup(Level.Trial)
  public void setUp() {
    List<PathPattern> compiled = new ArrayList<>();
    for (String route : gateway(routes)) {
      compiled.add(PathPattern.compile(route));
    }
    patterns = compiled.toArray(new PathPattern[0]);
    index = new RouteIndex(compiled);
    switch (impl) {
      case "index" -> scan = false;
      case "scan" -> scan = true;
      default -> throw new IllegalArgumentException("unknown impl: " + impl + " (index, scan)");
    }
    int service = (routes - 1) / 3 / 2;
    String base = "/svc" + service;
    switch (scenario) {
      case "param" -> {
        path = base + "/items/42";
        expected = service * 3;
      }
      case "glob" -> {
        path = base + "/files/report.json";
        expected = service * 3 + 1;
      }
      case "prefix" -> {
        path = base + "/admin/users/7";
        expected = service * 3 + 2;
      }
      case "fallback" -> {
        path = "/unknown/items/42";
        expected = routes - 1;
      }
      case "long" -> {
        path = base + "/admin" + "/x".repeat(2000);
        expected = service * 3 + 2;
      }
      default -> throw new IllegalArgumentException("unknown scenario: " + scenario);
    }
    path = new String(path.toCharArray()); // as a parsed request has it: no shared constant
    int chosen = choose();
    if (chosen != expected || index.first(path) != scanFirst()) {
      throw new IllegalStateException(
          scenario
              + " chose route "
              + chosen
              + (chosen < 0 ? "" : " (" + gateway(routes).get(chosen) + ")")
              + ", not "
              + expected);
    }
  }

  /** One choice. */
  @Benchmark
  public int choose() {
    return scan ? scanFirst() : index.first(path);
  }

  private int scanFirst() {
    for (int i = 0; i < patterns.length; i++) {
      if (patterns[i].matches(path)) {
        return i;
      }
    }
    return -1;
  }
}
