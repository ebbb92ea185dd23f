package io.jcors.dropwizard;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.jcors.servlet.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;

public class ProductsApplication extends Application<Configuration> {
  @Override
  public void run(Configuration configuration, Environment environment) {
    environment.jersey().register(new Products());

    FilterRegistration.Dynamic cors = environment.servlets().addFilter("jcors", CorsFilter.class);
    cors.setInitParameter("origin", "https://app.example.com, https://*.example.org");
    cors.setInitParameter("methods", "GET,POST,PUT,DELETE");
    cors.setInitParameter("allowedHeaders", "Content-Type,Authorization");
    cors.setInitParameter("credentials", "true");
    cors.setInitParameter("maxAge", "1800");
    cors.setAsyncSupported(true);
    cors.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
        false,
        "/*");
  }
}
