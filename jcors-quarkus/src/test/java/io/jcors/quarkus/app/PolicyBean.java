package io.jcors.quarkus.app;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import io.jcors.Origins;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** A {@code CorsPolicy} bean of the application; only in PolicyBeanTest's profile. */
@Alternative
@Singleton
public class PolicyBean {
  /** The one origin the bean's policy allows. */
  public static final String ORIGIN = "https://bean.example";

  @Produces
  @Singleton
  CorsPolicy corsPolicy() {
    return CorsPolicy.of(CorsOptions.builder().origin(Origins.of(ORIGIN)).build());
  }
}
