package io.jcors.benchmarks;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;

/**
 * jcors as a server adapter uses it: a {@link CorsRequest} view over the server's request headers,
 * {@link CorsPolicy#decideNow(CorsRequest)}, and the decision written through {@link CorsHeaders}
 * into the server's response headers.
 */
final class JcorsSubject implements Subject {
  private final CorsPolicy policy;
  private final Request request;
  private final Response response = new Response();

  JcorsSubject(Fixture fixture) {
    this.policy = fixture.jcorsPolicy();
    this.request = new Request(fixture);
  }

  @Override
  public Object handle() {
    response.headers.clear();
    CorsDecision decision = policy.decideNow(request);
    decision.writeTo(request, response);
    return decision;
  }

  @Override
  public String responseHeader(String name) {
    return response.headers.get(name);
  }

  /** The server's request: method, path and header fields as parsed. */
  static final class Request implements CorsRequest {
    private final String method;
    private final String[] names;
    private final String[] values;

    Request(Fixture fixture) {
      this.method = fixture.method;
      this.names = new String[fixture.headers.size()];
      this.values = new String[fixture.headers.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = fixture.headers.get(i)[0];
        values[i] = fixture.headers.get(i)[1];
      }
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return Fixture.PATH;
    }

    @Override
    public String header(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(name)) {
          return values[i];
        }
      }
      return null;
    }
  }

  /** The server's response headers. */
  static final class Response implements CorsHeaders {
    final HeaderList headers = new HeaderList();

    @Override
    public String get(String name) {
      return headers.get(name);
    }

    @Override
    public void set(String name, String value) {
      headers.set(name, value);
    }
  }
}
