package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The options of the Express {@code cors} middleware, validated and compiled: {@link
 * Builder#build()} reports every problem at once, and precomputes every header value so that a
 * request costs lookups only. Immutable and thread-safe; {@link #toBuilder()} makes variants.
 *
 * <pre>{@code
 * // Express: cors({origin: ['https://app.example.com', /\.example\.org$/],
 * //                credentials: true, maxAge: 600})
 * CorsOptions options =
 *     CorsOptions.builder()
 *         .origin(List.of("https://app.example.com", Pattern.compile("\\.example\\.org$")))
 *         .credentials(true)
 *         .maxAge(600)
 *         .build();
 * }</pre>
 *
 * <p>Defaults are Express's: origin {@code "*"}, methods {@code GET,HEAD,PUT,PATCH,POST,DELETE},
 * allowed headers reflected from the preflight, no exposed headers, no credentials, no max-age,
 * preflights answered with 204.
 */
public final class CorsOptions {
  static final String DEFAULT_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";
  private static final System.Logger LOG = System.getLogger("io.jcors");
  private static final CorsOptions DEFAULTS = builder().build();

  private final Builder source;
  private final Origins origin;
  private final OriginResolver originResolver;
  private final List<String> methods;
  private final List<String> allowedHeaders;
  private final List<String> exposedHeaders;
  private final List<CorsProblem> warnings;

  // Precomputed for the hot path: header values exactly as sent, null when not sent.
  final String methodsHeader;
  final String allowedHeadersHeader;
  final boolean reflectRequestHeaders;
  final String exposedHeadersHeader;
  final String maxAgeHeader;
  final boolean credentials;
  final boolean preflightContinue;
  final boolean debug;

  /** Every decision these options give, built with them; null when an origin function decides. */
  final Decision.Table decisions;

  private CorsOptions(Builder b, Checked checked) {
    this.source = b.copy();
    this.origin = checked.origin;
    this.originResolver = b.originResolver;
    this.methods = checked.methods.elements;
    this.allowedHeaders = checked.allowedHeaders == null ? null : checked.allowedHeaders.elements;
    this.exposedHeaders =
        checked.exposedHeaders == null ? List.of() : checked.exposedHeaders.elements;
    this.warnings = List.copyOf(checked.warnings);
    this.methodsHeader = checked.methods.header;
    this.reflectRequestHeaders = checked.allowedHeaders == null;
    this.allowedHeadersHeader = reflectRequestHeaders ? null : checked.allowedHeaders.header;
    this.exposedHeadersHeader =
        checked.exposedHeaders == null ? null : checked.exposedHeaders.header;
    this.maxAgeHeader = b.maxAge == null ? null : Long.toString(b.maxAge);
    this.credentials = b.credentials;
    this.preflightContinue = b.preflightContinue;
    this.debug = b.debug;
    this.decisions = origin == null ? null : new Decision.Table(this, origin);
  }

  /** A builder holding Express's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Express defaults: {@code cors()}. */
  public static CorsOptions defaults() {
    return DEFAULTS;
  }

  /** A builder holding these options, for a variant. */
  public Builder toBuilder() {
    return source.copy();
  }

  /** The origin option, or null when an {@link #originResolver()} decides per request. */
  public Origins origin() {
    return origin;
  }

  /** The function that decides the origin option per request, or null. */
  public OriginResolver originResolver() {
    return originResolver;
  }

  /** The methods sent in {@code Access-Control-Allow-Methods} on preflights. */
  public List<String> methods() {
    return methods;
  }

  /**
   * The headers sent in {@code Access-Control-Allow-Headers} on preflights, or null when the
   * preflight's {@code Access-Control-Request-Headers} is reflected (the default).
   */
  public List<String> allowedHeaders() {
    return allowedHeaders;
  }

  /** The headers sent in {@code Access-Control-Expose-Headers}. */
  public List<String> exposedHeaders() {
    return exposedHeaders;
  }

  /** Whether {@code Access-Control-Allow-Credentials: true} is sent. */
  public boolean credentials() {
    return credentials;
  }

  /** The {@code Access-Control-Max-Age} in seconds, if set. */
  public OptionalLong maxAge() {
    return source.maxAge == null ? OptionalLong.empty() : OptionalLong.of(source.maxAge);
  }

  /** Whether preflights are passed on to the application instead of being answered. */
  public boolean preflightContinue() {
    return preflightContinue;
  }

  /** The status of preflight answers. */
  public int optionsSuccessStatus() {
    return source.optionsSuccessStatus;
  }

  /** Whether risky configurations were refused rather than warned about. */
  public boolean strict() {
    return source.strict;
  }

  /** Whether each refused request is logged with its reason. */
  public boolean debug() {
    return debug;
  }

  /** The risks found when the options were built (logged once then); empty in strict mode. */
  public List<CorsProblem> warnings() {
    return warnings;
  }

  /**
   * Collects options, with Express's option names. Setters only record; {@link #build()} validates
   * everything at once.
   */
  public static final class Builder {
    private Object origin = "*";
    private boolean originGiven;
    private OriginResolver originResolver;
    private Object methods = DEFAULT_METHODS;
    private Object allowedHeaders;
    private Object exposedHeaders;
    private boolean credentials;
    private Long maxAge;
    private boolean preflightContinue;
    private int optionsSuccessStatus = 204;
    private boolean strict;
    private boolean debug;
    private final List<CorsProblem> inputProblems = new ArrayList<>();

    private Builder() {}

    /**
     * Express's string origin: {@code "*"} allows any origin; a string with {@code *} is an origin
     * pattern ({@code https://*.example.com}); any other string is a fixed origin, sent on every
     * response.
     */
    public Builder origin(String origin) {
      return originValue(Objects.requireNonNull(origin, "origin"));
    }

    /**
     * Express's boolean origin: {@code true} reflects the request's origin, {@code false} disables
     * CORS.
     */
    public Builder origin(boolean origin) {
      return originValue(origin);
    }

    /** Express's RegExp origin: allowed when the regex finds a match in the request's origin. */
    public Builder origin(Pattern origin) {
      return originValue(Objects.requireNonNull(origin, "origin"));
    }

    /** Express's array origin: exact origins and patterns (Strings) and regexes (Patterns). */
    public Builder origin(List<?> origin) {
      return originValue(List.copyOf(origin));
    }

    /** Any {@link Origins} value. */
    public Builder origin(Origins origin) {
      return originValue(Objects.requireNonNull(origin, "origin"));
    }

    /** Express's function origin: decided per request, possibly later. */
    public Builder origin(OriginResolver origin) {
      this.originResolver = Objects.requireNonNull(origin, "origin");
      this.origin = null;
      this.originGiven = true;
      return this;
    }

    /** Any origin shape, checked by {@link #build()}; used by config files. */
    Builder originValue(Object spec) {
      if (spec instanceof OriginResolver) {
        return origin((OriginResolver) spec);
      }
      this.origin = spec;
      this.originResolver = null;
      this.originGiven = true;
      return this;
    }

    /** Methods as one comma-separated string, sent as written ({@code "GET,PUT"}). */
    public Builder methods(String methods) {
      this.methods = Objects.requireNonNull(methods, "methods");
      return this;
    }

    /** Methods as a list, joined with {@code ,}. */
    public Builder methods(String... methods) {
      this.methods = List.of(methods);
      return this;
    }

    /** Methods as a list, joined with {@code ,}. */
    public Builder methods(List<String> methods) {
      this.methods = List.copyOf(methods);
      return this;
    }

    /**
     * Allowed headers as one comma-separated string, sent as written. As in Express, an empty
     * string means "not set": the preflight's requested headers are reflected.
     */
    public Builder allowedHeaders(String allowedHeaders) {
      this.allowedHeaders =
          allowedHeaders == null || allowedHeaders.isEmpty() ? null : allowedHeaders;
      return this;
    }

    /** Allowed headers as a list, joined with {@code ,}; an empty list sends none. */
    public Builder allowedHeaders(String... allowedHeaders) {
      this.allowedHeaders = List.of(allowedHeaders);
      return this;
    }

    /** Allowed headers as a list, joined with {@code ,}; an empty list sends none. */
    public Builder allowedHeaders(List<String> allowedHeaders) {
      this.allowedHeaders = allowedHeaders == null ? null : List.copyOf(allowedHeaders);
      return this;
    }

    /** Exposed headers as one comma-separated string, sent as written. */
    public Builder exposedHeaders(String exposedHeaders) {
      this.exposedHeaders = exposedHeaders;
      return this;
    }

    /** Exposed headers as a list, joined with {@code ,}. */
    public Builder exposedHeaders(String... exposedHeaders) {
      this.exposedHeaders = List.of(exposedHeaders);
      return this;
    }

    /** Exposed headers as a list, joined with {@code ,}. */
    public Builder exposedHeaders(List<String> exposedHeaders) {
      this.exposedHeaders = exposedHeaders == null ? null : List.copyOf(exposedHeaders);
      return this;
    }

    /** Sends {@code Access-Control-Allow-Credentials: true}. */
    public Builder credentials(boolean credentials) {
      this.credentials = credentials;
      return this;
    }

    /** {@code Access-Control-Max-Age} in seconds, sent on preflights ({@code 0} included). */
    public Builder maxAge(long seconds) {
      this.maxAge = seconds;
      return this;
    }

    /** Passes preflights on to the application instead of answering them. */
    public Builder preflightContinue(boolean preflightContinue) {
      this.preflightContinue = preflightContinue;
      return this;
    }

    /** The status of preflight answers (default 204; some legacy clients need 200). */
    public Builder optionsSuccessStatus(int status) {
      this.optionsSuccessStatus = status;
      return this;
    }

    /** Refuses every risky configuration instead of logging a warning. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Logs each refused request with its reason. Off by default; costs nothing when off. */
    public Builder debug(boolean debug) {
      this.debug = debug;
      return this;
    }

    /** Records a problem found while reading a config file, reported by {@link #build()}. */
    Builder inputProblem(CorsProblem problem) {
      inputProblems.add(problem);
      return this;
    }

    /** Every problem, errors and warnings, without building. Strict mode is not applied. */
    public List<CorsProblem> problems() {
      return OptionsCheck.check(this).all();
    }

    /**
     * Validates and compiles the options.
     *
     * @throws CorsConfigException listing every error, and in strict mode every warning too
     */
    public CorsOptions build() {
      return build(true);
    }

    CorsOptions build(boolean logWarnings) {
      Checked checked = OptionsCheck.check(this);
      List<CorsProblem> refused = new ArrayList<>();
      for (CorsProblem problem : checked.all()) {
        if (strict || problem.severity() == CorsProblem.Severity.ERROR) {
          refused.add(problem.withSeverity(CorsProblem.Severity.ERROR));
        }
      }
      if (!refused.isEmpty()) {
        throw new CorsConfigException(refused);
      }
      for (CorsProblem warning : logWarnings ? checked.warnings : List.<CorsProblem>of()) {
        LOG.log(System.Logger.Level.WARNING, "CORS configuration risk: {0}", warning);
      }
      return new CorsOptions(this, checked);
    }

    Builder copy() {
      Builder b = new Builder();
      b.origin = origin;
      b.originGiven = originGiven;
      b.originResolver = originResolver;
      b.methods = methods;
      b.allowedHeaders = allowedHeaders;
      b.exposedHeaders = exposedHeaders;
      b.credentials = credentials;
      b.maxAge = maxAge;
      b.preflightContinue = preflightContinue;
      b.optionsSuccessStatus = optionsSuccessStatus;
      b.strict = strict;
      b.debug = debug;
      b.inputProblems.addAll(inputProblems);
      return b;
    }

    // Read by OptionsCheck.
    Object originSpec() {
      return origin;
    }

    boolean originGiven() {
      return originGiven;
    }

    OriginResolver originResolver() {
      return originResolver;
    }

    Object methodsSpec() {
      return methods;
    }

    Object allowedHeadersSpec() {
      return allowedHeaders;
    }

    Object exposedHeadersSpec() {
      return exposedHeaders;
    }

    boolean credentials() {
      return credentials;
    }

    Long maxAge() {
      return maxAge;
    }

    int optionsSuccessStatus() {
      return optionsSuccessStatus;
    }

    boolean isStrict() {
      return strict;
    }

    List<CorsProblem> inputProblems() {
      return inputProblems;
    }
  }

  /** A list option (methods, headers) checked: its elements and its header value as sent. */
  static final class ListOption {
    final List<String> elements;
    final String header;

    /** Where each element is written: {@code methods[1]} in a list, {@code methods} in a string. */
    final List<String> paths;

    ListOption(List<String> elements, String header, List<String> paths) {
      this.elements = List.copyOf(elements);
      this.header = header;
      this.paths = List.copyOf(paths);
    }
  }

  /** The outcome of checking a builder: compiled parts and problems. */
  static final class Checked {
    Origins origin;
    ListOption methods;
    ListOption allowedHeaders;
    ListOption exposedHeaders;
    final List<CorsProblem> errors = new ArrayList<>();
    final List<CorsProblem> warnings = new ArrayList<>();
    private final List<CorsProblem> order = new ArrayList<>();

    void add(CorsProblem problem) {
      order.add(problem);
      (problem.severity() == CorsProblem.Severity.ERROR ? errors : warnings).add(problem);
    }

    List<CorsProblem> all() {
      return List.copyOf(order);
    }
  }

  @Override
  public String toString() {
    return "CorsOptions{origin="
        + (origin != null ? origin : "<function>")
        + ", methods="
        + methods
        + ", allowedHeaders="
        + (allowedHeaders == null ? "<reflect>" : allowedHeaders)
        + ", exposedHeaders="
        + exposedHeaders
        + ", credentials="
        + credentials
        + ", maxAge="
        + maxAgeHeader
        + ", preflightContinue="
        + preflightContinue
        + ", optionsSuccessStatus="
        + source.optionsSuccessStatus
        + "}";
  }
}
