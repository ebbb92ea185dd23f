package io.jcors.jaxrs.example;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import io.jcors.jaxrs.JcorsFeature;
import jakarta.ws.rs.ext.Provider;

/** JcorsFeature's Javadoc example and docs/adapters.md's, verbatim: the feature as a @Provider. */
@Provider
public class Cors extends JcorsFeature {
  public Cors() {
    super(
        CorsPolicy.of(CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()));
  }
}
