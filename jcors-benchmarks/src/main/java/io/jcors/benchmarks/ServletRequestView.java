package io.jcors.benchmarks;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smallest {@link HttpServletRequest} that Spring's and Tomcat's CORS code can run on: the
 * request line and header fields as a servlet container has parsed them, and attributes. Anything
 * else throws, so a CORS implementation that reached for more would fail the benchmark's setup
 * check instead of being measured on an empty answer.
 */
final class ServletRequestView implements HttpServletRequest {
  private final String method;
  private final String[] names;
  private final String[] values;
  private final List<String> distinctNames = new ArrayList<>();
  private final Map<String, Object> attributes = new HashMap<>();

  ServletRequestView(Fixture fixture) {
    this.method = fixture.method;
    this.names = new String[fixture.headers.size()];
    this.values = new String[fixture.headers.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = fixture.headers.get(i)[0];
      values[i] = fixture.headers.get(i)[1];
      if (!distinctNames.contains(names[i])) {
        distinctNames.add(names[i]);
      }
    }
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getHeader(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        found.add(values[i]);
      }
    }
    return Collections.enumeration(found);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(distinctNames);
  }

  @Override
  public int getIntHeader(String name) {
    String value = getHeader(name);
    return value == null ? -1 : Integer.parseInt(value);
  }

  @Override
  public long getDateHeader(String name) {
    throw unsupported("getDateHeader");
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getServerName() {
    return Fixture.HOST;
  }

  @Override
  public int getServerPort() {
    return 80;
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public String getRequestURI() {
    return Fixture.PATH;
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer("http://").append(Fixture.HOST).append(Fixture.PATH);
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public String getServletPath() {
    return Fixture.PATH;
  }

  @Override
  public String getPathInfo() {
    return null;
  }

  @Override
  public String getQueryString() {
    return null;
  }

  @Override
  public String getContentType() {
    return null;
  }

  @Override
  public int getContentLength() {
    return -1;
  }

  @Override
  public long getContentLengthLong() {
    return -1;
  }

  @Override
  public String getCharacterEncoding() {
    return null;
  }

  @Override
  public void setCharacterEncoding(String env) {
    throw unsupported("setCharacterEncoding");
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(attributes.keySet());
  }

  @Override
  public void setAttribute(String name, Object o) {
    attributes.put(name, o);
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public ServletInputStream getInputStream() {
    throw unsupported("getInputStream");
  }

  @Override
  public String getParameter(String name) {
    throw unsupported("getParameter");
  }

  @Override
  public Enumeration<String> getParameterNames() {
    throw unsupported("getParameterNames");
  }

  @Override
  public String[] getParameterValues(String name) {
    throw unsupported("getParameterValues");
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    throw unsupported("getParameterMap");
  }

  @Override
  public BufferedReader getReader() {
    throw unsupported("getReader");
  }

  @Override
  public String getRemoteAddr() {
    return "127.0.0.1";
  }

  @Override
  public String getRemoteHost() {
    return "127.0.0.1";
  }

  @Override
  public int getRemotePort() {
    return 54321;
  }

  @Override
  public String getLocalName() {
    return Fixture.HOST;
  }

  @Override
  public String getLocalAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getLocalPort() {
    return 80;
  }

  @Override
  public Locale getLocale() {
    return Locale.ROOT;
  }

  @Override
  public Enumeration<Locale> getLocales() {
    return Collections.enumeration(List.of(Locale.ROOT));
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String path) {
    throw unsupported("getRequestDispatcher");
  }

  @Override
  public ServletContext getServletContext() {
    throw unsupported("getServletContext");
  }

  @Override
  public AsyncContext startAsync() {
    throw unsupported("startAsync");
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    throw unsupported("startAsync");
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  @Override
  public boolean isAsyncSupported() {
    return false;
  }

  @Override
  public AsyncContext getAsyncContext() {
    throw unsupported("getAsyncContext");
  }

  @Override
  public String getRequestId() {
    return "1";
  }

  @Override
  public String getProtocolRequestId() {
    return "";
  }

  @Override
  public ServletConnection getServletConnection() {
    throw unsupported("getServletConnection");
  }

  @Override
  public String getAuthType() {
    return null;
  }

  @Override
  public Cookie[] getCookies() {
    return null;
  }

  @Override
  public String getPathTranslated() {
    return null;
  }

  @Override
  public String getRemoteUser() {
    return null;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public Principal getUserPrincipal() {
    return null;
  }

  @Override
  public String getRequestedSessionId() {
    return null;
  }

  @Override
  public HttpSession getSession(boolean create) {
    throw unsupported("getSession");
  }

  @Override
  public HttpSession getSession() {
    throw unsupported("getSession");
  }

  @Override
  public String changeSessionId() {
    throw unsupported("changeSessionId");
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    return false;
  }

  @Override
  public boolean authenticate(HttpServletResponse response) {
    throw unsupported("authenticate");
  }

  @Override
  public void login(String username, String password) {
    throw unsupported("login");
  }

  @Override
  public void logout() {
    throw unsupported("logout");
  }

  @Override
  public Collection<Part> getParts() {
    throw unsupported("getParts");
  }

  @Override
  public Part getPart(String name) {
    throw unsupported("getPart");
  }

  @Override
  public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
    throw unsupported("upgrade");
  }

  static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(
        method + " is not part of the benchmark's servlet request");
  }
}
