package io.jcors.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link java.net.http.HttpClient} refuses to send
 * (control bytes, duplicate or enormous headers, absurd methods). The request is sent as given,
 * with {@code Connection: close}, and one response is read: its head, then its body as its framing
 * says (RFC 9112 section 6.3: none for a HEAD request, a 1xx, 204 or 304; else {@code
 * Content-Length} bytes, or chunks up to the last one, or up to the end of the connection when
 * neither is given). The read stops there rather than waiting for the server to close: RFC 9112
 * section 9.6 has a server close after answering {@code Connection: close}, but Helidon 4.5.0 keeps
 * the connection open for a next request that never comes.
 */
public final class RawHttp {
  private static final long UNTIL_CLOSE = -1;
  private static final long CHUNKED = -2;

  private RawHttp() {}

  /** A response, or {@link #NONE} when the server closed or reset the connection instead. */
  public record Response(int status, List<String[]> headers, byte[] head) {
    public static final Response NONE = new Response(0, List.of(), new byte[0]);

    public String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    /** The values of every {@code name} line, in order. */
    public List<String> lines(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    /** Whether every byte of the status line and headers is visible ASCII, space, tab or CRLF. */
    public boolean headBytesAreClean() {
      for (byte b : head) {
        int c = b & 0xff;
        if (!(c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Sends {@code head} (request line and header lines, each ending in CRLF, without the blank
   * line).
   */
  public static Response send(String base, byte[] head) throws IOException {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head);
        out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (SocketException e) {
        // The server may answer (400, 431) and close before reading all of a huge request.
      }
      return read(socket.getInputStream(), startsWith(head, "HEAD "));
    } catch (SocketException e) {
      return Response.NONE; // reset: the container refused the request
    }
  }

  public static Response send(String base, String head) throws IOException {
    return send(base, head.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    return new String(
            bytes, 0, Math.min(bytes.length, prefix.length()), StandardCharsets.ISO_8859_1)
        .equals(prefix);
  }

  private static Response read(InputStream in, boolean headRequest) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int end = -1;
    long body = UNTIL_CLOSE;
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        if (end < 0) {
          end = text.indexOf("\r\n\r\n");
          body = end < 0 || headRequest ? 0 : bodyLength(text.substring(0, end));
        }
        if (end >= 0 && complete(text, end + 4, body)) {
          break;
        }
      }
    } catch (SocketException e) {
      // reset after the response: keep what arrived
    }
    byte[] all = bytes.toByteArray();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return Response.NONE;
    }
    List<String[]> headers = headers(text.substring(0, end));
    int status = Integer.parseInt(text.substring(9, 12));
    byte[] head = new byte[end];
    System.arraycopy(all, 0, head, 0, end);
    return new Response(status, headers, head);
  }

  /** The body's length when the head gives it; {@link #CHUNKED} or {@link #UNTIL_CLOSE} if not. */
  private static long bodyLength(String head) {
    if (!head.startsWith("HTTP/1.") || head.length() < 12) {
      return UNTIL_CLOSE;
    }
    int status = Integer.parseInt(head.substring(9, 12));
    if (status < 200 || status == 204 || status == 304) {
      return 0;
    }
    for (String[] header : headers(head)) {
      if (header[0].equalsIgnoreCase("Transfer-Encoding")
          && header[1].toLowerCase(Locale.ROOT).endsWith("chunked")) {
        return CHUNKED;
      }
    }
    for (String[] header : headers(head)) {
      if (header[0].equalsIgnoreCase("Content-Length")) {
        try {
          return Long.parseLong(header[1]);
        } catch (NumberFormatException e) {
          return UNTIL_CLOSE;
        }
      }
    }
    return UNTIL_CLOSE;
  }

  /** Whether {@code text} holds the whole body starting at {@code start}. */
  private static boolean complete(String text, int start, long body) {
    if (body == UNTIL_CLOSE) {
      return false;
    }
    if (body == CHUNKED) {
      return text.endsWith("\r\n0\r\n\r\n") || text.startsWith("0\r\n\r\n", start);
    }
    return text.length() - start >= body;
  }

  private static List<String[]> headers(String head) {
    String[] lines = head.split("\r\n");
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
    }
    return headers;
  }
}
