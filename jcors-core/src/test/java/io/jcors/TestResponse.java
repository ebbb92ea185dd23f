package io.jcors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A response for tests: headers by case-insensitive name, as a decision writes them. */
public final class TestResponse implements CorsHeaders {
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** An empty response. */
  public TestResponse() {}

  /** A response whose application already set {@code name: value}. */
  public static TestResponse with(String name, String value) {
    TestResponse response = new TestResponse();
    response.headers.put(name, value);
    return response;
  }

  @Override
  public String get(String name) {
    return headers.get(name);
  }

  @Override
  public void set(String name, String value) {
    headers.put(name, value);
  }

  /** Removes every header, as a container does when it resets the response. */
  public void clear() {
    headers.clear();
  }

  /** The header's value, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Every header, in name order. */
  public Map<String, String> headers() {
    return new LinkedHashMap<>(headers);
  }

  @Override
  public String toString() {
    return headers.toString();
  }
}
