/**
 * jcors core: CORS policies with the options of the Express {@code cors} middleware, validated and
 * precomputed when built, and the per-request decision that server adapters apply.
 *
 * <p>Only {@code io.jcors} is exported; {@code io.jcors.internal} holds the parsers and matchers.
 */
module io.jcors {
  exports io.jcors;
}
