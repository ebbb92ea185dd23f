package io.jcors.config;

/**
 * The names application properties give jcors's options: the option paths of a config file in kebab
 * case, as Spring Boot, Micronaut and Quarkus write their properties ({@code routes[0].cors.maxAge}
 * is {@code routes[0].cors.max-age}), so that a problem of an option is named as the user wrote it.
 * The options themselves, and which take a list or a boolean, are {@link
 * io.jcors.CorsConfig.Option}: an option's property name is {@code kebab(option.key())}.
 */
public final class PropertyNames {
  private PropertyNames() {}

  /**
   * {@code optionPath} in kebab case: each upper-case letter becomes a dash and the letter in lower
   * case; the rest (dots, list indexes, a name already in kebab case) stays as it is.
   *
   * <pre>{@code
   * String name = PropertyNames.kebab("routes[0].cors.preflightContinue");
   * // name is "routes[0].cors.preflight-continue"
   * }</pre>
   */
  public static String kebab(String optionPath) {
    StringBuilder s = new StringBuilder(optionPath.length() + 4);
    for (int i = 0; i < optionPath.length(); i++) {
      char c = optionPath.charAt(i);
      if (Character.isUpperCase(c)) {
        s.append('-').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
