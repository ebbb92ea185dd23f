package io.jcors.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One raw connection that sends several requests at once (HTTP/1.1 pipelining) and reads the
 * responses back in order, each framed by {@code Content-Length} or chunked.
 */
final class Pipelined implements AutoCloseable {
  /** A response: status, headers (lines of one name joined with ", "), body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final Socket socket;
  private final InputStream in;

  Pipelined(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
  }

  /** Sends {@code requests}, each a full request (head, blank line, body), in one write. */
  Pipelined send(String... requests) throws IOException {
    socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  /** The next response on the connection. */
  Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line; !(line = line()).isEmpty(); ) {
      int colon = line.indexOf(':');
      headers.merge(
          line.substring(0, colon), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String length = headers.get("Content-Length");
    if (length != null) {
      body.write(in.readNBytes(Integer.parseInt(length)));
    } else if ("chunked"
        .equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
      for (int size; (size = Integer.parseInt(line().strip(), 16)) > 0; ) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  /** Whether the server closed the connection (the next read ends the stream). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      if (b == '\n') {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
