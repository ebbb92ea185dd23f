package io.jcors.config;

import java.util.List;

/**
 * A configuration that cannot be used, with every error found in it, each placed where it is
 * written.
 *
 * <pre>{@code
 * ConfigException e =
 *     assertThrows(
 *         ConfigException.class,
 *         () ->
 *             ConfigReader.readMap(
 *                     "init-params",
 *                     Map.of("origin", "*", "credentials", "true"),
 *                     OriginSources.none())
 *                 .policy());
 * assertEquals("credentials", e.problems().get(0).option());
 * }</pre>
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ConfigProblem> problems;

  ConfigException(String source, List<ConfigProblem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The configuration as its reader was given it: a file, {@code classpath:cors.yaml}, a name. */
  public String source() {
    return source;
  }

  /** Every error, in the order of the configuration. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /**
   * {@code cors.yaml: invalid CORS configuration (2 problems)}, then each problem on its own line,
   * {@code - 3:15: origin[0]: ...}.
   */
  private static String message(String source, List<ConfigProblem> problems) {
    return PropertyProblem.listed(source + ": invalid CORS configuration", problems);
  }
}
