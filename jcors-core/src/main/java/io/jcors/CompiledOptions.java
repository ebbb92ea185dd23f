package io.jcors;

import java.util.List;

/**
 * Options compiled for the hot path: every header value exactly as sent (null when not sent), the
 * origin option compiled into its matcher. Made once, when {@link CorsOptions} are built, from the
 * result of the one validation pass ({@link OptionsCheck}); {@link Decision} reads nothing else.
 */
final class CompiledOptions {
  /** The compiled origin option, or null when {@link #originResolver} decides per request. */
  final Origins origins;

  final OriginResolver originResolver;
  final String methodsHeader;
  final String allowedHeadersHeader;
  final boolean reflectRequestHeaders;
  final String exposedHeadersHeader;
  final String maxAgeHeader;
  final boolean credentials;
  final boolean preflightContinue;
  final int optionsSuccessStatus;
  final boolean debug;

  /** For debug mode's explanations: the methods, and the allowed headers (null: reflected). */
  final List<String> methods;

  final List<String> allowedHeaders;

  /** Every decision these options give, built with them; null when an origin function decides. */
  final Decision.Table decisions;

  /**
   * The static part of a list that also names origin sources ({@link MergedOrigins}), and every
   * decision it gives, built ahead: an origin it allows is answered as a plain list answers it.
   * Null for any other origin option.
   */
  final Origins mergedFixed;

  final Decision.Table mergedDecisions;

  CompiledOptions(CorsOptions options) {
    OriginOption origin = options.origin();
    this.origins = origin instanceof Origins ? (Origins) origin : null;
    this.originResolver = origin instanceof OriginResolver ? (OriginResolver) origin : null;
    this.methods = options.methods();
    this.methodsHeader = options.methodsValue().header();
    this.reflectRequestHeaders = options.allowedHeadersValue() == null;
    this.allowedHeaders = options.allowedHeaders();
    this.allowedHeadersHeader =
        reflectRequestHeaders ? null : options.allowedHeadersValue().header();
    this.exposedHeadersHeader = options.exposedHeadersValue().header();
    this.maxAgeHeader =
        options.maxAge().isPresent() ? Long.toString(options.maxAge().getAsLong()) : null;
    this.credentials = options.credentials();
    this.preflightContinue = options.preflightContinue();
    this.optionsSuccessStatus = options.optionsSuccessStatus();
    this.debug = options.debug();
    this.decisions = origins == null ? null : new Decision.Table(this, origins);
    this.mergedFixed = origin instanceof MergedOrigins ? ((MergedOrigins) origin).fixed() : null;
    this.mergedDecisions = mergedFixed == null ? null : new Decision.Table(this, mergedFixed);
  }
}
