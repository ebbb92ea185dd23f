package io.jcors.check;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A request as the check sent it, like the browser would: method, URL and the headers that matter
 * to CORS (the HTTP client adds {@code Host}, {@code User-Agent} and framing headers).
 *
 * <pre>{@code
 * SentRequest preflight = report.steps().get(0).request();
 * assertEquals("OPTIONS", preflight.method());
 * }</pre>
 *
 * @param method the method on the request line
 * @param url the URL
 * @param headers the header lines, in the order sent
 */
public record SentRequest(String method, URI url, List<Header> headers) {
  /** Copies the header list. */
  public SentRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
  }
}
