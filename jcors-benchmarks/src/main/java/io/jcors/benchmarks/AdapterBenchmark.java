package io.jcors.benchmarks;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an adapter itself costs per request: the adapter's real filter ({@code layer=jcors}) against
 * a filter that does nothing but pass the request on ({@code layer=passthrough}), both on the same
 * in-memory request and response of the adapter's server API, in front of an application that does
 * nothing. {@code jcors} minus {@code passthrough} is the adapter plus the core decision; the
 * target for a static policy is at most 150 ns and 48 B/op on {@code actual-allowed}, {@code
 * preflight-allowed} and {@code no-origin}.
 *
 * <p>{@code adapter=jdk}: {@code io.jcors.jdk.CorsFilter} on a {@link MemoryExchange} (the JDK's
 * own {@code Headers}, the request's read-only as the server wraps them), through the JDK's own
 * {@code Filter.Chain}; {@code adapter=servlet}: {@code io.jcors.servlet.CorsFilter} on {@link
 * ServletRequestView} and {@link ServletResponseView}; {@code adapter=netty}: {@code
 * io.jcors.netty.CorsHandler} in Netty's real pipeline on an {@link EmbeddedChannel}, bytes in and
 * bytes out ({@link #netty}), where {@code layer=passthrough} is a handler passing every message
 * on, {@code layer=builtin} Netty's own {@code CorsHandler} with the same options and {@code
 * layer=none} the pipeline without a third handler; {@code adapter=webflux}: {@code
 * io.jcors.webflux.CorsFilter} on Spring's {@code MockServerWebExchange} ({@link WebFluxRequest});
 * {@code adapter=micronaut}: jcors-micronaut's filter bean called as Micronaut's filter runner
 * calls it, on Micronaut's in-memory request and response ({@link MicronautRequest}). The policy is
 * the comparison's (100 exact origins, credentials, methods, listed headers, exposed header,
 * max-age). The setup sends the request once and fails unless the layer wrote what the scenario
 * needs ({@link #check}; for Netty, unless a response comes out).
 *
 * <p>Run (build first with {@code ./mvnw -q -pl jcors-benchmarks -am package -DskipTests}):
 *
 * <pre>
 * java -jar jcors-benchmarks/target/benchmarks.jar AdapterBenchmark \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * java -jar jcors-benchmarks/target/benchmarks.jar AdapterBenchmark -p adapter=webflux,micronaut \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * java -jar jcors-benchmarks/target/benchmarks.jar AdapterBenchmark -p adapter=netty \
 *     -p layer=none,passthrough,builtin,jcors -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED")
@State(Scope.Thread)
public class AdapterBenchmark {
  /** The server API the adapter runs on. */
  @Param({"jdk", "servlet", "netty", "webflux", "micronaut"})
  public String adapter;

  /**
   * {@code passthrough}: a filter that does nothing; {@code jcors}: the adapter's filter; for Netty
   * also {@code builtin} (Netty's own {@code CorsHandler}) and {@code none} (no handler).
   */
  @Param({"passthrough", "jcors"})
  public String layer;

  /** Which request is sent, as in the comparison. */
  @Param({"actual-allowed", "preflight-allowed", "no-origin"})
  public String scenario;

  private Request request;

  /** Public for JMH. */
  public AdapterBenchmark() {}

  /** One request through one adapter, built once and replayed. */
  interface Request extends AutoCloseable {
    Object handle() throws Exception;

    /**
     * Sends the request once and fails when the response is not what the layer writes for the
     * fixture's scenario ({@link AdapterBenchmark#check}); by default only sends it.
     */
    default void check(Fixture fixture, boolean jcors) throws Exception {
      handle();
    }

    /** Releases what the request holds beyond the trial (a Micronaut context). */
    @Override
    default void close() {}
  }

  /** Builds the policy, the filter and the in-memory exchange. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Fixture fixture = new Fixture(scenario, 100);
    CorsPolicy policy =
        CorsPolicy.of(
            CorsOptions.builder()
                .origin(Origins.of(fixture.origins))
                .methods(Fixture.METHODS)
                .allowedHeaders(Fixture.ALLOWED_HEADERS)
                .exposedHeaders(Fixture.EXPOSED_HEADERS)
                .credentials(true)
                .maxAge(Fixture.MAX_AGE)
                .build());
    boolean jcors;
    switch (layer) {
      case "passthrough":
        jcors = false;
        break;
      case "jcors":
        jcors = true;
        break;
      case "builtin":
        if (!adapter.equals("netty")) {
          throw new IllegalArgumentException(
              "layer=builtin is Netty's own CorsHandler: only with adapter=netty");
        }
        jcors = false;
        break;
      case "none":
        if (!adapter.equals("netty")) {
          throw new IllegalArgumentException(
              "layer=none (no handler in the pipeline): only with adapter=netty");
        }
        jcors = false;
        break;
      default:
        throw new IllegalArgumentException(
            "unknown layer: " + layer + " (passthrough, jcors; builtin, none for netty)");
    }
    switch (adapter) {
      case "jdk":
        request = jdk(fixture, policy, jcors);
        break;
      case "servlet":
        request = servlet(fixture, policy, jcors);
        break;
      case "netty":
        request = netty(fixture, policy, layer);
        break;
      case "webflux":
        request = new WebFluxRequest(fixture, policy, jcors);
        break;
      case "micronaut":
        request = new MicronautRequest(fixture, policy, jcors);
        break;
      default:
        throw new IllegalArgumentException(
            "unknown adapter: " + adapter + " (jdk, servlet, netty, webflux, micronaut)");
    }
    // Fails the setup, not the measurement, when the adapter needs more or writes less.
    request.check(fixture, jcors);
  }

  /** Releases the request's resources. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (request != null) {
      request.close();
    }
  }

  /** One request through the layer. */
  @Benchmark
  public Object request() throws Exception {
    return request.handle();
  }

  /**
   * Fails unless a response is what {@code layer} writes for {@code fixture}'s scenario, so that no
   * layer is measured doing less than its job: jcors answers a preflight itself ({@code 204}, the
   * allowed origin and methods), echoes the allowed origin on an actual request, and without an
   * {@code Origin} writes {@code Vary: Origin} but no {@code Access-Control-Allow-Origin} or {@code
   * -Allow-Methods}; the passthrough writes no CORS header and no {@code Vary}.
   *
   * @param names the response's header names, in any case
   * @param header the response's first value of a header, ignoring the name's case, or null
   */
  static void check(
      String adapter,
      Fixture fixture,
      boolean jcors,
      int status,
      java.util.Collection<String> names,
      java.util.function.UnaryOperator<String> header) {
    String where = adapter + (jcors ? " jcors" : " passthrough") + " on " + fixture.scenario + ": ";
    boolean cors = names.stream().anyMatch(n -> n.regionMatches(true, 0, "Access-Control-", 0, 15));
    String vary = header.apply("Vary");
    if (!jcors) {
      if (cors || vary != null) {
        throw new IllegalStateException(where + "CORS headers or Vary in " + names);
      }
      return;
    }
    switch (fixture.scenario) {
      case Fixture.NO_ORIGIN:
        // Express writes -Allow-Credentials and -Expose-Headers whatever the origin, and so does
        // jcors; what a browser reads, -Allow-Origin, and the preflight's headers must not be.
        if (header.apply("Access-Control-Allow-Origin") != null
            || header.apply("Access-Control-Allow-Methods") != null) {
          throw new IllegalStateException(where + "CORS headers without an Origin: " + names);
        }
        break;
      case Fixture.PREFLIGHT_ALLOWED:
        if (status != 204 || header.apply("Access-Control-Allow-Methods") == null) {
          throw new IllegalStateException(
              where + "the preflight is not answered: status " + status + ", headers " + names);
        }
        allowed(where, fixture, names, header);
        break;
      case Fixture.ACTUAL_ALLOWED:
        allowed(where, fixture, names, header);
        break;
      default:
        return; // the refused and hostile requests: their answers are the comparison's to check
    }
    if (vary == null || !vary.contains("Origin")) {
      throw new IllegalStateException(where + "no Vary: Origin, headers " + names);
    }
  }

  private static void allowed(
      String where,
      Fixture fixture,
      java.util.Collection<String> names,
      java.util.function.UnaryOperator<String> header) {
    if (!fixture.origin().equals(header.apply("Access-Control-Allow-Origin"))) {
      throw new IllegalStateException(where + "the allowed origin not echoed: headers " + names);
    }
  }

  static Request jdk(Fixture fixture, CorsPolicy policy, boolean jcors) {
    MemoryExchange exchange = new MemoryExchange(fixture);
    Filter filter =
        jcors
            ? new io.jcors.jdk.CorsFilter(policy)
            : new Filter() {
              @Override
              public void doFilter(HttpExchange e, Chain chain) throws java.io.IOException {
                chain.doFilter(e);
              }

              @Override
              public String description() {
                return "passthrough";
              }
            };
    List<Filter> filters = List.of(filter);
    // The application sends its headers, as every handler does: where the adapter puts back what
    // the handler may have changed (the hook of ForwardingExchange).
    HttpHandler application = e -> e.sendResponseHeaders(200, -1);
    return new Request() {
      @Override
      public Object handle() throws java.io.IOException {
        exchange.reset();
        new Filter.Chain(filters, application).doFilter(exchange);
        return exchange.getResponseHeaders();
      }

      @Override
      public void check(Fixture fixture, boolean jcors) throws java.io.IOException {
        handle();
        AdapterBenchmark.check(
            "jdk",
            fixture,
            jcors,
            exchange.getResponseCode(),
            exchange.getResponseHeaders().keySet(),
            exchange.getResponseHeaders()::getFirst);
      }
    };
  }

  /**
   * Netty's real pipeline ({@link NettyLoopback#pipeline}: {@code HttpServerCodec}, {@code
   * HttpObjectAggregator}, the layer, the route) on an {@link EmbeddedChannel}: the request's bytes
   * go in, the encoded response's bytes come out and are released, so the codec's decoding and
   * encoding, the CORS handler's {@code channelRead} and {@code write}, and the headers it adds to
   * the response are all measured, without a socket.
   */
  static Request netty(Fixture fixture, CorsPolicy policy, String layer) {
    String nettyLayer =
        switch (layer) {
          case "jcors" -> "cors";
          case "builtin" -> "native";
          case "passthrough" -> "filter";
          default -> "plain";
        };
    EmbeddedChannel channel = new EmbeddedChannel();
    NettyLoopback.pipeline(channel.pipeline(), nettyLayer, policy, NettySubject.config(fixture));
    StringBuilder head = new StringBuilder();
    head.append(fixture.method).append(' ').append(Fixture.PATH).append(" HTTP/1.1\r\n");
    for (String[] field : fixture.headers) {
      head.append(field[0]).append(": ").append(field[1]).append("\r\n");
    }
    ByteBuf bytes =
        Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(
                head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII)));
    return () -> {
      channel.writeInbound(bytes.duplicate());
      int length = 0;
      Object out;
      while ((out = channel.readOutbound()) != null) {
        if (out instanceof ByteBuf buf) {
          length += buf.readableBytes();
        }
        ReferenceCountUtil.release(out);
      }
      if (length == 0) {
        throw new IllegalStateException("no response from the " + layer + " pipeline");
      }
      return length;
    };
  }

  static Request servlet(Fixture fixture, CorsPolicy policy, boolean jcors) throws Exception {
    ServletRequestView request = new ServletRequestView(fixture);
    ServletResponseView response = new ServletResponseView();
    jakarta.servlet.Filter filter =
        jcors
            ? new io.jcors.servlet.CorsFilter(policy)
            : new jakarta.servlet.Filter() {
              @Override
              public void doFilter(ServletRequest q, ServletResponse s, FilterChain chain)
                  throws java.io.IOException, jakarta.servlet.ServletException {
                chain.doFilter(q, s);
              }
            };
    FilterChain application = (q, s) -> {};
    return new Request() {
      @Override
      public Object handle() throws Exception {
        response.reset();
        filter.doFilter(request, response, application);
        return response;
      }

      @Override
      public void check(Fixture fixture, boolean jcors) throws Exception {
        handle();
        AdapterBenchmark.check(
            "servlet",
            fixture,
            jcors,
            response.getStatus(),
            response.getHeaderNames(),
            response::getHeader);
      }
    };
  }
}
