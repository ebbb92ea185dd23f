/**
 * jcors for Jakarta Servlet 6: a {@code jakarta.servlet.Filter} for Tomcat, Jetty, Undertow and
 * Spring MVC.
 */
module io.jcors.servlet {
  requires transitive io.jcors;
  requires transitive jakarta.servlet;
  // init-params and config files (JSON, YAML, properties; classpath:cors.yaml).
  requires io.jcors.config;
  // Only to keep the CORS headers of Jetty's own error responses, when Jetty is there.
  requires static org.eclipse.jetty.ee10.servlet;

  exports io.jcors.servlet;
}
