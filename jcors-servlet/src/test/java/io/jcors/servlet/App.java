package io.jcors.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application behind the filter: echoes the method and path, and has routes for the cases the
 * filter must survive (the three of the Express package's error-response test, Vary, reset).
 */
final class App extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setHeader("X-Dispatch", request.getDispatcherType().name());
    String path = request.getRequestURI();
    switch (path) {
      case "/five-hundred":
        throw new ServletException("nope");
      case "/four-oh-one":
        response.setStatus(401);
        response.getWriter().write("unauthorized");
        return;
      case "/send-error-401":
        response.sendError(401, "unauthorized");
        return;
      case "/four-oh-four":
        response.sendError(404);
        return;
      case "/vary":
        response.setHeader("Vary", "Accept-Encoding");
        break;
      case "/async-vary":
      case "/async-wrapped":
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
          response.setHeader("X-First-Dispatch", "REQUEST");
          AsyncContext async =
              path.equals("/async-vary")
                  ? request.startAsync()
                  : request.startAsync(request, response);
          async.start(async::dispatch); // the application's own ASYNC dispatch sets Vary
          return;
        }
        response.setHeader("Vary", "Accept-Encoding");
        break;
      case "/vary-add":
        response.addHeader("Vary", "Accept-Language");
        response.addHeader("vary", "Accept-Encoding");
        break;
      case "/reset":
        response.setHeader("X-Before-Reset", "yes");
        response.reset();
        break;
      case "/error-page":
        response
            .getWriter()
            .write("error page " + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        return;
      default:
        break;
    }
    response.setContentType("text/plain");
    response.getWriter().write(request.getMethod() + " " + path);
  }
}
