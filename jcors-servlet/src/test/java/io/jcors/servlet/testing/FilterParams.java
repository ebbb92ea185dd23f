package io.jcors.servlet.testing;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The init-params of a filter, as web.xml gives them, for a test that calls {@code init} itself.
 */
public final class FilterParams {
  private FilterParams() {}

  /**
   * A filter named {@code cors}, with no servlet context, whose init-params are these names and
   * values, in pairs: {@code params("origin", "https://app.example.com", "credentials", "true")}.
   */
  public static FilterConfig params(String... nameValue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], nameValue[i + 1]);
    }
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "cors";
      }

      @Override
      public ServletContext getServletContext() {
        return null;
      }

      @Override
      public String getInitParameter(String name) {
        return map.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(map.keySet());
      }
    };
  }
}
