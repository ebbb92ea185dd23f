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

/**
 * HTTP/1.1 over a plain socket, for requests that {@link java.net.http.HttpClient} refuses to send
 * (control bytes, duplicate or enormous headers, absurd methods). The request is sent as given, the
 * response read to the end of its headers and body ({@code Connection: close}).
 */
public final class RawHttp {
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
      return read(socket.getInputStream());
    } catch (SocketException e) {
      return Response.NONE; // reset: the container refused the request
    }
  }

  public static Response send(String base, String head) throws IOException {
    return send(base, head.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketException e) {
      // reset after the response: keep what arrived
    }
    byte[] all = bytes.toByteArray();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return Response.NONE;
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
    }
    byte[] head = new byte[end];
    System.arraycopy(all, 0, head, 0, end);
    return new Response(status, headers, head);
  }
}
