package io.jcors.benchmarks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.apache.catalina.filters.CorsFilter;

/**
 * Tomcat's {@link CorsFilter}, initialised from its init parameters and called through {@code
 * doFilter} with a no-op filter chain as the application.
 */
final class TomcatSubject implements Subject {
  private static final FilterChain APPLICATION = (request, response) -> {};

  private final CorsFilter filter = new CorsFilter();
  private final ServletRequestView request;
  private final ServletResponseView response = new ServletResponseView();

  TomcatSubject(Fixture fixture) throws Exception {
    Map<String, String> params =
        Map.of(
            CorsFilter.PARAM_CORS_ALLOWED_ORIGINS, String.join(",", fixture.origins),
            CorsFilter.PARAM_CORS_ALLOWED_METHODS, String.join(",", Fixture.METHODS),
            CorsFilter.PARAM_CORS_ALLOWED_HEADERS, String.join(",", Fixture.ALLOWED_HEADERS),
            CorsFilter.PARAM_CORS_EXPOSED_HEADERS, String.join(",", Fixture.EXPOSED_HEADERS),
            CorsFilter.PARAM_CORS_SUPPORT_CREDENTIALS, "true",
            CorsFilter.PARAM_CORS_PREFLIGHT_MAXAGE, Long.toString(Fixture.MAX_AGE));
    filter.init(
        new FilterConfig() {
          @Override
          public String getFilterName() {
            return "cors";
          }

          @Override
          public ServletContext getServletContext() {
            throw ServletRequestView.unsupported("getServletContext");
          }

          @Override
          public String getInitParameter(String name) {
            return params.get(name);
          }

          @Override
          public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(params.keySet());
          }
        });
    this.request = new ServletRequestView(fixture);
  }

  @Override
  public Object handle() throws Exception {
    response.reset();
    filter.doFilter((ServletRequest) request, (ServletResponse) response, APPLICATION);
    return response.getStatus();
  }

  @Override
  public String responseHeader(String name) {
    return response.getHeader(name);
  }
}
