package io.jcors.check;

import io.jcors.testsupport.RawServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP/1.1 server on 127.0.0.1 (port 0), over a plain socket so that it writes exactly the
 * bytes a test scripts: it answers each path with a scripted response, one for preflights ({@code
 * OPTIONS} with {@code Access-Control-Request-Method}) and one for everything else, and records
 * every request it receives with its header lines as they arrived (ISO-8859-1, one char per byte).
 *
 * <p>A {@linkplain Reply#of(int, String...) reply of header lines} is sent with {@code Date} and
 * {@code Content-Length}, on a connection kept open for the next request, as a usual server does; a
 * {@linkplain Reply#raw(String) raw reply} is sent byte for byte, and the connection closed after
 * it.
 */
final class ScriptedServer implements AutoCloseable {
  private static final int MAX_HEAD = 256 * 1024;
  private static final AtomicLong ORDER = new AtomicLong();

  /**
   * A scripted response: status, header lines (repeats allowed) and body, or the raw bytes of a
   * whole response.
   */
  record Reply(int status, List<Header> headers, String body, String raw) {
    /**
     * Header lines written {@code Name: value}, sent as written ({@code Name: value}, ISO-8859-1):
     * the one space after the colon is the separator, any other whitespace is part of the value.
     */
    static Reply of(int status, String... lines) {
      List<Header> headers = new ArrayList<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        String value = line.substring(colon + 1);
        headers.add(
            new Header(
                line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
      }
      return new Reply(status, headers, "", null);
    }

    /**
     * The whole response, status line to body, as ISO-8859-1 bytes: {@code "HTTP/1.1 200 OK\r\nX:
     * a\u0000b\r\n\r\n"}. The connection is closed after it, which ends a body without framing.
     */
    static Reply raw(String response) {
      return new Reply(0, List.of(), "", response);
    }

    Reply withBody(String body) {
      return new Reply(status, headers, body, raw);
    }
  }

  /**
   * A request as the server saw it: the path (without query), the request target as sent, the
   * header lines, and a number that orders requests across servers.
   */
  record Received(String method, String path, String target, List<Header> headers, long order) {
    String header(String name) {
      for (Header header : headers) {
        if (header.name().equalsIgnoreCase(name)) {
          return header.value();
        }
      }
      return null;
    }

    boolean isPreflight() {
      return method.equals("OPTIONS") && header("Access-Control-Request-Method") != null;
    }
  }

  private record Route(Reply preflight, Reply actual) {}

  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final RawServer server;

  ScriptedServer() throws IOException {
    server = RawServer.perConnection(this::serve);
  }

  /** {@code http://127.0.0.1:PORT}. */
  String origin() {
    return server.origin();
  }

  /** The port. */
  int port() {
    return server.port();
  }

  /** Scripts {@code path}; a null preflight reply answers preflights with a bare 404. */
  void route(String path, Reply preflight, Reply actual) {
    routes.put(path, new Route(preflight, actual));
  }

  /** Every request received so far, in order. */
  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Answers the requests of one connection until the client closes it or a raw reply is sent. */
  private void serve(InputStream socketIn, OutputStream out) throws IOException {
    InputStream in = new BufferedInputStream(socketIn);
    while (true) {
      String head = readHead(in);
      if (head == null) {
        return;
      }
      Received request = parse(head);
      skipBody(in, request);
      received.add(request);
      Route route = routes.get(request.path());
      Reply reply =
          route == null
              ? Reply.of(404)
              : request.isPreflight()
                  ? (route.preflight() == null ? Reply.of(404) : route.preflight())
                  : route.actual();
      if (reply.raw() != null) {
        out.write(reply.raw().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      out.write(response(reply, request.method()));
      out.flush();
    }
  }

  private static byte[] response(Reply reply, String method) {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ").append(reply.status()).append(" Scripted\r\n");
    for (Header header : reply.headers()) {
      head.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    head.append("Date: ")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("\r\n");
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    boolean noBody =
        reply.status() == 204
            || reply.status() == 304
            || (reply.status() >= 100 && reply.status() < 200);
    if (!noBody) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!noBody && !method.equals("HEAD")) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }

  /** The request head up to the empty line (ISO-8859-1), or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (head.size() == 0 && (b == '\r' || b == '\n')) {
        continue; // RFC 9112 section 2.2: empty lines before a request line are ignored
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
  }

  private static Received parse(String head) {
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "/";
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    List<Header> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            new Header(lines[i].substring(0, colon), trimSpaces(lines[i].substring(colon + 1))));
      }
    }
    return new Received(requestLine[0], path, target, headers, ORDER.incrementAndGet());
  }

  private static void skipBody(InputStream in, Received request) throws IOException {
    String length = request.header("Content-Length");
    if (length == null) {
      return;
    }
    long remaining = Long.parseLong(length.trim());
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        if (in.read() < 0) {
          return;
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
  }

  /** Removes spaces and tabs (RFC 9110 OWS) at both ends. */
  private static String trimSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
