package io.jcors.benchmarks;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The smallest {@link HttpServletResponse} that Spring's and Tomcat's CORS code can run on: status,
 * header fields and a body that is thrown away. Reused: {@link #reset()} clears it.
 */
final class ServletResponseView implements HttpServletResponse {
  final HeaderList headers = new HeaderList();
  private int status = 200;
  private String contentType;
  private final ServletOutputStream body =
      new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw ServletRequestView.unsupported("setWriteListener");
        }
      };

  @Override
  public void reset() {
    headers.clear();
    status = 200;
    contentType = null;
  }

  @Override
  public void setHeader(String name, String value) {
    headers.set(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    headers.add(name, value);
  }

  @Override
  public void setIntHeader(String name, int value) {
    headers.set(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    headers.add(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    throw ServletRequestView.unsupported("setDateHeader");
  }

  @Override
  public void addDateHeader(String name, long date) {
    throw ServletRequestView.unsupported("addDateHeader");
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.contains(name);
  }

  @Override
  public String getHeader(String name) {
    return headers.get(name);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return headers.getAll(name);
  }

  @Override
  public Collection<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!names.contains(headers.name(i))) {
        names.add(headers.name(i));
      }
    }
    return names;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
  }

  @Override
  public void sendRedirect(String location, int sc, boolean clearBuffer) {
    throw ServletRequestView.unsupported("sendRedirect");
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public String getCharacterEncoding() {
    return "ISO-8859-1";
  }

  @Override
  public void setCharacterEncoding(String charset) {}

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public ServletOutputStream getOutputStream() {
    return body;
  }

  @Override
  public PrintWriter getWriter() {
    throw ServletRequestView.unsupported("getWriter");
  }

  @Override
  public void setBufferSize(int size) {}

  @Override
  public int getBufferSize() {
    return 8192;
  }

  @Override
  public void flushBuffer() {}

  @Override
  public void resetBuffer() {}

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void setLocale(Locale loc) {}

  @Override
  public Locale getLocale() {
    return Locale.ROOT;
  }

  @Override
  public void addCookie(Cookie cookie) {
    throw ServletRequestView.unsupported("addCookie");
  }

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }
}
