package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The options of the Express {@code cors} middleware, as a plain immutable value with Express's
 * option names. {@link Builder#build()} validates them, reporting every problem at once, and
 * precomputes every header value so that a request costs lookups only. Thread-safe; {@link
 * #toBuilder()} makes variants, and {@code options.toBuilder().build()} equals {@code options}.
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

  private final OriginOption origin;
  private final HeaderList methods;
  private final HeaderList allowedHeaders;
  private final HeaderList exposedHeaders;
  private final boolean credentials;
  private final Long maxAge;
  private final boolean preflightContinue;
  private final int optionsSuccessStatus;
  private final boolean strict;
  private final boolean debug;

  /** The compiled form, for the hot path; derived from the fields above. */
  final CompiledOptions compiled;

  private CorsOptions(Builder b, OptionsCheck.Result checked) {
    this.origin = checked.origin();
    this.methods = checked.methods();
    this.allowedHeaders = checked.allowedHeaders();
    this.exposedHeaders = checked.exposedHeaders();
    this.credentials = b.credentials;
    this.maxAge = b.maxAge;
    this.preflightContinue = b.preflightContinue;
    this.optionsSuccessStatus = b.optionsSuccessStatus;
    this.strict = b.strict;
    this.debug = b.debug;
    this.compiled = new CompiledOptions(this);
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
    Builder b = new Builder();
    b.origin = origin;
    b.originGiven = true;
    b.methods = methods.spec();
    b.allowedHeaders = allowedHeaders == null ? null : allowedHeaders.spec();
    b.exposedHeaders = exposedHeaders.spec();
    b.credentials = credentials;
    b.maxAge = maxAge;
    b.preflightContinue = preflightContinue;
    b.optionsSuccessStatus = optionsSuccessStatus;
    b.strict = strict;
    b.debug = debug;
    return b;
  }

  /**
   * The origin option: an {@link Origins} value, compiled ({@code "*"}, {@code true}, {@code
   * false}, an origin, a list), or the {@link OriginResolver} that decides per request.
   */
  public OriginOption origin() {
    return origin;
  }

  /** The methods sent in {@code Access-Control-Allow-Methods} on preflights. */
  public List<String> methods() {
    return methods.elements();
  }

  /**
   * The headers sent in {@code Access-Control-Allow-Headers} on preflights, or null when the
   * preflight's {@code Access-Control-Request-Headers} is reflected (the default).
   */
  public List<String> allowedHeaders() {
    return allowedHeaders == null ? null : allowedHeaders.elements();
  }

  /** The headers sent in {@code Access-Control-Expose-Headers}. */
  public List<String> exposedHeaders() {
    return exposedHeaders.elements();
  }

  /** Whether {@code Access-Control-Allow-Credentials: true} is sent. */
  public boolean credentials() {
    return credentials;
  }

  /** The {@code Access-Control-Max-Age} in seconds, if set. */
  public OptionalLong maxAge() {
    return maxAge == null ? OptionalLong.empty() : OptionalLong.of(maxAge);
  }

  /** Whether preflights are passed on to the application instead of being answered. */
  public boolean preflightContinue() {
    return preflightContinue;
  }

  /** The status of preflight answers. */
  public int optionsSuccessStatus() {
    return optionsSuccessStatus;
  }

  /** Whether risky configurations were refused rather than warned about. */
  public boolean strict() {
    return strict;
  }

  /** Whether each refused request is logged with its reason. */
  public boolean debug() {
    return debug;
  }

  HeaderList methodsValue() {
    return methods;
  }

  HeaderList allowedHeadersValue() {
    return allowedHeaders;
  }

  HeaderList exposedHeadersValue() {
    return exposedHeaders;
  }

  /**
   * Collects options, with Express's option names. Setters only record; {@link #build()} validates
   * everything at once, and {@link #problems()} lists every problem without building.
   */
  public static final class Builder {
    private OriginOption origin = Origins.any();
    private boolean originGiven;
    private ListSpec methods = ListSpec.text(DEFAULT_METHODS);
    private ListSpec allowedHeaders;
    private ListSpec exposedHeaders;
    private boolean credentials;
    private Long maxAge;
    private boolean preflightContinue;
    private int optionsSuccessStatus = 204;
    private boolean strict;
    private boolean debug;

    private Builder() {}

    /**
     * Express's string origin: {@code "*"} allows any origin; a string with {@code *} is an origin
     * pattern ({@code https://*.example.com}); any other string is a fixed origin, sent on every
     * response.
     */
    public Builder origin(String origin) {
      return origin(Origins.written(Objects.requireNonNull(origin, "origin")));
    }

    /**
     * Express's boolean origin: {@code true} reflects the request's origin, {@code false} disables
     * CORS.
     */
    public Builder origin(boolean origin) {
      return origin(origin ? Origins.reflect() : Origins.none());
    }

    /** Express's RegExp origin: allowed when the regex finds a match in the request's origin. */
    public Builder origin(Pattern origin) {
      return origin(Origins.written(Objects.requireNonNull(origin, "origin")));
    }

    /** Express's array origin: exact origins and patterns (Strings) and regexes (Patterns). */
    public Builder origin(List<?> origin) {
      return origin(Origins.written(origin));
    }

    /** Any {@link Origins} value. */
    public Builder origin(Origins origin) {
      return origin((OriginOption) Objects.requireNonNull(origin, "origin"));
    }

    /** Express's function origin: decided per request, possibly later. */
    public Builder origin(OriginResolver origin) {
      return origin((OriginOption) Objects.requireNonNull(origin, "origin"));
    }

    /** Any value of the origin option, as {@link CorsOptions#origin()} returns it. */
    public Builder origin(OriginOption origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      this.originGiven = true;
      return this;
    }

    /** Methods as one comma-separated string, sent as written ({@code "GET,PUT"}). */
    public Builder methods(String methods) {
      this.methods = ListSpec.text(Objects.requireNonNull(methods, "methods"));
      return this;
    }

    /** Methods as a list, joined with {@code ,}. */
    public Builder methods(String... methods) {
      this.methods = ListSpec.list(List.of(methods));
      return this;
    }

    /** Methods as a list, joined with {@code ,}. */
    public Builder methods(List<String> methods) {
      this.methods = ListSpec.list(methods);
      return this;
    }

    /**
     * Allowed headers as one comma-separated string, sent as written. As in Express, an empty
     * string means "not set": the preflight's requested headers are reflected.
     */
    public Builder allowedHeaders(String allowedHeaders) {
      this.allowedHeaders =
          allowedHeaders == null || allowedHeaders.isEmpty() ? null : ListSpec.text(allowedHeaders);
      return this;
    }

    /** Allowed headers as a list, joined with {@code ,}; an empty list sends none. */
    public Builder allowedHeaders(String... allowedHeaders) {
      this.allowedHeaders = ListSpec.list(List.of(allowedHeaders));
      return this;
    }

    /** Allowed headers as a list, joined with {@code ,}; an empty list sends none. */
    public Builder allowedHeaders(List<String> allowedHeaders) {
      this.allowedHeaders = allowedHeaders == null ? null : ListSpec.list(allowedHeaders);
      return this;
    }

    /** Exposed headers as one comma-separated string, sent as written. */
    public Builder exposedHeaders(String exposedHeaders) {
      this.exposedHeaders = exposedHeaders == null ? null : ListSpec.text(exposedHeaders);
      return this;
    }

    /** Exposed headers as a list, joined with {@code ,}. */
    public Builder exposedHeaders(String... exposedHeaders) {
      this.exposedHeaders = ListSpec.list(List.of(exposedHeaders));
      return this;
    }

    /** Exposed headers as a list, joined with {@code ,}. */
    public Builder exposedHeaders(List<String> exposedHeaders) {
      this.exposedHeaders = exposedHeaders == null ? null : ListSpec.list(exposedHeaders);
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

    /**
     * Every problem, errors and warnings, in the order of the options, without building: the one
     * validation pass that {@link #build()} runs. Strict mode is not applied (a warning stays a
     * warning here; {@link #build()} refuses it).
     */
    public List<CorsProblem> problems() {
      return check().problems();
    }

    /**
     * Validates and compiles the options; logs each warning once.
     *
     * @throws CorsConfigException listing every error, and in strict mode every warning too
     */
    public CorsOptions build() {
      OptionsCheck.Result checked = check();
      List<CorsProblem> refused = new ArrayList<>();
      for (CorsProblem problem : checked.problems()) {
        if (strict || problem.severity() == CorsProblem.Severity.ERROR) {
          refused.add(problem.withSeverity(CorsProblem.Severity.ERROR));
        }
      }
      if (!refused.isEmpty()) {
        throw new CorsConfigException(refused);
      }
      for (CorsProblem warning : checked.problems()) {
        LOG.log(System.Logger.Level.WARNING, "CORS configuration risk: {0}", warning);
      }
      return new CorsOptions(this, checked);
    }

    /** The one validation pass over these options. */
    OptionsCheck.Result check() {
      return OptionsCheck.check(this);
    }

    /**
     * The options of a pass without errors, built without checking again or logging (a config file
     * reports its problems itself).
     */
    CorsOptions build(OptionsCheck.Result checked) {
      return new CorsOptions(this, checked);
    }

    // The options as written, read by the validation pass.
    OriginOption originOption() {
      return origin;
    }

    boolean originGiven() {
      return originGiven;
    }

    ListSpec methodsSpec() {
      return methods;
    }

    ListSpec allowedHeadersSpec() {
      return allowedHeaders;
    }

    ListSpec exposedHeadersSpec() {
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
  }

  /**
   * A list option (methods, headers) as written: one comma-separated string, sent as written, or a
   * list, joined with {@code ,}.
   */
  record ListSpec(String text, List<String> list) {
    static ListSpec text(String text) {
      return new ListSpec(text, null);
    }

    static ListSpec list(List<String> list) {
      return new ListSpec(null, List.copyOf(list));
    }
  }

  /**
   * A list option checked: its elements, its header value as sent (null: not sent), where each
   * element is written ({@code methods[1]} in a list, {@code methods} in a string), and the list as
   * written, which {@link CorsOptions#toBuilder()} gives back.
   */
  record HeaderList(List<String> elements, String header, List<String> paths, ListSpec spec) {
    HeaderList {
      elements = List.copyOf(elements);
      paths = List.copyOf(paths);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HeaderList
          && ((HeaderList) o).elements.equals(elements)
          && Objects.equals(((HeaderList) o).header, header);
    }

    @Override
    public int hashCode() {
      return Objects.hash(elements, header);
    }
  }

  /**
   * Whether {@code o} holds the same options: the same origin value ({@link Origins#equals}, or the
   * same function), the same header values as sent, and the same switches.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CorsOptions)) {
      return false;
    }
    CorsOptions other = (CorsOptions) o;
    return origin.equals(other.origin)
        && methods.equals(other.methods)
        && Objects.equals(allowedHeaders, other.allowedHeaders)
        && exposedHeaders.equals(other.exposedHeaders)
        && credentials == other.credentials
        && Objects.equals(maxAge, other.maxAge)
        && preflightContinue == other.preflightContinue
        && optionsSuccessStatus == other.optionsSuccessStatus
        && strict == other.strict
        && debug == other.debug;
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, methods, allowedHeaders, exposedHeaders, credentials, maxAge);
  }

  @Override
  public String toString() {
    return "CorsOptions{origin="
        + (origin instanceof Origins ? origin : "<function>")
        + ", methods="
        + methods()
        + ", allowedHeaders="
        + (allowedHeaders == null ? "<reflect>" : allowedHeaders())
        + ", exposedHeaders="
        + exposedHeaders()
        + ", credentials="
        + credentials
        + ", maxAge="
        + compiled.maxAgeHeader
        + ", preflightContinue="
        + preflightContinue
        + ", optionsSuccessStatus="
        + optionsSuccessStatus
        + "}";
  }
}
