package io.jcors.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcors.testsupport.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket transport against real servers: the request bytes it writes (those a browser writes,
 * control bytes included, which the JDK's HTTP client refused), the response bytes it reads as they
 * arrive (a NUL the JDK client dropped stays), framing, interim responses, its bounds, and TLS
 * through the JDK's {@code SSLSocket}, with every failure a sentence and never a Java exception
 * message.
 */
class SocketTransportTest {
  private static final Duration TIME = Duration.ofSeconds(5);

  @TempDir Path dir;

  SocketTransportTest() {}

  private static RawResponse send(RawServer server, SentRequest request) throws CheckException {
    return new SocketTransport().send(request, Deadline.after(TIME));
  }

  private static SentRequest get(String url, Header... headers) {
    return new SentRequest("GET", url, List.of(headers));
  }

  @Test
  void writesTheBytesABrowserWrites_controlBytesIncluded() throws Exception {
    AtomicReference<String> head = new AtomicReference<>();
    try (RawServer server =
        RawServer.start(
            (request, out) -> {
              head.set(request);
              RawServer.write(out, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
            })) {
      String url = server.origin() + "/a%20b?c=d";
      send(
          server,
          new SentRequest(
              "PUT",
              url,
              List.of(new Header("X-Test", "a\u0001b\u007f"), new Header("X-L", "\u00e9"))));

      assertThat(head.get())
          .isEqualTo(
              "PUT /a%20b?c=d HTTP/1.1\r\n"
                  + "Host: "
                  + server.origin().substring("http://".length())
                  + "\r\n"
                  + "X-Test: a\u0001b\u007f\r\n"
                  + "X-L: \u00e9\r\n"
                  + "Content-Length: 0\r\n"
                  + "User-Agent: jcors-check\r\n"
                  + "Connection: close\r\n\r\n");
    }
  }

  @Test
  void readsTheResponseAsItArrived_nulAndObsFoldIncluded() throws Exception {
    try (RawServer server =
        RawServer.start(
            (request, out) ->
                RawServer.write(
                    out,
                    "\r\nHTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\u0000\r\nX-Fold: a\r\n b\n"
                        + "Content-Length: 3\r\n\r\nabc"))) {
      RawResponse response = send(server, get(server.origin() + "/"));

      assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(response.lines())
          .containsExactly(
              "Access-Control-Allow-Origin: *\u0000", "X-Fold: a", " b", "Content-Length: 3");
      assertThat(response.body()).isEqualTo(RawResponse.Body.COMPLETE);
    }
  }

  @Test
  void interimResponses_areSkipped() throws Exception {
    try (RawServer server =
        RawServer.start(
            (request, out) ->
                RawServer.write(
                    out,
                    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
      assertThat(send(server, get(server.origin() + "/")).statusLine())
          .isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void chunkedAndClosedBodies_endAsFramed() throws Exception {
    String[][] cases = {
      {"Transfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n", "COMPLETE"},
      {"Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", "INVALID_CHUNK"},
      {"Transfer-Encoding: chunked\r\n\r\n5\r\nab", "CLOSED_EARLY"},
      {"Content-Length: 10\r\n\r\nab", "CLOSED_EARLY"},
      {"Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", "COMPLETE"},
      {"\r\nbody until the connection closes", "COMPLETE"},
    };
    for (String[] c : cases) {
      try (RawServer server =
          RawServer.start((request, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\n" + c[0]))) {
        assertThat(send(server, get(server.origin() + "/")).body().name()).as(c[0]).isEqualTo(c[1]);
      }
    }
  }

  @Test
  void headOverOneMebibyte_isCutAtTheLimit_andBodyPast16MebibytesIsNotRead() throws Exception {
    try (RawServer server =
        RawServer.start(
            (request, out) -> {
              RawServer.write(out, "HTTP/1.1 200 OK\r\nX-Big: ");
              byte[] kib = "a".repeat(1024).getBytes(StandardCharsets.ISO_8859_1);
              for (int i = 0; i < 2048; i++) {
                out.write(kib);
              }
              RawServer.write(out, "\r\n\r\n");
            })) {
      RawResponse response = send(server, get(server.origin() + "/"));
      assertThat(response.headTooLarge()).isTrue();
      assertThat(response.headBytes()).isEqualTo(SocketTransport.MAX_HEAD + 1);
    }
    try (RawServer server =
        RawServer.start(
            (request, out) -> {
              RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n");
              byte[] mib = new byte[1024 * 1024];
              for (int i = 0; i < 20; i++) {
                out.write(mib);
              }
            })) {
      assertThat(send(server, get(server.origin() + "/")).body())
          .isEqualTo(RawResponse.Body.NOT_READ_TO_THE_END);
    }
  }

  @Test
  void noAnswer_refusedConnection_unknownHost_areUnreachable_inPlainWords() throws Exception {
    try (RawServer server = RawServer.start((request, out) -> {})) {
      assertThat(unreachable(server.origin() + "/"))
          .endsWith(": the server closed the connection without answering");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(unreachable("http://127.0.0.1:" + port + "/"))
        .isEqualTo(
            "cannot reach http://127.0.0.1:"
                + port
                + "/: connection refused (is the server running on that port?)");
    assertThat(unreachable("http://no-such-host.invalid/"))
        .isEqualTo("cannot reach http://no-such-host.invalid/: unknown host");
  }

  private static String unreachable(String url) {
    CheckException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                catchThrowableOfType(
                    CheckException.class,
                    () -> new SocketTransport().send(get(url), Deadline.after(TIME))));
    assertThat(e).as(url).isNotNull();
    assertThat(e.kind()).isEqualTo(CheckException.Kind.UNREACHABLE);
    return e.getMessage();
  }

  // ---------------------------------------------------------------------------------------------
  // TLS

  /** A PKCS#12 key store with a self-signed certificate for {@code san} (keytool of this JDK). */
  private Path keyStore(String name, String san) throws Exception {
    Path store = dir.resolve(name + ".p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "test",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    return store;
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  /** A client that trusts the certificate of {@code store}. */
  private static SSLSocketFactory trusting(Path store) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(store));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  /** A TLS server on 127.0.0.1 with the key of {@code store} that answers every request. */
  private static final class TlsServer implements AutoCloseable {
    private final SSLServerSocket listener;
    private final AtomicReference<String> head = new AtomicReference<>();

    TlsServer(Path store, String response) throws Exception {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(store), "changeit".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      listener =
          (SSLServerSocket)
              context
                  .getServerSocketFactory()
                  .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
      Thread thread =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(5000);
                    InputStream in = socket.getInputStream();
                    ByteArrayOutputStream request = new ByteArrayOutputStream();
                    while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                      int b = in.read();
                      if (b < 0) {
                        break;
                      }
                      request.write(b);
                    }
                    head.set(request.toString(StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                  } catch (IOException e) {
                    // a failed handshake, or closing
                  }
                }
              },
              "tls-server");
      thread.setDaemon(true);
      thread.start();
    }

    String url(String host) {
      return "https://" + host + ":" + listener.getLocalPort() + "/x";
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }

  @Test
  void https_throughSslSocket_verifiesTheCertificateAgainstTheHost() throws Exception {
    Path store = keyStore("localhost", "dns:localhost,ip:127.0.0.1");
    String ok = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n";
    try (TlsServer server = new TlsServer(store, ok)) {
      SocketTransport transport = new SocketTransport(trusting(store));
      for (String host : new String[] {"localhost", "127.0.0.1"}) {
        RawResponse response = transport.send(get(server.url(host)), Deadline.after(TIME));
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      }
      assertThat(server.head.get()).startsWith("GET /x HTTP/1.1\r\nHost: 127.0.0.1:");

      CheckException untrusted =
          catchThrowableOfType(
              CheckException.class,
              () -> new SocketTransport().send(get(server.url("localhost")), Deadline.after(TIME)));
      assertThat(untrusted.kind()).isEqualTo(CheckException.Kind.UNREACHABLE);
      assertThat(untrusted.getMessage())
          .isEqualTo(
              "cannot reach "
                  + server.url("localhost")
                  + ": TLS failed: the server's certificate is not trusted (self-signed, or its"
                  + " issuer is unknown)");
    }
    Path other = keyStore("other", "dns:other.example");
    try (TlsServer server = new TlsServer(other, ok)) {
      CheckException mismatch =
          catchThrowableOfType(
              CheckException.class,
              () ->
                  new SocketTransport(trusting(other))
                      .send(get(server.url("localhost")), Deadline.after(TIME)));
      assertThat(mismatch.getMessage())
          .endsWith(": TLS failed: the server's certificate is not for localhost");
    }
  }

  @Test
  void https_toAPlainHttpServer_saysSo() throws Exception {
    // A plain HTTP server answers the TLS client hello, which it cannot read, with a 400.
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread thread =
          new Thread(
              () -> {
                try (java.net.Socket socket = plain.accept()) {
                  socket.getInputStream().read(new byte[512]);
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                              .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                  // the client went away
                }
              });
      thread.setDaemon(true);
      thread.start();
      String url = "https://127.0.0.1:" + plain.getLocalPort() + "/";
      CheckException e =
          catchThrowableOfType(
              CheckException.class,
              () -> new SocketTransport().send(get(url), Deadline.after(TIME)));
      assertThat(e.getMessage())
          .isEqualTo(
              "cannot reach "
                  + url
                  + ": TLS failed: the server does not speak TLS on that port (is the URL http://?)");
    }
  }
}
