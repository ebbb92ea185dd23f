/**
 * jcors for Jakarta Servlet 6: a {@code jakarta.servlet.Filter} for Tomcat, Jetty, Undertow and
 * Spring MVC.
 */
module io.jcors.servlet {
  requires transitive io.jcors;
  requires transitive jakarta.servlet;

  exports io.jcors.servlet;

  uses io.jcors.ConfigFileReader;
}
