package io.jcors.servlet;

import io.jcors.CorsDecision;
import io.jcors.CorsHeaders;
import io.jcors.CorsRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpStream;

/**
 * Keeps the CORS headers of an error response on Jetty 12 (ee10). Jetty answers {@code sendError}
 * and an exception after the filters have returned: it removes the content headers, {@code Vary}
 * among them ({@code ServletContextResponse.resetContent()}), then its {@code ErrorHandler} either
 * dispatches to an error page (where the filter runs again) or writes the response itself (where
 * nothing of the application runs). So the CORS headers are put back through Jetty's own hook
 * called just before the response headers are committed, {@code HttpStream.prepareResponse}, which
 * is added to that one request only.
 *
 * <p>The Jetty API is used only when Jetty's classes are visible (embedded Jetty). A web
 * application deployed in a Jetty server does not see them by default; there a warning says once
 * that error responses without an error page lose {@code Vary}.
 */
final class JettyErrors {
  private static final System.Logger LOG = System.getLogger("io.jcors.servlet");
  private static final boolean VISIBLE = visible();
  private static volatile boolean warned;

  private JettyErrors() {}

  /** On Jetty, restores the headers of {@code decision} when its error response commits. */
  static void keep(HttpServletRequest request, CorsDecision decision, CorsRequest cors) {
    String server = request.getServletContext().getServerInfo();
    if (server == null || !server.startsWith("jetty/")) {
      return; // Tomcat and others keep the headers, or run the filter again for an error page
    }
    if (VISIBLE) {
      Hook.add(request, decision, cors);
    } else if (!warned) {
      warned = true;
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS: on "
              + server
              + " the web application cannot see Jetty's classes"
              + " (org.eclipse.jetty.ee10.servlet, org.eclipse.jetty.server), so error responses"
              + " that no error page answers lose the Vary header; make those packages visible"
              + " to the web application, or map an error page");
    }
  }

  private static boolean visible() {
    try {
      ClassLoader loader = JettyErrors.class.getClassLoader();
      Class.forName("org.eclipse.jetty.ee10.servlet.ServletContextRequest", false, loader);
      Class.forName("org.eclipse.jetty.server.HttpStream", false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Every reference to Jetty's API; loaded only when those classes are visible. */
  private static final class Hook {
    private Hook() {}

    static void add(HttpServletRequest request, CorsDecision decision, CorsRequest cors) {
      ServletContextRequest jetty;
      try {
        jetty = ServletContextRequest.getServletContextRequest(request);
      } catch (IllegalStateException e) {
        return; // not a request of Jetty's ee10 servlet container
      }
      if (jetty == null) {
        return;
      }
      jetty.addHttpStreamWrapper(
          stream ->
              new HttpStream.Wrapper(stream) {
                @Override
                public void prepareResponse(HttpFields.Mutable headers) {
                  decision.restoreOn(
                      cors,
                      new CorsHeaders() {
                        @Override
                        public String get(String name) {
                          List<String> lines = headers.getValuesList(name);
                          return lines.isEmpty() ? null : String.join(", ", lines);
                        }

                        @Override
                        public void set(String name, String value) {
                          headers.put(name, value);
                        }
                      });
                  super.prepareResponse(headers);
                }
              });
    }
  }
}
