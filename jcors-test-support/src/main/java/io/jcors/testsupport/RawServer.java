package io.jcors.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server on 127.0.0.1 (port 0) that writes whatever bytes a test scripts, at the pace the
 * test chooses: header values with control bytes, a body sent one byte a second, no answer at all.
 * A client ({@code jcors check}) is tested against it for what a hostile server can send.
 *
 * <p>Each connection is read up to the end of the request's headers, handed to the {@link Handler}
 * with the request head, then closed: responses should say {@code Connection: close}. A server
 * started with {@link #perConnection} hands each connection whole to a {@link Connection} instead,
 * for a test that keeps it open across requests. {@link #close()} closes the listening socket and
 * every open connection, which ends a handler blocked in a read, a write or {@link Thread#sleep}.
 */
public final class RawServer implements AutoCloseable {
  /** Writes the response to one request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers the request whose head (request line and header lines, ISO-8859-1) is {@code head}.
     */
    void answer(String head, OutputStream out) throws IOException, InterruptedException;
  }

  /** Serves one whole connection: every request on it, and every response. */
  @FunctionalInterface
  public interface Connection {
    /**
     * Reads requests from {@code in} and writes responses to {@code out} for as long as the
     * connection is to stay open; the server closes it when this returns or throws.
     */
    void serve(InputStream in, OutputStream out) throws IOException, InterruptedException;
  }

  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket listener;
  private final Connection connection;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private RawServer(Connection connection) throws IOException {
    this.connection = connection;
    this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "raw-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server that answers every request with {@code handler}. */
  public static RawServer start(Handler handler) throws IOException {
    return new RawServer(
        (in, out) -> {
          String head = readHead(in);
          if (head != null) {
            handler.answer(head, out);
          }
        });
  }

  /**
   * Starts a server that hands each connection to {@code connection}, which reads and answers as
   * many requests on it as it chooses: a connection kept open for the next request (RFC 9112
   * section 9.3), a request body read or skipped.
   */
  public static RawServer perConnection(Connection connection) throws IOException {
    return new RawServer(connection);
  }

  /**
   * Starts a server that answers every request {@code 200} with {@code Access-Control-Allow-Origin:
   * *} and a 600-byte body sent one byte a second: a server that is never silent for long, yet
   * never finishes within a client's deadline.
   */
  public static RawServer slowBody() throws IOException {
    return start(
        (head, out) -> {
          write(
              out,
              "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 600\r\n"
                  + "Connection: close\r\n\r\n");
          for (int i = 0; i < 600; i++) {
            write(out, "x");
            Thread.sleep(1000);
          }
        });
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String origin() {
    return "http://127.0.0.1:" + port();
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Writes {@code text} as ISO-8859-1 bytes (one byte per char up to U+00FF) and flushes. */
  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      Thread thread = new Thread(() -> serve(socket), "raw-server-connection");
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      connection.serve(socket.getInputStream(), socket.getOutputStream());
    } catch (SocketException e) {
      // the client went away, or close() closed the socket
    } catch (IOException e) {
      // the same, seen from a stream
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
      threads.remove(Thread.currentThread());
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  /** Closes the listening socket and every connection, and waits a little for the handlers. */
  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
    try {
      acceptor.join(2_000);
      for (Thread thread : threads) {
        thread.join(2_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
