package io.jcors.check;

import java.util.Objects;

/**
 * One header line of a request or a response, as sent or received.
 *
 * <pre>{@code
 * Header header = Header.parse("X-Token: abc");
 * assertEquals("X-Token", header.name());
 * assertEquals("abc", header.value());
 * }</pre>
 *
 * @param name the header name as written
 * @param value the header value, without leading or trailing spaces
 */
public record Header(String name, String value) {
  /** Both parts are required. */
  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads {@code Name: value} (the form of curl's {@code -H} and of {@code jcors check --header}).
   *
   * @throws IllegalArgumentException when there is no colon or no name
   */
  public static Header parse(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "header `" + line + "` is not `Name: value` (for example `X-Token: abc`)");
    }
    return new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
