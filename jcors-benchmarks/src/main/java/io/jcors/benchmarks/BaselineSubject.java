package io.jcors.benchmarks;

/** No CORS at all: the request goes straight to the no-op application. The floor. */
final class BaselineSubject implements Subject {
  private final HeaderList response = new HeaderList();
  private final String method;

  BaselineSubject(Fixture fixture) {
    this.method = fixture.method;
  }

  @Override
  public Object handle() {
    response.clear();
    return method;
  }

  @Override
  public String responseHeader(String name) {
    return response.get(name);
  }
}
