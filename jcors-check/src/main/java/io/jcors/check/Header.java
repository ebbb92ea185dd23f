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
 * @param value the header value, a byte string (one char per byte), without leading or trailing
 *     HTTP whitespace
 */
public record Header(String name, String value) {
  /** Both parts are required. */
  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads {@code Name: value} (the form of curl's {@code -H} and of {@code jcors check --header}):
   * the name before the first colon and the value after it, each without leading or trailing HTTP
   * whitespace (tab, line feed, carriage return, space; Fetch "normalize"), so that a vertical tab
   * or form feed stays part of the value as it does in a browser.
   *
   * @throws IllegalArgumentException when there is no colon or no name
   */
  public static Header parse(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "header `" + line + "` is not `Name: value` (for example `X-Token: abc`)");
    }
    return new Header(
        Infra.stripHttpWhitespace(line.substring(0, colon)),
        Infra.stripHttpWhitespace(line.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
