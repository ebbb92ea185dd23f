package io.jcors.helidon;

import io.helidon.common.Weighted;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.util.Objects;

/**
 * Applies a jcors policy to every request of a Helidon 4 SE routing, ahead of the security feature:
 * {@code app.use(cors())} for Helidon.
 *
 * <pre>{@code
 * WebServer server =
 *     WebServer.builder()
 *         .host("127.0.0.1")
 *         .port(0)
 *         .routing(
 *             routing ->
 *                 routing
 *                     .addFeature(
 *                         JcorsFeature.create(
 *                             CorsOptions.builder()
 *                                 .origin(Origins.of("https://app.example.com"))
 *                                 .build()))
 *                     .get("/products", (req, res) -> res.send("lamp, desk")))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Helidon sets up the features of a routing in order of weight, highest first, and each adds its
 * filters in that order; the filters the routing adds itself come after them (its weight is {@value
 * Weighted#DEFAULT_WEIGHT}). This feature's weight is {@value #WEIGHT}: above the security feature
 * ({@code SecurityFeature}, 800), so a preflight is answered before authentication runs and a 401
 * keeps the CORS headers; it is Helidon's own CORS feature's weight (850), which this replaces: use
 * one of them, not both. {@link #create(CorsPolicy, double)} gives another weight.
 *
 * <p>What the filter does on each request is in {@link CorsFilter}.
 */
public final class JcorsFeature implements HttpFeature, Weighted {
  /** The feature's weight by default: 850, above the security feature's 800. */
  public static final double WEIGHT = 850;

  private final CorsFilter filter;
  private final double weight;

  private JcorsFeature(CorsFilter filter, double weight) {
    this.filter = filter;
    this.weight = weight;
  }

  /** A feature applying {@code policy}, with the weight {@value #WEIGHT}. */
  public static JcorsFeature create(CorsPolicy policy) {
    return create(policy, WEIGHT);
  }

  /** A feature applying {@code options} on every path, with the weight {@value #WEIGHT}. */
  public static JcorsFeature create(CorsOptions options) {
    return create(CorsPolicy.of(options));
  }

  /** A feature applying {@code policy} with {@code weight}. */
  public static JcorsFeature create(CorsPolicy policy, double weight) {
    return new JcorsFeature(new CorsFilter(Objects.requireNonNull(policy, "policy")), weight);
  }

  /** Adds the jcors filter to {@code routing}. */
  @Override
  public void setup(HttpRouting.Builder routing) {
    routing.addFilter(filter);
  }

  /** {@value #WEIGHT} unless given. */
  @Override
  public double weight() {
    return weight;
  }

  @Override
  public String toString() {
    return "jcors feature, weight " + weight;
  }
}
