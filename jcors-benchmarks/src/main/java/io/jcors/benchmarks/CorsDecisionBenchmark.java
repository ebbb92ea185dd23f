package io.jcors.benchmarks;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsListener;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import io.jcors.Origins;
import java.util.concurrent.CompletionStage;
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
 * The jcors decision alone: {@link CorsPolicy#decideNow(CorsRequest)} on a static policy, with a
 * reused request view, the decision written ({@link CorsDecision#writeTo(CorsRequest,
 * CorsHeaders)}) to a response that hands every header (echoed values included) and the {@code
 * Vary} value to a {@link Blackhole}. No server, no header storage: what the core itself costs per
 * request, and what it allocates ({@code -prof gc}; the target is 0 B/op for actual requests and
 * preflights from allowed origins).
 *
 * <p>The policy is the comparison benchmark's ({@code origins} exact origins, credentials, methods,
 * exposed header, max-age 600; the origins' numbers are written with 7 digits, {@code
 * https://app0000000.example.com}, so that every size looks up an origin of the same length),
 * without a listener or with one that does nothing ({@code listener=none|noop}), with {@code
 * headers=listed} ({@code allowedHeaders} set: the configured list is sent) or {@code
 * headers=reflected} (Express's default: the requested headers are validated and echoed, which is
 * where a hostile 1 MiB header list would cost).
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-core,jcors-benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar jcors-benchmarks/target/benchmarks.jar CorsDecisionBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CorsDecisionBenchmark {
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

  /** {@code listed}: allowedHeaders configured; {@code reflected}: requested headers echoed. */
  @Param({"listed", "reflected"})
  public String headers;

  /**
   * {@code none}: the policy as built; {@code noop}: the same policy with a {@link CorsListener}
   * that does nothing ({@link CorsPolicy#withListener(CorsListener)}), which must keep 0 B/op.
   */
  @Param({"none", "noop"})
  public String listener;

  /** A listener whose methods are the interface's defaults: what the hook itself costs. */
  private static final CorsListener NOOP = new CorsListener() {};

  private CorsPolicy policy;
  private RequestView request;
  private final BlackholeResponse response = new BlackholeResponse();

  /** Public for JMH. */
  public CorsDecisionBenchmark() {}

  /** Compiles the policy and builds the request once. */
  @Setup(Level.Trial)
  public void setUp() {
    // Origins of one length at every size (up to 10 000 000), so that 1 and 1 000 000 origins
    // differ in the list only.
    Fixture fixture = new Fixture(scenario, origins, 7);
    CorsOptions.Builder options =
        CorsOptions.builder()
            .origin(Origins.of(fixture.origins))
            .methods(Fixture.METHODS)
            .exposedHeaders(Fixture.EXPOSED_HEADERS)
            .credentials(true)
            .maxAge(Fixture.MAX_AGE);
    switch (headers) {
      case "listed":
        options.allowedHeaders(Fixture.ALLOWED_HEADERS);
        break;
      case "reflected":
        break;
      default:
        throw new IllegalArgumentException("unknown headers: " + headers);
    }
    policy = CorsPolicy.of(options.build());
    switch (listener) {
      case "none":
        break;
      case "noop":
        policy = policy.withListener(NOOP);
        break;
      default:
        throw new IllegalArgumentException("unknown listener: " + listener);
    }
    request = new RequestView(fixture);
  }

  /**
   * One decision, written as an adapter writes it: every header and the {@code Vary} value into a
   * sink. The previous contract's benchmark ({@code policy.apply(request, response)}) wrote every
   * header and {@code Vary} name into a {@link Blackhole} too, so the two measure the same work.
   */
  @Benchmark
  public CorsDecision apply(Blackhole blackhole) {
    response.blackhole = blackhole;
    CorsDecision decision = policy.decideNow(request);
    decision.writeTo(request, response);
    return decision;
  }

  /**
   * The same decision asked for as the non-blocking adapters ask for it, {@link
   * CorsPolicy#decideNowOrLater}, and written the same way: what that call adds to {@link #apply}
   * (the target is nothing: 0 B/op and the same time).
   */
  @Benchmark
  public CorsDecision decideNowOrLater(Blackhole blackhole) {
    response.blackhole = blackhole;
    CorsDecision decision = policy.decideNowOrLater(request, CorsDecisionBenchmark::neverWaits);
    decision.writeTo(request, response);
    return decision;
  }

  private static void neverWaits(RequestView request, CompletionStage<CorsDecision> decided) {
    throw new IllegalStateException("a policy without functions never waits");
  }

  /** The request as an adapter exposes it: fields read from already parsed headers. */
  static final class RequestView implements CorsRequest {
    private final String method;
    private final String origin;
    private final String requestMethod;
    private final String requestHeaders;

    RequestView(Fixture fixture) {
      this(fixture, fixture.header("Origin"));
    }

    /** The fixture's request, from another origin. */
    RequestView(Fixture fixture, String origin) {
      this.method = fixture.method;
      this.origin = origin;
      this.requestMethod = fixture.header("Access-Control-Request-Method");
      this.requestHeaders = fixture.header("Access-Control-Request-Headers");
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return Fixture.PATH;
    }

    @Override
    public String header(String name) {
      if (name.equalsIgnoreCase("Origin")) {
        return origin;
      }
      if (name.equalsIgnoreCase("Access-Control-Request-Method")) {
        return requestMethod;
      }
      if (name.equalsIgnoreCase("Access-Control-Request-Headers")) {
        return requestHeaders;
      }
      return null;
    }
  }

  /** A response that keeps nothing: every header goes to the blackhole. */
  static final class BlackholeResponse implements CorsHeaders {
    Blackhole blackhole;

    @Override
    public String get(String name) {
      return null; // the response is empty, as it is when the filter runs first
    }

    @Override
    public void set(String name, String value) {
      blackhole.consume(name);
      blackhole.consume(value);
    }
  }
}
