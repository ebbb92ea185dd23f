/**
 * jcors core: CORS policies with the options of the Express {@code cors} middleware, validated and
 * precomputed when built, and the per-request decision that server adapters apply.
 *
 * <p>Only {@code io.jcors} is exported; {@code io.jcors.internal} holds the parsers and matchers,
 * and is open to jcors's own origin sources only, so that they share its helpers (the "did you
 * mean" of {@code Suggestions}) instead of copying them.
 */
@SuppressWarnings("module") // io.jcors.jdbc is built after the core: not observable here
module io.jcors {
  exports io.jcors;
  exports io.jcors.internal to
      io.jcors.jdbc;
}
