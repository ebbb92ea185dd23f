package io.jcors.check;

import java.util.List;
import java.util.Objects;

/**
 * A request as the check sent it, like the browser would: method, URL and the headers that matter
 * to CORS. The bytes on the wire also carry {@code Host}, {@code Content-Length: 0} for {@code
 * POST} and {@code PUT}, {@code User-Agent} and {@code Connection: close}.
 *
 * <pre>{@code
 * SentRequest preflight = report.steps().get(0).request();
 * assertEquals("OPTIONS", preflight.method());
 * }</pre>
 *
 * @param method the method on the request line
 * @param url the URL as the URL standard serializes it, without fragment
 * @param headers the header lines, in the order sent
 */
public record SentRequest(String method, String url, List<Header> headers) {
  /** Copies the header list. */
  public SentRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
  }
}
