package io.jcors;

import java.util.ArrayList;
import java.util.List;

/** A request for tests: a method, a path and headers (the first of a name wins, as in adapters). */
public final class TestRequest implements CorsRequest {
  private final String method;
  private final String path;
  private final List<String[]> headers = new ArrayList<>();

  private TestRequest(String method, String path) {
    this.method = method;
    this.path = path;
  }

  public static TestRequest of(String method, String path) {
    return new TestRequest(method, path);
  }

  public static TestRequest get(String path) {
    return of("GET", path);
  }

  /** A preflight as a browser sends it. */
  public static TestRequest preflight(String path, String origin, String method) {
    return of("OPTIONS", path).origin(origin).header("Access-Control-Request-Method", method);
  }

  public TestRequest origin(String origin) {
    return header("Origin", origin);
  }

  public TestRequest header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String header(String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }
}
