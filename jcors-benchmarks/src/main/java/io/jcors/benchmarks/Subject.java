package io.jcors.benchmarks;

/**
 * One CORS implementation wired to a server-like request and response, both built once: {@link
 * #handle()} is what the comparison benchmark times.
 */
interface Subject {
  /**
   * Clears the response, passes the request through the CORS layer (and to a no-op application when
   * the layer lets it through), and returns something that depends on the outcome.
   */
  Object handle() throws Exception;

  /** A response header after {@link #handle()}, or null. */
  String responseHeader(String name);

  /** Creates the subject {@code impl} for the policy and request of {@code fixture}. */
  static Subject create(String impl, Fixture fixture) throws Exception {
    switch (impl) {
      case "baseline":
        return new BaselineSubject(fixture);
      case "jcors":
        return new JcorsSubject(fixture);
      case "spring":
        return new SpringSubject(fixture);
      case "tomcat":
        return new TomcatSubject(fixture);
      case "jetty":
        return new JettySubject(fixture);
      case "netty":
        return new NettySubject(fixture);
      default:
        throw new IllegalArgumentException(
            "unknown impl: " + impl + " (baseline, jcors, spring, tomcat, jetty, netty)");
    }
  }
}
