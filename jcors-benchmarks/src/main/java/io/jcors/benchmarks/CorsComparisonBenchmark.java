package io.jcors.benchmarks;

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
 * The cost of one request through a CORS layer, jcors side by side with the CORS support of Spring
 * Framework ({@code DefaultCorsProcessor}), Tomcat ({@code CorsFilter}), Jetty 12 ({@code
 * CrossOriginHandler}) and Netty ({@code CorsHandler}), and a {@code baseline} with no CORS.
 *
 * <p>Every implementation gets the same policy ({@code origins} exact origins, methods {@code
 * GET,HEAD,PUT,PATCH,POST,DELETE}, allowed headers {@code Content-Type, Authorization,
 * X-Requested-With}, exposed header {@code X-Request-Id}, credentials, max-age 600) and the same
 * request, built once in {@link #setUp()}, through the smallest adapter its API allows: a minimal
 * servlet request and response for Spring and Tomcat, a minimal core request and response for
 * Jetty, an {@code EmbeddedChannel} pipeline for Netty. Each operation clears the reused response
 * and passes the request through the layer to a no-op application. The setup checks that every
 * implementation answered as CORS requires (allowed origin echoed, refused origin not), so no
 * implementation is measured doing less than its job.
 *
 * <p>Scenarios: {@code actual-allowed} (GET from an allowed origin, the middle of the list), {@code
 * actual-refused}, {@code no-origin} (same-origin or non-browser traffic), {@code
 * preflight-allowed} (OPTIONS for PUT with three requested headers), {@code preflight-refused}, and
 * {@code preflight-hostile} (an allowed origin with a 1 MiB {@code
 * Access-Control-Request-Headers}).
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-core,jcors-benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar jcors-benchmarks/target/benchmarks.jar CorsComparisonBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
 * </pre>
 *
 * Narrow it with parameters, e.g. {@code -p impl=jcors,spring -p scenario=actual-allowed -p
 * origins=1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CorsComparisonBenchmark {
  /** Which CORS implementation handles the request. */
  @Param({"baseline", "jcors", "spring", "tomcat", "jetty", "netty"})
  public String impl;

  /** Which request is sent. */
  @Param({
    "actual-allowed",
    "actual-refused",
    "no-origin",
    "preflight-allowed",
    "preflight-refused",
    "preflight-hostile"
  })
  public String scenario;

  /** How many exact origins the allow-list holds. */
  @Param({"1", "100", "10000"})
  public int origins;

  private Subject subject;

  /** Public for JMH. */
  public CorsComparisonBenchmark() {}

  /** Builds the implementation, the request and the response, and checks one exchange. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Fixture fixture = new Fixture(scenario, origins);
    subject = Subject.create(impl, fixture);
    subject.handle();
    fixture.verify(
        impl,
        subject.responseHeader("Access-Control-Allow-Origin"),
        subject.responseHeader("Access-Control-Allow-Methods"),
        subject.responseHeader("Access-Control-Allow-Headers"));
  }

  /** One request through the CORS layer. */
  @Benchmark
  public Object handle() throws Exception {
    return subject.handle();
  }
}
