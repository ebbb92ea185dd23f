package io.jcors.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A response as a browser reads it: status and header lines (names as the server wrote them,
 * repeated names as separate lines, values normalized). Each engine reads the bytes of a malformed
 * response in its own way (docs/fetch-rules.md, F46-F52), so engines may see different headers.
 *
 * <pre>{@code
 * ReceivedResponse response = report.steps().get(0).response();
 * assertEquals(List.of("https://app.example.com"), response.values("access-control-allow-origin"));
 * }</pre>
 *
 * @param status the HTTP status code (0 when the status line could not be read)
 * @param headers the header lines
 */
public record ReceivedResponse(int status, List<Header> headers) {
  /** Copies the header list. */
  public ReceivedResponse {
    headers = List.copyOf(headers);
  }

  /** The values of every line named {@code name} (ASCII case-insensitive), in order. */
  public List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (Header header : headers) {
      if (Infra.asciiEqualsIgnoreCase(header.name(), name)) {
        values.add(header.value());
      }
    }
    return values;
  }

  /**
   * Fetch "get": the values of {@code name} joined by {@code ", "}, or null when absent. This is
   * how a browser sees a header sent on several lines.
   */
  public String get(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
