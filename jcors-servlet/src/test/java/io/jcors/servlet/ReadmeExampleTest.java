package io.jcors.servlet;

import io.jcors.CorsOptions;
import io.jcors.Origins;
import io.jcors.testsupport.Requests;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/** Runs the servlet example of docs/adapters.md, verbatim, on embedded Tomcat. */
class ReadmeExampleTest {
  /** The application's servlet in the example. */
  static final class ProductsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("application/json");
      response.getWriter().write("[{\"id\":1}]");
    }
  }

  @Test
  void servletExample_servesProductsWithCors() throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setProperty("address", "127.0.0.1");
    connector.setPort(0);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(
        (classes, servletContext) -> {
          CorsFilter cors =
              new CorsFilter(
                  CorsOptions.builder().origin(Origins.of("https://app.example.com")).build());
          cors.addTo(servletContext, "/*");
          servletContext.addServlet("products", new ProductsServlet()).addMapping("/products");
        },
        null);
    tomcat.start();
    System.out.println("listening on http://127.0.0.1:" + connector.getLocalPort());

    try {
      Requests.assertAllowed(
          "http://127.0.0.1:" + connector.getLocalPort() + "/products",
          "https://app.example.com",
          "[{\"id\":1}]");
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }
}
