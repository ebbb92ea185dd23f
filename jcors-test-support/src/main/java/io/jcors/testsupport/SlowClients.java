package io.jcors.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that send a request's headers one byte at a time and never finish them (a "slowloris"
 * client), to show that a server keeps answering other clients and closes these by its own timeout.
 * Loopback only, bounded in count; one background thread writes one byte to each open connection
 * every {@code interval}. {@link #close()} closes every socket.
 */
public final class SlowClients implements AutoCloseable {
  private final List<Socket> sockets = new ArrayList<>();
  private final boolean[] closedByServer;
  private final Thread dribbler;
  private volatile boolean stopped;

  private SlowClients(String base, int count, Duration interval) throws IOException {
    URI uri = URI.create(base);
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
      throw new IllegalArgumentException("slow clients target loopback only, not " + base);
    }
    if (count < 1 || count > 2000) {
      throw new IllegalArgumentException("1 to 2000 slow clients, not " + count);
    }
    closedByServer = new boolean[count];
    try {
      for (int i = 0; i < count; i++) {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(1);
        // The request line and one header at once; then an endless header, byte by byte.
        socket
            .getOutputStream()
            .write(
                ("GET /slow/" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    dribbler = new Thread(() -> dribble(interval), "slow-clients");
    dribbler.setDaemon(true);
    dribbler.start();
  }

  /**
   * Opens {@code count} connections to {@code base} ({@code http://127.0.0.1:PORT}) and starts
   * sending one header byte on each every {@code interval}.
   */
  public static SlowClients open(String base, int count, Duration interval) throws IOException {
    return new SlowClients(base, count, interval);
  }

  private void dribble(Duration interval) {
    while (!stopped) {
      for (int i = 0; i < sockets.size() && !stopped; i++) {
        synchronized (this) {
          if (closedByServer[i]) {
            continue;
          }
          try {
            sockets.get(i).getOutputStream().write('a');
          } catch (IOException e) {
            closedByServer[i] = !stopped; // reset or broken pipe: the server closed it
          }
        }
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * How many of the connections the server has closed (or answered) so far: a read that does not
   * time out at once means end of stream, a reset, or bytes the server sent.
   */
  public synchronized int closedByServer() {
    int closed = 0;
    for (int i = 0; i < sockets.size(); i++) {
      if (!closedByServer[i]) {
        try {
          sockets.get(i).getInputStream().read();
          closedByServer[i] = true;
        } catch (SocketTimeoutException e) {
          // still open, still waiting for the end of the headers
        } catch (IOException e) {
          closedByServer[i] = true;
        }
      }
      if (closedByServer[i]) {
        closed++;
      }
    }
    return closed;
  }

  /** Waits up to {@code limit} for the server to close all of them; returns how many it did. */
  public int awaitClosedByServer(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    int closed = closedByServer();
    while (closed < sockets.size() && System.nanoTime() < end) {
      Thread.sleep(100);
      closed = closedByServer();
    }
    return closed;
  }

  /** Stops writing and closes every socket. */
  @Override
  public void close() {
    stopped = true;
    if (dribbler != null) {
      dribbler.interrupt();
      try {
        dribbler.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
