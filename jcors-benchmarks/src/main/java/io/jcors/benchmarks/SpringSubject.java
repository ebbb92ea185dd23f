package io.jcors.benchmarks;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring Framework's {@link DefaultCorsProcessor}, called the way Spring MVC's {@code CorsFilter}
 * and handler mappings call it: {@code processRequest(config, servletRequest, servletResponse)}.
 * The processor wraps the servlet request and response in Spring's own {@code
 * ServletServerHttpRequest}/{@code ServletServerHttpResponse} itself, so that cost is Spring's.
 */
final class SpringSubject implements Subject {
  private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
  private final CorsConfiguration config = new CorsConfiguration();
  private final ServletRequestView request;
  private final ServletResponseView response = new ServletResponseView();

  SpringSubject(Fixture fixture) {
    config.setAllowedOrigins(fixture.origins);
    config.setAllowedMethods(Fixture.METHODS);
    config.setAllowedHeaders(Fixture.ALLOWED_HEADERS);
    config.setExposedHeaders(Fixture.EXPOSED_HEADERS);
    config.setAllowCredentials(true);
    config.setMaxAge(Fixture.MAX_AGE);
    config.validateAllowCredentials();
    this.request = new ServletRequestView(fixture);
  }

  @Override
  public Object handle() throws Exception {
    response.reset();
    return processor.processRequest(config, request, response);
  }

  @Override
  public String responseHeader(String name) {
    return response.getHeader(name);
  }
}
